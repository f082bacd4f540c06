import type { MeetingView } from '../../../../shared/meeting/meetingView.ts'
import { assembleMission } from '../../../../shared/meeting/mission.ts'
import { votedProgress } from '../../../../shared/presence/roomCounts.ts'
import { formatCount, plural } from '../../ui/formatCount.ts'
import { VoteResults } from '../vote/VoteResults.tsx'

/** The question the room is answering now, in words big enough for the back row, with the one count that matters. */
export function PresenterStage({ view }: { view: MeetingView }) {
  switch (view.stage) {
    case 'mission':
      return (
        <>
          <p className="presenter-question">Our mission</p>
          <blockquote className="mission presenter-mission">{assembleMission(view.mission)}</blockquote>
        </>
      )
    case 'submit':
      return (
        <>
          <p className="presenter-question">Which objectives should we pursue in {view.quarter}?</p>
          <p className="presenter-figure">
            <strong>{formatCount(view.submissionCount)}</strong> {view.submissionCount === 1 ? 'proposal' : 'proposals'} so far
          </p>
        </>
      )
    case 'group':
      return (
        <>
          <p className="presenter-question">Merging duplicates into clear candidates</p>
          <p className="presenter-figure">
            <strong>{formatCount(view.cards.length)}</strong> cards · {plural(view.clusters.length, 'cluster', 'clusters')}
          </p>
        </>
      )
    case 'vote':
      return <PresenterVote view={view} />
    case 'keyResults':
    case 'review':
      return (
        <>
          <p className="presenter-question">
            {view.stage === 'review' ? 'A last look before we publish' : 'How will we know? 3–4 key results for each objective'}
          </p>
          <ol className="presenter-objectives">
            {view.objectives.map((o) => {
              const accepted = view.keyResults.filter((k) => k.objectiveId === o.id && k.isAccepted).length
              return (
                <li key={o.id}>
                  <span className="presenter-objective-title">{view.objectiveDetails[o.id]?.title || o.title}</span>{' '}
                  <span className="presenter-objective-count">{plural(accepted, 'key result', 'key results')}</span>
                </li>
              )
            })}
          </ol>
        </>
      )
    case 'published':
      return (
        <>
          <p className="presenter-question">Our OKRs for {view.quarter}</p>
          <ol className="presenter-objectives">
            {(view.published?.objectives ?? []).map((o) => (
              <li key={o.id}>
                <span className="presenter-objective-title">{o.title}</span>
              </li>
            ))}
          </ol>
        </>
      )
  }
}

function PresenterVote({ view }: { view: MeetingView }) {
  const vote = view.vote
  if (!vote) return <p className="presenter-question">The vote opens in a moment</p>
  if (vote.phase === 'revealed') return <VoteResults vote={vote} isProjector />
  const { voted, total } = votedProgress(view, vote.round)
  return (
    <>
      <p className="presenter-question">
        {vote.phase === 'setup'
          ? `The vote on ${vote.candidates.length} candidates opens in a moment`
          : vote.phase === 'open'
            ? `Spend your ${vote.settings.budget} dots on what matters most`
            : 'Voting is closed: results in a moment'}
      </p>
      {vote.phase !== 'setup' && (
        <p className="presenter-figure" aria-live="polite">
          <strong>{formatCount(voted)}</strong> of {formatCount(total)} have voted
        </p>
      )}
    </>
  )
}
