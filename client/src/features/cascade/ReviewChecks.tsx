import { useMemo } from 'react'
import { checkAlignment } from '../../../../shared/cascade/checkAlignment.ts'
import { companySetOf, departmentSetOf } from '../../../../shared/cascade/departmentSetOf.ts'
import { setPitfalls } from '../../../../shared/cascade/setPitfalls.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useCascade } from './useCascade.ts'
import { PitfallList } from './PitfallList.tsx'
import './cascade.css'

/**
 * Above the review: for a department meeting, the alignment check (an error: publishing is refused until every
 * objective links to the company set); for every meeting, the pitfall warnings (gentle, never blocking).
 */
export function ReviewChecks() {
  const { view } = useMeeting()
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
            <h3 id="alignment-check-heading">Not ready to publish: link every objective to the company set</h3>
            <ul>
              {problems.map((p) => (
                <li key={`${p.code}-${p.subjectId ?? ''}`}>{p.message}</li>
              ))}
            </ul>
            <p className="hint">Choose what each objective supports below. Publishing sends the set to the CEO for confirmation.</p>
          </section>
        ) : (
          <p className="alignment-check ready" role="status">
            Every objective supports a company OKR. Publishing sends {cascade.link.department}’s set to the CEO for confirmation.
          </p>
        ))}
      {warnings.length > 0 && (
        <section className="pitfall-section" aria-labelledby="pitfalls-heading">
          <h3 id="pitfalls-heading">Worth a second look</h3>
          <PitfallList warnings={warnings} label="Pitfall warnings for this set" />
        </section>
      )}
    </>
  )
}
