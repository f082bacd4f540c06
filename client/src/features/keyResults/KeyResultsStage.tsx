import { useMeeting } from '../../sync/MeetingContext.tsx'
import { ObjectivePanel } from './ObjectivePanel.tsx'
import { CascadeCompanySet } from '../cascade/CascadeStagePanels.tsx'
import i18next from '../../i18n/i18n.ts'

/** One panel per chosen objective; anyone drafts, the facilitator accepts 3–4 per objective. */
export function KeyResultsStage() {
  const { view } = useMeeting()
  if (view.objectives.length === 0) return <p className="hint">{i18next.t('objective.noneChosen')}</p>
  return (
    <div className="kr-stage">
      <CascadeCompanySet isOpen={false} />
      {view.objectives.map((o, i) => (
        <ObjectivePanel key={o.id} objectiveId={o.id} number={i + 1} />
      ))}
    </div>
  )
}
