import { useEffect, useRef } from 'react'
import type * as Y from 'yjs'
import { MAX_STATEMENT_LENGTH } from '../../../../shared/keyResults/keyResultTypes.ts'
import { applyTextChange, transformIndex } from './applyTextChange.ts'

/**
 * A textarea bound to a shared Y.Text: each keystroke becomes a character-level edit, others' edits arrive live
 * and the caret stays where the person was typing. Uncontrolled on purpose: remote text and caret are written to
 * the element in the same tick, so no keystroke can land between a re-render and a caret fix.
 */
export function CollaborativeText({
  text,
  label,
  isEditable,
  onChange,
}: {
  text: Y.Text
  label: string
  isEditable: boolean
  onChange?: (value: string) => void
}) {
  const ref = useRef<HTMLTextAreaElement>(null)
  const shownRef = useRef(text.toString())
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const initial = text.toString()
    el.value = initial
    shownRef.current = initial
    onChange?.(initial)
    const observer = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      const next = text.toString()
      if (!transaction.local && next !== el.value) {
        const isFocused = document.activeElement === el
        const delta = event.delta as { retain?: number; insert?: unknown; delete?: number }[]
        const start = transformIndex(el.selectionStart, delta)
        const end = transformIndex(el.selectionEnd, delta)
        el.value = next
        if (isFocused) el.setSelectionRange(start, end)
      }
      shownRef.current = next
      onChange?.(next)
    }
    text.observe(observer)
    return () => text.unobserve(observer)
  }, [text, onChange])
  return (
    <textarea
      ref={ref}
      className="statement"
      aria-label={label}
      defaultValue={shownRef.current}
      rows={2}
      maxLength={MAX_STATEMENT_LENGTH}
      readOnly={!isEditable}
      onInput={(e) => applyTextChange(text, shownRef.current, e.currentTarget.value)}
    />
  )
}
