import { assembleMission } from '../../../../shared/meeting/mission.ts'
import { STAGE_LABELS, STAGE_PURPOSES, isWorkingStage } from '../../../../shared/stages/stages.ts'
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

export function StagePanel() {
  const { view } = useMeeting()
  const stage = view.stage
  return (
    <section className="card stage-panel" aria-labelledby="stage-heading">
      <p className="eyebrow">Current stage</p>
      <h2 id="stage-heading">{STAGE_LABELS[stage]}</h2>
      <p className="lead">{STAGE_PURPOSES[stage]}</p>
      <StageTimerDisplay />
      {stage === 'mission' ? (
        <div className="mission-stage">
          <p className="eyebrow">Our mission</p>
          <blockquote className="mission big">{assembleMission(view.mission)}</blockquote>
          <p>
            This meeting picks {view.objectiveCount === 1 ? 'one objective' : 'three objectives'} for {view.quarter}. The
            facilitator starts the submissions when everyone is here.
          </p>
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
            Share the company-wide link: <a href={`/p/${view.id}`}>{`${window.location.origin}/p/${view.id}`}</a>
          </p>
          <CascadePublished published={view.published} />
          <PublishedView set={view.published} />
        </>
      ) : (
        <p className="hint">Preparing this stage…</p>
      )}

      {/* In Vote, casting a ballot is being done: "4 of 4 have voted" says it, a second count would contradict it. */}
      {isWorkingStage(stage) && stage !== 'vote' && <DoneControl />}
    </section>
  )
}
