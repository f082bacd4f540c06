import { checkKeyResult, checkKeyResultCount } from '../../../../shared/keyResults/checkKeyResult.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { ConfidenceBadge } from '../keyResults/ConfidenceControl.tsx'
import { useKeyResultDoc } from '../keyResults/useKeyResultDoc.ts'
import { useStatements } from '../keyResults/useStatements.ts'
import { useConnection } from '../../state/connectionStore.ts'
import { ReviewChecks } from '../cascade/ReviewChecks.tsx'
import { SupportsSelect } from '../cascade/SupportsSelect.tsx'

/** The whole set on one screen, with what still deserves a second look, before the facilitator publishes. */
export function ReviewStage() {
  const { view } = useMeeting()
  return (
    <div className="review">
      <p className="hint">Only accepted key results are published. Warnings never block publishing; they are worth a last look.</p>
      <ReviewChecks />
      {view.objectives.map((o, i) => <ReviewObjective key={o.id} objectiveId={o.id} number={i + 1} />)}
    </div>
  )
}

function ReviewObjective({ objectiveId, number }: { objectiveId: string; number: number }) {
  const { view } = useMeeting()
  const statements = useStatements(useKeyResultDoc(view.id, objectiveId))
  const details = view.objectiveDetails[objectiveId]
  const title = details?.title || view.objectives.find((o) => o.id === objectiveId)?.title || ''
  const accepted = view.keyResults.filter((k) => k.objectiveId === objectiveId && k.isAccepted)
  const countHint = checkKeyResultCount(accepted.length)
  const isFacilitator = useConnection((s) => s.identity?.role === 'facilitator')
  return (
    <section className="card review-objective" aria-labelledby={`review-${objectiveId}`}>
      <p className="eyebrow">Objective {number}</p>
      <h3 id={`review-${objectiveId}`}>{title}</h3>
      <p className="hint">{details?.team ? `Owner: ${details.team}` : 'No owning team yet'} · Deadline {details?.deadline || 'not set'}</p>
      <SupportsSelect objectiveId={objectiveId} title={title} isEditable={isFacilitator} />
      {countHint && <p className="warning" role="note">{countHint.message}</p>}
      {!details?.team && <p className="warning" role="note">Name the team that owns this objective.</p>}
      <ol className="review-krs" aria-label={`Accepted key results for “${title}”`}>
        {accepted.map((kr) => {
          const statement = statements.get(kr.id) ?? ''
          const hints = checkKeyResult({ statement, metric: kr.metric, baseline: kr.baseline, target: kr.target, unit: kr.unit })
          return (
            <li key={kr.id}>
              <p className="kr-statement">{statement || <em>(no statement)</em>}</p>
              <p className="hint">
                {kr.target ? `${kr.baseline || '?'} → ${kr.target} ${kr.unit}` : 'No target'} · Owner: {kr.owner || <strong>none yet</strong>} · <ConfidenceBadge confidence={kr.confidence} />
              </p>
              {hints.map((h) => <p key={h.code} className="warning" role="note">{h.message}</p>)}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
