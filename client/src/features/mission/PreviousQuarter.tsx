import type { PublishedSet } from '../../../../shared/exports/publishedSet.ts'
import { ConfidenceBadge } from '../keyResults/ConfidenceControl.tsx'
import { useTranslation } from 'react-i18next'

/** DOMAIN.md's plenary step: last quarter's OKRs, with their last confidence, before setting the next. */
export function PreviousQuarter({ set }: { set: PublishedSet }) {
  const { t } = useTranslation()
  return (
    <section className="previous-quarter" aria-labelledby="previous-heading">
      <h3 id="previous-heading">{t('previous.heading', { quarter: set.quarter })}</h3>
      {set.objectives.map((o) => (
        <div key={o.id} className="previous-objective">
          <p className="kr-statement">{o.title}</p>
          <ul aria-label={t('previous.krsFor', { title: o.title })}>
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
