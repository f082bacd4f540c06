import type { ConfirmationStatus } from '../../../../shared/cascade/cascadeTypes.ts'
import { useTranslation } from 'react-i18next'

const CONFIRMATION_KEYS: Record<ConfirmationStatus, string> = {
  draft: 'cascade.statusDraft',
  submitted: 'cascade.statusSubmitted',
  confirmed: 'cascade.statusConfirmed',
  sent_back: 'cascade.statusSentBack',
}

/** Where a department set stands with the CEO, in words and with an icon (never colour alone). */
export function ConfirmationBadge({ status }: { status: ConfirmationStatus }) {
  const { t } = useTranslation()
  const icon = { draft: '✎', submitted: '⏳', confirmed: '✓', sent_back: '↩' }[status]
  return (
    <span className={`confirmation-badge status-${status}`}>
      <span aria-hidden="true">{icon}</span> {t(CONFIRMATION_KEYS[status])}
    </span>
  )
}
