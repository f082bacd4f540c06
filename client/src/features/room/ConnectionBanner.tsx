import { useConnection } from '../../state/connectionStore.ts'
import { plural } from '../../ui/formatCount.ts'

/** Says plainly when this page is not live, and when queued actions are waiting to be saved. */
export function ConnectionBanner() {
  const status = useConnection((s) => s.status)
  const isSynced = useConnection((s) => s.isSynced)
  const pending = useConnection((s) => s.pendingCount)
  const isLive = status === 'connected' && isSynced
  if (isLive) return null
  return (
    <div className="banner offline" role="status">
      <span className="spinner small" aria-hidden="true" />
      {status === 'connected' ? 'Catching up with the meeting…' : 'Connection lost. Reconnecting…'}
      {pending > 0 && ` ${plural(pending, 'change is', 'changes are')} waiting to be saved.`}
    </div>
  )
}
