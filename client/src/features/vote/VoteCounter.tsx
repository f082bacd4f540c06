import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useConnection } from '../../state/connectionStore.ts'
import { formatCount } from '../../ui/formatCount.ts'

/** "120 of 143 have voted" for everyone; the facilitator also sees who has not. */
export function VoteCounter() {
  const { view } = useMeeting()
  const role = useConnection((s) => s.identity?.role)
  const voters = view.participants.filter((p) => p.role === 'participant')
  const voted = new Set(view.votedIds)
  const notYet = voters.filter((p) => !voted.has(p.id))
  return (
    <div className="vote-counter">
      <p className="done-count" aria-live="polite">
        <strong>{formatCount(voters.length - notYet.length)}</strong> of {formatCount(voters.length)} have voted
      </p>
      {role === 'facilitator' && notYet.length > 0 && (
        <details>
          <summary>Not voted yet ({formatCount(notYet.length)})</summary>
          <ul className="people compact" aria-label="Not voted yet" tabIndex={0}>
            {notYet.slice(0, 100).map((p) => <li key={p.id}><span className="person-name">{p.name}</span></li>)}
          </ul>
        </details>
      )}
    </div>
  )
}
