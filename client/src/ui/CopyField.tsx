import { useTranslation } from 'react-i18next'
import { useId, useState } from 'react'

/** A read-only link with a copy button that says when it worked. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const id = useId()
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle')
  const { t } = useTranslation()
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value)
      setCopied('copied')
    } catch {
      setCopied('failed')
    }
  }
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input id={id} readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="secondary" onClick={copy} aria-label={t('common.copyLabel', { what: label.toLowerCase() })}>
          {t('common.copy')}
        </button>
      </div>
      <p className="hint" aria-live="polite">
        {copied === 'copied' ? t('common.copied') : copied === 'failed' ? t('common.copyFailed') : hint}
      </p>
    </div>
  )
}
