import type { AlignmentNode } from '../../../../shared/cascade/alignmentTree.ts'
import { worstBelow } from '../../../../shared/cascade/rollUpTree.ts'
import { BAND_LABELS, type ConfidenceBand } from '../../../../shared/keyResults/confidenceBand.ts'
import type { AlignmentResponse } from '../../../../shared/cascade/alignmentReport.ts'
import { ConfirmationBadge } from './ConfirmationBadge.tsx'
import { PitfallList } from './PitfallList.tsx'
import './cascade.css'

const LEVEL_WORDS = { company: 'Company objective', department: 'Department objective', personal: 'Personal objective' } as const

/** Rolled-up confidence: the colour, and the same in words. */
function RolledUp({ colour, label = 'Rolled-up confidence' }: { colour: ConfidenceBand | null; label?: string }) {
  if (!colour) return <span className="rolled-up none">no confidence yet</span>
  return (
    <span className={`confidence-badge band-${colour}`}>
      <span className="visually-hidden">{label}: </span>
      <span aria-hidden="true">●</span> {BAND_LABELS[colour]}
    </span>
  )
}

function Node({ node, index }: { node: AlignmentNode; index: number }) {
  const headingId = `align-${node.level}-${node.id}`
  return (
    <li className={`align-node level-${node.level}`} aria-labelledby={headingId}>
      <div className="align-card">
        <p className="align-meta">
          <span className="align-level">{node.level === 'company' ? `Objective ${index + 1}` : node.owner}</span>
          <span className="visually-hidden"> · {LEVEL_WORDS[node.level]}</span>
          {node.confirmation && <ConfirmationBadge status={node.confirmation} />}
        </p>
        <p className="align-title" id={headingId}>
          {node.title}
        </p>
        <p className="align-detail">
          <RolledUp colour={node.colour} />
          {node.children.length > 0 && (
            <span className="below">
              supporting OKRs: <RolledUp colour={worstBelow(node)} label="Worst confidence among the OKRs supporting it" />
            </span>
          )}
          {node.viaKeyResult && <span className="via">via key result “{node.viaKeyResult.statement}”</span>}
        </p>
      </div>
      {node.children.length > 0 && (
        <ul className="align-children" aria-label={`Supporting “${node.title}”`}>
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
  const Heading = headingLevel === 1 ? 'h1' : 'h2'
  const confirmed = report.departments.filter((d) => d.status === 'confirmed').length
  return (
    <section className="alignment" aria-labelledby="alignment-heading">
      <Heading id="alignment-heading">Alignment · {report.company.quarter}</Heading>
      <p className="hint">
        {report.departments.length === 0
          ? 'No department has aligned its OKRs to this set yet.'
          : `${report.departments.length} department set${report.departments.length === 1 ? '' : 's'}, ${confirmed} confirmed by the CEO. `}
        {report.departments.length > 0 &&
          'Each objective shows the worst confidence among its key results (as red as its reddest), and the worst among the OKRs that support it.'}
      </p>
      <ul className="align-tree" aria-label="Company objectives and the OKRs that support them">
        {report.tree.roots.map((n, i) => (
          <Node key={n.id} node={n} index={i} />
        ))}
      </ul>
      {report.tree.unaligned.length > 0 && (
        <>
          <h3>Not linked to this set</h3>
          <ul className="align-tree" aria-label="Objectives whose link points nowhere">
            {report.tree.unaligned.map((n, i) => (
              <Node key={`${n.level}-${n.id}`} node={n} index={i} />
            ))}
          </ul>
        </>
      )}
      {report.departments.some((d) => d.status === 'sent_back') && (
        <>
          <h3>Sent back for changes</h3>
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
          <h3 id="alignment-pitfalls-heading">Worth a second look</h3>
          {report.warnings.map((w) => (
            <div key={w.scope}>
              <p className="pitfall-scope">{w.label}</p>
              <PitfallList warnings={w.warnings} label={`Pitfall warnings: ${w.label}`} />
            </div>
          ))}
        </section>
      )}
    </section>
  )
}
