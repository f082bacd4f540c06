import { useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { MAX_STATEMENT_LENGTH } from '../../../../shared/keyResults/keyResultTypes.ts'
import { applyTextChange, transformIndex } from './applyTextChange.ts'

/**
 * A textarea bound to a shared Y.Text: each keystroke becomes a character-level edit, others' edits arrive live
 * and the caret stays where the person was typing.
 */
export function CollaborativeText({ text, label, isEditable, onChange }: {
  text: Y.Text
  label: string
  isEditable: boolean
  onChange?: (value: string) => void
}) {
  const [value, setValue] = useState(() => text.toString())
  const ref = useRef<HTMLTextAreaElement>(null)
  const valueRef = useRef(value)
  useEffect(() => {
    const observer = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      const next = text.toString()
      const el = ref.current
      if (!transaction.local && el && document.activeElement === el) {
        const delta = event.delta as { retain?: number; insert?: unknown; delete?: number }[]
        const start = transformIndex(el.selectionStart, delta)
        const end = transformIndex(el.selectionEnd, delta)
        valueRef.current = next
        setValue(next)
        requestAnimationFrame(() => el.setSelectionRange(start, end))
      } else {
        valueRef.current = next
        setValue(next)
      }
      onChange?.(next)
    }
    text.observe(observer)
    const initial = text.toString()
    valueRef.current = initial
    setValue(initial)
    onChange?.(initial)
    return () => text.unobserve(observer)
  }, [text, onChange])
  return (
    <textarea
      ref={ref}
      className="statement"
      aria-label={label}
      value={value}
      rows={2}
      maxLength={MAX_STATEMENT_LENGTH}
      readOnly={!isEditable}
      onChange={(e) => {
        const next = e.target.value
        applyTextChange(text, valueRef.current, next)
      }}
    />
  )
}
