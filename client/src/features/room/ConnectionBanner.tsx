import { useConnection } from '../../state/connectionStore.ts'
import { useTranslation } from 'react-i18next'

/** Says plainly when this page is not live, and when queued actions are waiting to be saved. */
export function ConnectionBanner() {
  const status = useConnection((s) => s.status)
  const isSynced = useConnection((s) => s.isSynced)
  const pending = useConnection((s) => s.pendingCount)
  const isLive = status === 'connected' && isSynced
  const { t } = useTranslation()
  if (isLive) return null
  return (
    <div className="banner offline" role="status">
      <span className="spinner small" aria-hidden="true" />
      {status === 'connected' ? t('room.catchingUp') : t('room.reconnecting')}
      {pending > 0 && t('room.waitingChanges', { count: pending })}
    </div>
  )
}
