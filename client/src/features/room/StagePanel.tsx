import { assembleMission } from '../../../../shared/meeting/mission.ts'
import { isWorkingStage } from '../../../../shared/stages/stages.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { DoneControl } from './DoneControl.tsx'
import { StageTimerDisplay } from './StageTimerDisplay.tsx'
import { SubmitStage } from '../submit/SubmitStage.tsx'
import { GroupBoard } from '../group/GroupBoard.tsx'
import { VoteStage } from '../vote/VoteStage.tsx'
import { KeyResultsStage } from '../keyResults/KeyResultsStage.tsx'
import { ReviewStage } from '../review/ReviewStage.tsx'
import { PublishedView } from '../published/PublishedView.tsx'
import { PreviousQuarter } from '../mission/PreviousQuarter.tsx'
import { CascadeCompanySet, CascadePublished } from '../cascade/CascadeStagePanels.tsx'
import { useTranslation } from 'react-i18next'

export function StagePanel() {
  const { view } = useMeeting()
  const stage = view.stage
  const { t } = useTranslation()
  return (
    <section className="card stage-panel" aria-labelledby="stage-heading">
      <div className="stage-head">
        <p className="eyebrow">{t('room.currentStage')}</p>
        <h2 id="stage-heading">{t(`stages.${stage}.label`)}</h2>
        <p className="lead">{t(`stages.${stage}.purpose`)}</p>
      </div>
      <StageTimerDisplay />
      {stage === 'mission' ? (
        <div className="mission-stage">
          <p className="eyebrow">{t('room.ourMission')}</p>
          <blockquote className="mission big">{assembleMission(view.mission)}</blockquote>
          <p>{t('room.missionIntro', { count: view.objectiveCount, quarter: view.quarter })}</p>
          {view.previous && <PreviousQuarter set={view.previous} />}
          <CascadeCompanySet isOpen />
        </div>
      ) : stage === 'submit' ? (
        <SubmitStage />
      ) : stage === 'group' ? (
        <GroupBoard />
      ) : stage === 'vote' ? (
        <VoteStage />
      ) : stage === 'keyResults' ? (
        <KeyResultsStage />
      ) : stage === 'review' ? (
        <ReviewStage />
      ) : stage === 'published' && view.published ? (
        <>
          <p className="lead">
            {t('room.shareLink')}
            <a href={`/p/${view.id}`}>{`${window.location.origin}/p/${view.id}`}</a>
          </p>
          <CascadePublished published={view.published} />
          <PublishedView set={view.published} />
        </>
      ) : (
        <p className="hint">{t('room.preparing')}</p>
      )}

      {/* In Vote, casting a ballot is being done: "4 of 4 have voted" says it, a second count would contradict it. */}
      {isWorkingStage(stage) && stage !== 'vote' && <DoneControl />}
    </section>
  )
}
