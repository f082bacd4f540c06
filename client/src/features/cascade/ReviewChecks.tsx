import { useMemo } from 'react'
import { checkAlignment } from '../../../../shared/cascade/checkAlignment.ts'
import { companySetOf, departmentSetOf } from '../../../../shared/cascade/departmentSetOf.ts'
import { setPitfalls } from '../../../../shared/cascade/setPitfalls.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useCascade } from './useCascade.ts'
import { PitfallList } from './PitfallList.tsx'
import './cascade.css'
import { useTranslation } from 'react-i18next'
import { translateServerLabel } from '../../i18n/serverMessages.ts'

/**
 * Above the review: for a department meeting, the alignment check (an error: publishing is refused until every
 * objective links to the company set); for every meeting, the pitfall warnings (gentle, never blocking).
 */
export function ReviewChecks() {
  const { view } = useMeeting()
  const { t } = useTranslation()
  const cascade = useCascade()
  const problems = useMemo(() => {
    if (!cascade.link) return []
    const set = departmentSetOf({
      meetingId: view.id,
      department: cascade.link.department,
      quarter: view.quarter,
      objectives: view.objectives.map((o) => ({ id: o.id, title: view.objectiveDetails[o.id]?.title || o.title })),
      supports: cascade.supports,
      confirmation: cascade.confirmation,
    })
    return checkAlignment(companySetOf(cascade.link.company), set)
  }, [cascade, view])
  const warnings = useMemo(
    () =>
      setPitfalls({
        quarter: view.quarter,
        agreedAt: Date.now(),
        now: Date.now(),
        objectives: view.objectives.map((o) => ({
          id: o.id,
          title: view.objectiveDetails[o.id]?.title || o.title,
          deadline: view.objectiveDetails[o.id]?.deadline ?? '',
          dots: o.dots,
          // Key-result statements are checked one by one below (appraisal metrics included).
          keyResults: view.keyResults.filter((k) => k.objectiveId === o.id && k.isAccepted).map((k) => ({ ...k, statement: '' })),
        })),
      }).filter((w) => w.code !== 'appraisal_metric' || view.objectives.some((o) => o.id === w.subjectId)),
    [view],
  )
  return (
    <>
      {cascade.link &&
        (problems.length ? (
          <section className="alignment-check blocking" aria-labelledby="alignment-check-heading">
            <h3 id="alignment-check-heading">{t('cascade.notReady')}</h3>
            <ul>
              {problems.map((p) => (
                <li key={`${p.code}-${p.subjectId ?? ''}`}>{translateServerLabel(t, p.message, 'pitfall')}</li>
              ))}
            </ul>
            <p className="hint">{t('cascade.chooseBelow')}</p>
          </section>
        ) : (
          <p className="alignment-check ready" role="status">
            {t('cascade.ready', { department: cascade.link.department })}
          </p>
        ))}
      {warnings.length > 0 && (
        <section className="pitfall-section" aria-labelledby="pitfalls-heading">
          <h3 id="pitfalls-heading">{t('cascade.secondLook')}</h3>
          <PitfallList warnings={warnings} label={t('cascade.pitfallsSet')} />
        </section>
      )}
    </>
  )
}
