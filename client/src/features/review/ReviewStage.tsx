import { useTranslation } from 'react-i18next'
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
  const { t } = useTranslation()
  return (
    <div className="review">
      <p className="hint">{t('review.intro')}</p>
      <ReviewChecks />
      {view.objectives.map((o, i) => (
        <ReviewObjective key={o.id} objectiveId={o.id} number={i + 1} />
      ))}
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
  const { t } = useTranslation()
  return (
    <section className="card review-objective" aria-labelledby={`review-${objectiveId}`}>
      <p className="eyebrow">{t('published.objective', { number })}</p>
      <h3 id={`review-${objectiveId}`}>{title}</h3>
      <p className="hint">
        {details?.team ? t('published.owner', { team: details.team }) : t('review.noTeam')} ·{' '}
        {t('published.deadline', { date: details?.deadline || t('review.notSet') })}
      </p>
      <SupportsSelect objectiveId={objectiveId} title={title} isEditable={isFacilitator} />
      {countHint && (
        <p className="warning" role="note">
          {t(`kr.countHints.${countHint.code}`, { count: accepted.length, defaultValue: countHint.message })}
        </p>
      )}
      {!details?.team && (
        <p className="warning" role="note">
          {t('review.nameTeam')}
        </p>
      )}
      <ol className="review-krs" aria-label={t('review.accepted', { title })}>
        {accepted.map((kr) => {
          const statement = statements.get(kr.id) ?? ''
          const hints = checkKeyResult({ statement, metric: kr.metric, baseline: kr.baseline, target: kr.target, unit: kr.unit })
          return (
            <li key={kr.id}>
              <p className="kr-statement">{statement || <em>{t('review.noStatement')}</em>}</p>
              <p className="hint">
                {kr.target ? `${kr.baseline || '?'} → ${kr.target} ${kr.unit}` : t('review.noTarget')} · {t('kr.ownerPrefix')}{' '}
                {kr.owner || <strong>{t('review.noneYet')}</strong>} · <ConfidenceBadge confidence={kr.confidence} />
              </p>
              {hints.map((h) => (
                <p key={h.code} className="warning" role="note">
                  {t(`kr.hints.${h.code}`, { defaultValue: h.message })}
                </p>
              ))}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
