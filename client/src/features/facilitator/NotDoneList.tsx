import { doneProgress, notDone } from '../../../../shared/presence/roomCounts.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useRoster } from '../../sync/useFeed.ts'
import { formatCount } from '../../ui/formatCount.ts'

const MAX_LISTED = 50

/** Only the facilitator sees names here (from the roster feed); everyone else sees the count. */
export function NotDoneList() {
  const { client, view } = useMeeting()
  const roster = useRoster(client)
  const progress = doneProgress(view)
  if (!progress.isTracked) return null
  const people = notDone(roster, view.stage)
  // The heading counts the list it heads (both from the roster feed); the summary counts arrive on another path
  // and would make the two disagree for a moment. Before the first roster, the summary is all there is.
  const notDoneCount = roster.length > 0 ? people.length : progress.total - progress.done
  const shown = people.slice(0, MAX_LISTED)
  return (
    <section className="card controls" aria-labelledby="not-done-heading">
      <h2 id="not-done-heading">Not done yet ({formatCount(notDoneCount)})</h2>
      {people.length === 0 ? (
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
      {people.length > shown.length && <p className="hint">and {formatCount(people.length - shown.length)} more.</p>}
    </section>
  )
}
