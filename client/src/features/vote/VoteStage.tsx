import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useConnection } from '../../state/connectionStore.ts'
import { Ballot } from './Ballot.tsx'
import { VoteCounter } from './VoteCounter.tsx'
import { VoteResults } from './VoteResults.tsx'
import { VoteSetup } from './VoteSetup.tsx'
import { VoteControls } from './VoteControls.tsx'
import { useTranslation } from 'react-i18next'

export function VoteStage() {
  const { view } = useMeeting()
  const role = useConnection((s) => s.identity?.role)
  const vote = view.vote
  const { t } = useTranslation()
  if (!vote) return <p className="hint">{t('vote.preparing')}</p>
  const isFacilitator = role === 'facilitator'
  const roundLabel =
    vote.kind === 'runoff'
      ? t('vote.runoff', { round: vote.round })
      : vote.kind === 'shortlist'
        ? t('vote.shortlistRound', { round: vote.round })
        : vote.round > 1
          ? t('vote.round', { round: vote.round })
          : null
  return (
    <div className="vote-stage">
      {roundLabel && <p className="eyebrow">{roundLabel}</p>}
      {vote.phase === 'setup' && (isFacilitator ? <VoteSetup vote={vote} /> : <p className="lead">{t('vote.setupWait', { count: vote.candidates.length })}</p>)}
      {vote.phase === 'open' && <VoteCounter />}
      {vote.phase === 'open' && !isFacilitator && <Ballot vote={vote} />}
      {vote.phase === 'closed' && (
        <p className="lead" role="status">
          {t('vote.closed')}
        </p>
      )}
      {vote.phase === 'revealed' && <VoteResults vote={vote} />}
      {isFacilitator && <VoteControls vote={vote} />}
    </div>
  )
}
