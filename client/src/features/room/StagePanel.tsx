import { assembleMission } from '../../../../shared/meeting/mission.ts'
import { STAGE_LABELS, STAGE_PURPOSES, isWorkingStage, type Stage } from '../../../../shared/stages/stages.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { DoneControl } from './DoneControl.tsx'
import { StageTimerDisplay } from './StageTimerDisplay.tsx'
import { SubmitStage } from '../submit/SubmitStage.tsx'
import { GroupBoard } from '../group/GroupBoard.tsx'
import { VoteStage } from '../vote/VoteStage.tsx'
import { ChosenObjectives } from '../vote/ChosenObjectives.tsx'

/** What each stage will offer once its work is built; said honestly until then. */
const COMING: Partial<Record<Stage, string>> = {
  keyResults: 'Co-editing key results with owners, confidence scores and quality hints.',
  review: 'The whole set on one screen, with remaining warnings, before publishing.',
  published: 'A shareable, printable page with Markdown, CSV and JSON exports.',
}

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
        </div>
      ) : stage === 'submit' ? (
        <SubmitStage />
      ) : stage === 'group' ? (
        <GroupBoard />
      ) : stage === 'vote' ? (
        <VoteStage />
      ) : (
        COMING[stage] && (
          <div className="coming" role="note">
            <p className="eyebrow">Coming in this stage</p>
            <p>{COMING[stage]}</p>
          </div>
        )
      )}
      {(stage === 'keyResults' || stage === 'review') && <ChosenObjectives />}
      {isWorkingStage(stage) && <DoneControl />}
    </section>
  )
}
