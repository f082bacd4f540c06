import { lazy, Suspense } from 'react'
import type { PublishedSet } from '../../../../shared/exports/publishedSet.ts'
import { STAGE_LABELS } from '../../../../shared/stages/stages.ts'
import { ConfidenceBadge } from '../keyResults/ConfidenceControl.tsx'
import { formatCount } from '../../ui/formatCount.ts'
import { describeVoting } from '../../../../shared/voting/countVoters.ts'

// Team spaces (weekly rhythm) load with their own chunk, after the OKRs are on screen.
const TeamSpaces = lazy(() => import('../rhythm/TeamSpaces.tsx'))

const minutes = (ms: number) => (ms < 30_000 ? '<1 min' : `${Math.round(ms / 60000)} min`)

/** The published OKRs: mission on top, objectives with their key results, the meeting's summary. Printable. */
export function PublishedView({ set }: { set: PublishedSet }) {
  const base = `/api/meetings/${set.meetingId}/export`
  return (
    <article className="published">
      <header>
        <p className="eyebrow">{set.quarter} · published {new Date(set.publishedAt).toLocaleDateString('en', { dateStyle: 'long' })}</p>
        <h1>{set.title}</h1>
        <blockquote className="mission big">{set.mission}</blockquote>
        <p className="no-print"><a className="button primary" href={`/p/${set.meetingId}/present`}>Present at the all-hands</a></p>
      </header>
      {set.objectives.map((o, i) => (
        <section key={o.id} className="published-objective" aria-labelledby={`pub-${o.id}`}>
          <h2 id={`pub-${o.id}`}><span className="objective-number">Objective {i + 1}</span> {o.title}</h2>
          <p className="hint">{[o.team && `Owner: ${o.team}`, o.deadline && `Deadline: ${o.deadline}`].filter(Boolean).join(' · ')}</p>
          {o.whyNow && <p className="why-now">Why now: {o.whyNow}</p>}
          <ol className="published-krs" aria-label={`Key results for “${o.title}”`}>
            {o.keyResults.map((kr) => (
              <li key={kr.id}>
                <p className="kr-statement">{kr.statement}</p>
                <p className="hint">
                  {kr.target && `${kr.baseline || '?'} → ${kr.target} ${kr.unit} · `}{kr.owner && `Owner: ${kr.owner} · `}
                  <ConfidenceBadge confidence={kr.confidence} />
                </p>
              </li>
            ))}
          </ol>
        </section>
      ))}
      <section className="summary no-print-break" aria-labelledby="summary-heading">
        <h2 id="summary-heading">How these were set</h2>
        <p>
          {formatCount(set.summary.participants)} participants · {formatCount(set.summary.submissions)} proposals ·{' '}
          {formatCount(set.summary.merges)} merged · {describeVoting(set.summary)}
        </p>
        <p className="hint">{set.summary.stageDurations.map((d) => `${STAGE_LABELS[d.stage]} ${minutes(d.ms)}`).join(' · ')}</p>
      </section>
      <Suspense fallback={null}>
        <TeamSpaces set={set} />
      </Suspense>
      <nav className="exports no-print" aria-label="Downloads">
        <a className="button secondary" href={`${base}.md`} download>Download Markdown</a>
        <a className="button secondary" href={`${base}.csv`} download>Download CSV</a>
        <a className="button secondary" href={`${base}.json`} download>Download JSON</a>
        <button type="button" className="secondary" onClick={() => window.print()}>Print</button>
        <a className="button secondary" href={`/?previous=${set.meetingId}`}>Plan next quarter</a>
      </nav>
    </article>
  )
}
