import { checkKeyResultCount } from '../../../../shared/keyResults/checkKeyResult.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useConnection } from '../../state/connectionStore.ts'
import { useKeyResultDoc } from './useKeyResultDoc.ts'
import { ObjectiveDetailsForm } from './ObjectiveDetailsForm.tsx'
import { KeyResultCard } from './KeyResultCard.tsx'
import { ProposeKeyResult } from './ProposeKeyResult.tsx'
import { useStatementTexts } from './useStatements.ts'
import { SupportsSelect } from '../cascade/SupportsSelect.tsx'
import { useTranslation } from 'react-i18next'

export function ObjectivePanel({ objectiveId, number }: { objectiveId: string; number: number }) {
  const { view } = useMeeting()
  const isFacilitator = useConnection((s) => s.identity?.role === 'facilitator')
  const { t } = useTranslation()
  const krDoc = useKeyResultDoc(view.id, objectiveId)
  const texts = useStatementTexts(krDoc)
  const details = view.objectiveDetails[objectiveId]
  const objective = view.objectives.find((o) => o.id === objectiveId)
  const keyResults = view.keyResults.filter((k) => k.objectiveId === objectiveId)
  const accepted = keyResults.filter((k) => k.isAccepted)
  const countHint = checkKeyResultCount(accepted.length)
  const title = details?.title || objective?.title || ''
  return (
    <section className="card objective-panel" aria-labelledby={`objective-${objectiveId}`}>
      <p className="eyebrow">{t('published.objective', { number })}</p>
      <h3 id={`objective-${objectiveId}`}>{title}</h3>
      <ObjectiveDetailsForm objectiveId={objectiveId} title={title} details={details} />
      <SupportsSelect objectiveId={objectiveId} title={title} isEditable />
      <p className={countHint ? 'kr-count needs-more' : 'kr-count'} aria-live="polite">
        {t('kr.count', { accepted: accepted.length, proposed: keyResults.length })}
        {countHint ? ` — ${t(`kr.countHints.${countHint.code}`, { count: accepted.length, defaultValue: countHint.message })}` : ` — ${t('kr.ready')}`}
      </p>
      <ol className="kr-list" aria-label={t('published.krList', { title })}>
        {keyResults.map((kr) => (
          <KeyResultCard key={kr.id} record={kr} text={texts.get(kr.id)} siblings={keyResults} isFacilitator={isFacilitator} />
        ))}
      </ol>
      {krDoc && <ProposeKeyResult objectiveId={objectiveId} objectiveTitle={title} />}
    </section>
  )
}
