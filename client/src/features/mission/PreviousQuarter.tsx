import type { PublishedSet } from '../../../../shared/exports/publishedSet.ts'
import { ConfidenceBadge } from '../keyResults/ConfidenceControl.tsx'

/** DOMAIN.md's plenary step: last quarter's OKRs, with their last confidence, before setting the next. */
export function PreviousQuarter({ set }: { set: PublishedSet }) {
  return (
    <section className="previous-quarter" aria-labelledby="previous-heading">
      <h3 id="previous-heading">Last quarter: {set.quarter}</h3>
      {set.objectives.map((o) => (
        <div key={o.id} className="previous-objective">
          <p className="kr-statement">{o.title}</p>
          <ul aria-label={`Last quarter’s key results for “${o.title}”`}>
            {o.keyResults.map((kr) => (
              <li key={kr.id}>
                {kr.statement} <ConfidenceBadge confidence={kr.confidence} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  )
}
