import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { CommandFailure } from '../../../../shared/client/MeetingClient.ts'
import i18next from '../../i18n/i18n.ts'
import { describeFailure } from '../../i18n/describeFailure.ts'

export function messageOf(error: unknown): string {
  return error instanceof CommandFailure ? describeFailure(error) : i18next.t('team.notSavedOffline')
}

/** Runs a command and keeps its refusal as a sentence for the form. */
export function useAction(): {
  error: string | null
  busy: boolean
  run: (action: () => Promise<unknown>) => Promise<boolean>
  setError: (e: string | null) => void
} {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true)
    setError(null)
    try {
      await action()
      return true
    } catch (e) {
      setError(messageOf(e))
      return false
    } finally {
      setBusy(false)
    }
  }
  return { error, busy, run, setError }
}

export function FormError({ error }: { error: string | null }) {
  return error ? (
    <p className="error" role="alert">
      {error}
    </p>
  ) : null
}

/**
 * A text field co-edited through commands: it follows the shared value while you are not typing in it, and sends
 * your text when you leave it (or press Enter). A refusal shows its reason and puts the shared value back.
 */
export function CommitInput({
  label,
  value,
  onCommit,
  hideLabel = false,
  placeholder,
  maxLength,
  className = '',
}: {
  className?: string
  label: string
  value: string
  onCommit: (next: string) => Promise<unknown>
  hideLabel?: boolean
  placeholder?: string
  maxLength?: number
}) {
  const id = useId()
  const [draft, setDraft] = useState(value)
  const [error, setError] = useState<string | null>(null)
  const isFocused = useRef(false)
  useEffect(() => {
    if (!isFocused.current) setDraft(value)
  }, [value])
  const commit = async () => {
    isFocused.current = false
    if (draft.trim() === value.trim()) return
    try {
      setError(null)
      await onCommit(draft)
    } catch (e) {
      setError(messageOf(e))
      setDraft(value)
    }
  }
  return (
    <div className={`field commit-field ${className}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={id}
        value={draft}
        placeholder={placeholder}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onFocus={() => (isFocused.current = true)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur()
          if (e.key === 'Escape') {
            setDraft(value)
            isFocused.current = false
          }
        }}
      />
      {error && (
        <p id={`${id}-error`} className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}

export function Field({ label, children, hint }: { label: string; children: (id: string) => ReactNode; hint?: string }) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint && <p className="hint">{hint}</p>}
    </div>
  )
}
