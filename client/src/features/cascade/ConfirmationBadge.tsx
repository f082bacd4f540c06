import type { ConfirmationStatus } from '../../../../shared/cascade/cascadeTypes.ts'

export const CONFIRMATION_LABELS: Record<ConfirmationStatus, string> = {
  draft: 'Draft',
  submitted: 'Awaiting the CEO’s confirmation',
  confirmed: 'Confirmed by the CEO',
  sent_back: 'Sent back for changes',
}

/** Where a department set stands with the CEO, in words and with an icon (never colour alone). */
export function ConfirmationBadge({ status }: { status: ConfirmationStatus }) {
  const icon = { draft: '✎', submitted: '⏳', confirmed: '✓', sent_back: '↩' }[status]
  return (
    <span className={`confirmation-badge status-${status}`}>
      <span aria-hidden="true">{icon}</span> {CONFIRMATION_LABELS[status]}
    </span>
  )
}
