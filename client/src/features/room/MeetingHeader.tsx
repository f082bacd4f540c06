import type { MeetingView } from '../../../../shared/meeting/meetingView.ts'
import { assembleMission } from '../../../../shared/meeting/mission.ts'
import { STAGES, STAGE_LABELS, stageIndex } from '../../../../shared/stages/stages.ts'
import { RenameControl } from './RenameControl.tsx'

/** The mission and the stage, always visible. */
export function MeetingHeader({ view }: { view: MeetingView }) {
  const current = stageIndex(view.stage)
  return (
    <header className="meeting-header">
      <div className="meeting-title-row">
        <div>
          <p className="eyebrow">{view.quarter} · {view.objectiveCount === 1 ? 'picking 1 objective' : 'picking 3 objectives'}</p>
          <h1 className="meeting-title">{view.title}</h1>
        </div>
        <RenameControl />
      </div>
      <p className="mission-line"><span className="visually-hidden">Mission: </span>{assembleMission(view.mission)}</p>
      <nav aria-label="Meeting stages">
        <ol className="stepper">
          {STAGES.map((stage, i) => (
            <li key={stage} className={i < current ? 'past' : i === current ? 'current' : 'future'}
              aria-current={i === current ? 'step' : undefined}>
              <span className="step-number" aria-hidden="true">{i + 1}</span>
              <span className="step-label">{STAGE_LABELS[stage]}</span>
            </li>
          ))}
        </ol>
      </nav>
    </header>
  )
}
