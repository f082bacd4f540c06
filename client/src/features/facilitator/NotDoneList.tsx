import { doneProgress } from '../../../../shared/presence/roomCounts.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { formatCount } from '../../ui/formatCount.ts'

const MAX_LISTED = 50

/** Only the facilitator sees names here; everyone else sees the count. */
export function NotDoneList() {
  const { view } = useMeeting()
  const progress = doneProgress(view)
  if (!progress.isTracked) return null
  const shown = progress.notDone.slice(0, MAX_LISTED)
  return (
    <section className="card controls" aria-labelledby="not-done-heading">
      <h2 id="not-done-heading">Not done yet ({formatCount(progress.notDone.length)})</h2>
      {progress.notDone.length === 0 ? (
        <p className="hint">{progress.total === 0 ? 'Nobody has joined yet.' : 'Everyone is done.'}</p>
      ) : (
        <ul className="people compact" aria-label="People not done yet" tabIndex={0}>
          {shown.map((p) => (
            <li key={p.id}>
              <span className="person-name">{p.name}</span>
              {!p.isOnline && <span className="status away">away</span>}
            </li>
          ))}
        </ul>
      )}
      {progress.notDone.length > shown.length && (
        <p className="hint">and {formatCount(progress.notDone.length - shown.length)} more.</p>
      )}
    </section>
  )
}
