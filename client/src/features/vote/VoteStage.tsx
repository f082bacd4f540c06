import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useConnection } from '../../state/connectionStore.ts'
import { Ballot } from './Ballot.tsx'
import { VoteCounter } from './VoteCounter.tsx'
import { VoteResults } from './VoteResults.tsx'
import { VoteSetup } from './VoteSetup.tsx'
import { VoteControls } from './VoteControls.tsx'

export function VoteStage() {
  const { view } = useMeeting()
  const role = useConnection((s) => s.identity?.role)
  const vote = view.vote
  if (!vote) return <p className="hint">Preparing the vote…</p>
  const isFacilitator = role === 'facilitator'
  const roundLabel = vote.kind === 'runoff' ? `Run-off (round ${vote.round})` : vote.kind === 'shortlist' ? `Round ${vote.round}: shortlist` : vote.round > 1 ? `Round ${vote.round}` : null
  return (
    <div className="vote-stage">
      {roundLabel && <p className="eyebrow">{roundLabel}</p>}
      {vote.phase === 'setup' && (isFacilitator ? <VoteSetup vote={vote} /> : (
        <p className="lead">The facilitator is setting up the vote on {vote.candidates.length} candidates. It opens in a moment.</p>
      ))}
      {vote.phase === 'open' && <VoteCounter />}
      {vote.phase === 'open' && !isFacilitator && <Ballot vote={vote} />}
      {vote.phase === 'closed' && <p className="lead" role="status">Voting is closed. The results appear when the facilitator reveals them.</p>}
      {vote.phase === 'revealed' && <VoteResults vote={vote} />}
      {isFacilitator && <VoteControls vote={vote} />}
    </div>
  )
}
