import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * Renaming in place (a card's title, a cluster's name): Enter or "Save" saves a changed, non-blank value,
 * Escape or "Cancel" closes without saving; `onClose` runs either way (it returns the focus).
 */
export function InlineRenameForm({
  label,
  isLabelHidden = false,
  initial,
  maxLength,
  saveLabel,
  onSave,
  onClose,
}: {
  label: string
  isLabelHidden?: boolean
  initial: string
  maxLength: number
  saveLabel: string
  onSave(value: string): void
  onClose(): void
}) {
  const { t } = useTranslation()
  const [value, setValue] = useState(initial)
  const inputId = useId()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const trimmed = value.trim()
    onClose()
    if (trimmed && trimmed !== initial) onSave(trimmed)
  }
  return (
    <form className="inline-edit" onSubmit={submit}>
      <label htmlFor={inputId} className={isLabelHidden ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={inputId}
        type="text"
        value={value}
        maxLength={maxLength}
        autoFocus
        required
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault()
            onClose()
          }
        }}
      />
      <div className="button-row">
        <button type="submit" className="primary small">
          {saveLabel}
        </button>
        <button type="button" className="secondary small" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
