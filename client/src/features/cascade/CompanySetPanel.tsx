import type { CascadeLink } from '../../../../shared/cascade/cascadeDoc.ts'
import { ConfidenceBadge } from '../keyResults/ConfidenceControl.tsx'
import './cascade.css'
import { useTranslation } from 'react-i18next'

/** The company's published OKRs, which this department's objectives must support. Open by default in Mission. */
export function CompanySetPanel({ link, isOpen }: { link: CascadeLink; isOpen: boolean }) {
  const { company } = link
  const { t } = useTranslation()
  return (
    <details className="company-set" open={isOpen}>
      <summary>
        <span className="eyebrow">{t('cascade.alignsToEyebrow', { department: link.department })}</span>
        <span className="company-set-title">
          {company.title} · {company.quarter}
        </span>
      </summary>
      <p className="hint">
        {t('cascade.companyHint')}{' '}
        <a href={`/p/${link.companyMeetingId}`} target="_blank" rel="noreferrer">
          {t('cascade.openCompany')}
        </a>
      </p>
      <ol className="company-objectives" aria-label={t('cascade.companyObjectives')}>
        {company.objectives.map((o, i) => (
          <li key={o.id}>
            <p className="kr-statement">
              <span className="objective-number">O{i + 1}</span> {o.title}
            </p>
            <ol className="company-krs" aria-label={t('cascade.companyKrsFor', { title: o.title })}>
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
