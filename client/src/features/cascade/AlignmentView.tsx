import type { AlignmentNode } from '../../../../shared/cascade/alignmentTree.ts'
import { worstBelow } from '../../../../shared/cascade/rollUpTree.ts'
import { BAND_LABELS, type ConfidenceBand } from '../../../../shared/keyResults/confidenceBand.ts'
import type { AlignmentResponse } from '../../../../shared/cascade/alignmentReport.ts'
import { ConfirmationBadge } from './ConfirmationBadge.tsx'
import { PitfallList } from './PitfallList.tsx'
import './cascade.css'
import { useTranslation } from 'react-i18next'

const LEVEL_KEYS = { company: 'cascade.levelCompany', department: 'cascade.levelDepartment', personal: 'cascade.levelPersonal' } as const

/** Rolled-up confidence: the colour, and the same in words. */
function RolledUp({ colour, label }: { colour: ConfidenceBand | null; label?: string }) {
  const { t } = useTranslation()
  if (!colour) return <span className="rolled-up none">{t('cascade.noConfidenceYet')}</span>
  return (
    <span className={`confidence-badge band-${colour}`}>
      <span className="visually-hidden">{label ?? t('cascade.rolledUp')}: </span>
      <span aria-hidden="true">●</span> {t(`confidence.bands.${colour}`, { defaultValue: BAND_LABELS[colour] })}
    </span>
  )
}

function Node({ node, index }: { node: AlignmentNode; index: number }) {
  const { t } = useTranslation()
  const headingId = `align-${node.level}-${node.id}`
  return (
    <li className={`align-node level-${node.level}`} aria-labelledby={headingId}>
      <div className="align-card">
        <p className="align-meta">
          <span className="align-level">{node.level === 'company' ? t('cascade.objectiveN', { n: index + 1 }) : node.owner}</span>
          <span className="visually-hidden"> · {t(LEVEL_KEYS[node.level])}</span>
          {node.confirmation && <ConfirmationBadge status={node.confirmation} />}
        </p>
        <p className="align-title" id={headingId}>
          {node.title}
        </p>
        <p className="align-detail">
          <RolledUp colour={node.colour} />
          {node.children.length > 0 && (
            <span className="below">
              {t('cascade.supportingOkrs')} <RolledUp colour={worstBelow(node)} label={t('cascade.worstBelow')} />
            </span>
          )}
          {node.viaKeyResult && <span className="via">{t('cascade.viaKr', { statement: node.viaKeyResult.statement })}</span>}
        </p>
      </div>
      {node.children.length > 0 && (
        <ul className="align-children" aria-label={t('cascade.supporting', { title: node.title })}>
          {node.children.map((child, i) => (
            <Node key={`${child.level}-${child.id}`} node={child} index={i} />
          ))}
        </ul>
      )}
    </li>
  )
}

/** Company objectives → the department objectives under them → the personal ones under those. */
export function AlignmentView({ report, headingLevel = 2 }: { report: AlignmentResponse; headingLevel?: 2 | 1 }) {
  const { t } = useTranslation()
  const Heading = headingLevel === 1 ? 'h1' : 'h2'
  const confirmed = report.departments.filter((d) => d.status === 'confirmed').length
  return (
    <section className="alignment" aria-labelledby="alignment-heading">
      <Heading id="alignment-heading">{t('cascade.alignmentHeading', { quarter: report.company.quarter })}</Heading>
      <p className="hint">
        {report.departments.length === 0 ? t('cascade.noDepartments') : t('cascade.departmentSets', { count: report.departments.length, confirmed })}
        {report.departments.length > 0 && t('cascade.worstExplained')}
      </p>
      <ul className="align-tree" aria-label={t('cascade.tree')}>
        {report.tree.roots.map((n, i) => (
          <Node key={n.id} node={n} index={i} />
        ))}
      </ul>
      {report.tree.unaligned.length > 0 && (
        <>
          <h3>{t('cascade.notLinkedHeading')}</h3>
          <ul className="align-tree" aria-label={t('cascade.pointsNowhere')}>
            {report.tree.unaligned.map((n, i) => (
              <Node key={`${n.level}-${n.id}`} node={n} index={i} />
            ))}
          </ul>
        </>
      )}
      {report.departments.some((d) => d.status === 'sent_back') && (
        <>
          <h3>{t('cascade.sentBackHeading')}</h3>
          <ul className="sent-back-list">
            {report.departments
              .filter((d) => d.status === 'sent_back')
              .map((d) => (
                <li key={d.meetingId}>
                  <strong>{d.department}</strong>: “{d.comment}”
                </li>
              ))}
          </ul>
        </>
      )}
      {report.warnings.length > 0 && (
        <section className="pitfall-section" aria-labelledby="alignment-pitfalls-heading">
          <h3 id="alignment-pitfalls-heading">{t('cascade.secondLook')}</h3>
          {report.warnings.map((w) => (
            <div key={w.scope}>
              <p className="pitfall-scope">{w.label}</p>
              <PitfallList warnings={w.warnings} label={t('cascade.pitfallsFor', { label: w.label })} />
            </div>
          ))}
        </section>
      )}
    </section>
  )
}
