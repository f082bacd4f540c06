import type { CascadeLink } from '../../../../shared/cascade/cascadeDoc.ts'
import { ConfidenceBadge } from '../keyResults/ConfidenceControl.tsx'
import './cascade.css'

/** The company's published OKRs, which this department's objectives must support. Open by default in Mission. */
export function CompanySetPanel({ link, isOpen }: { link: CascadeLink; isOpen: boolean }) {
  const { company } = link
  return (
    <details className="company-set" open={isOpen}>
      <summary>
        <span className="eyebrow">{link.department} aligns to</span>
        <span className="company-set-title">
          {company.title} · {company.quarter}
        </span>
      </summary>
      <p className="hint">
        Each objective this meeting picks must say which company objective (or key result) it supports. The CEO then confirms the set.{' '}
        <a href={`/p/${link.companyMeetingId}`} target="_blank" rel="noreferrer">
          Open the company OKRs
        </a>
      </p>
      <ol className="company-objectives" aria-label="Company objectives">
        {company.objectives.map((o, i) => (
          <li key={o.id}>
            <p className="kr-statement">
              <span className="objective-number">O{i + 1}</span> {o.title}
            </p>
            <ol className="company-krs" aria-label={`Company key results for “${o.title}”`}>
              {o.keyResults.map((kr, j) => (
                <li key={kr.id}>
                  <span className="kr-number">KR{j + 1}</span> {kr.statement} <ConfidenceBadge confidence={kr.confidence} />
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </details>
  )
}
