import type { MeetingView } from '../../../../shared/meeting/meetingView.ts'
import { assembleMission } from '../../../../shared/meeting/mission.ts'
import { votedProgress } from '../../../../shared/presence/roomCounts.ts'
import { Trans, useTranslation } from 'react-i18next'
import { VoteResults } from '../vote/VoteResults.tsx'

/** The question the room is answering now, in words big enough for the back row, with the one count that matters. */
export function PresenterStage({ view }: { view: MeetingView }) {
  const { t } = useTranslation()
  switch (view.stage) {
    case 'mission':
      return (
        <>
          <p className="presenter-question">{t('presenter.ourMission')}</p>
          <blockquote className="mission presenter-mission">{assembleMission(view.mission)}</blockquote>
        </>
      )
    case 'submit':
      return (
        <>
          <p className="presenter-question">{t('presenter.submitQuestion', { quarter: view.quarter })}</p>
          <p className="presenter-figure">
            <Trans i18nKey="presenter.proposals" count={view.submissionCount} components={{ strong: <strong /> }} />
          </p>
        </>
      )
    case 'group':
      return (
        <>
          <p className="presenter-question">{t('presenter.groupQuestion')}</p>
          <p className="presenter-figure">
            <strong>{t('board.cards', { count: view.cards.length })}</strong> · {t('board.clusters', { count: view.clusters.length })}
          </p>
        </>
      )
    case 'vote':
      return <PresenterVote view={view} />
    case 'keyResults':
    case 'review':
      return (
        <>
          <p className="presenter-question">{view.stage === 'review' ? t('presenter.reviewQuestion') : t('presenter.krQuestion')}</p>
          <ol className="presenter-objectives">
            {view.objectives.map((o) => {
              const accepted = view.keyResults.filter((k) => k.objectiveId === o.id && k.isAccepted).length
              return (
                <li key={o.id}>
                  <span className="presenter-objective-title">{view.objectiveDetails[o.id]?.title || o.title}</span>{' '}
                  <span className="presenter-objective-count">{t('presenter.krCount', { count: accepted })}</span>
                </li>
              )
            })}
          </ol>
        </>
      )
    case 'published':
      return (
        <>
          <p className="presenter-question">{t('presenter.publishedQuestion', { quarter: view.quarter })}</p>
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
  const { t } = useTranslation()
  if (!vote) return <p className="presenter-question">{t('presenter.voteSoon')}</p>
  if (vote.phase === 'revealed') return <VoteResults vote={vote} isProjector />
  const { voted, total } = votedProgress(view, vote.round)
  return (
    <>
      <p className="presenter-question">
        {vote.phase === 'setup'
          ? t('presenter.voteSetup', { count: vote.candidates.length })
          : vote.phase === 'open'
            ? t('presenter.voteOpen', { count: vote.settings.budget })
            : t('presenter.voteClosed')}
      </p>
      {vote.phase !== 'setup' && (
        <p className="presenter-figure" aria-live="polite">
          <Trans i18nKey="presenter.voted" values={{ voted, total }} components={{ strong: <strong /> }} />
        </p>
      )}
    </>
  )
}
