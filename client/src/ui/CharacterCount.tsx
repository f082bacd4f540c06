import { useTranslation } from 'react-i18next'

/**
 * "87/140" under a field; past the limit it says by how much, in the error colour, and the form refuses to send.
 * Replaces `maxLength`, which cut pasted text silently at the limit.
 */
export function CharacterCount({ id, length, max }: { id: string; length: number; max: number }) {
  const { t } = useTranslation()
  const over = length - max
  return (
    <p className={`hint counter${over > 0 ? ' error' : ''}`} id={id} aria-live={over > 0 ? 'polite' : 'off'}>
      {length}/{max}
      {over > 0 && t('chars.tooLong', { count: over })}
    </p>
  )
}

/** Whether a text fits its limit (the server counts after trimming). */
export function fits(text: string, max: number): boolean {
  return text.trim().length <= max
}
