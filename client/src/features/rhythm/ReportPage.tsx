import { BAND_LABELS } from '../../../../shared/keyResults/confidenceBand.ts'
import { CHANGE_SYMBOLS } from '../../../../shared/rhythm/confidenceChange.ts'
import { quarterWeeks } from '../../../../shared/rhythm/quarterWeeks.ts'
import type { TeamView } from '../../../../shared/rhythm/teamDoc.ts'
import { teamWeeklyReport } from '../../../../shared/rhythm/teamReport.ts'
import type { WeekId } from '../../../../shared/rhythm/weekId.ts'
import { NavLink } from './NavLink.tsx'
import { shortDate, teamPaths } from './teamPaths.ts'

const OUTCOME_LABELS = { done: 'Done', not_done: 'Not done', unmarked: 'Not marked' } as const
const CHANGE_WORDS = { up: 'up', down: 'down', same: 'unchanged', new: 'first check-in' } as const

/** The weekly report (DOMAIN.md), generated from the week's four-square and Friday review. Printable, downloadable. */
export function ReportPage({ view, weekId }: { view: TeamView; weekId: WeekId }) {
  const report = teamWeeklyReport(view, weekId)
  const weeks = quarterWeeks(view.record.quarter)
  const index = weeks.indexOf(weekId)
  const prev = index > 0 ? weeks[index - 1] : null
  const next = index >= 0 && index < weeks.length - 1 ? weeks[index + 1] : null
  return (
    <main className="page weekly-report">
      <nav className="week-nav no-print" aria-label="Weeks">
        {prev ? (
          <NavLink className="button secondary" href={teamPaths.report(view.record.id, prev)}>
            ← Week of {shortDate(prev)}
          </NavLink>
        ) : (
          <span />
        )}
        <span />
        {next ? (
          <NavLink className="button secondary" href={teamPaths.report(view.record.id, next)}>
            Week of {shortDate(next)} →
          </NavLink>
        ) : (
          <span />
        )}
      </nav>
      <article className="report card">
        <header>
          <p className="eyebrow">
            {view.record.quarter} · {report.weekLabel}
          </p>
          <h2 className="report-title">
            Weekly report: {report.team}, week of {shortDate(weekId)}
          </h2>
        </header>

        <section aria-labelledby="r-okrs">
          <h3 id="r-okrs">OKRs</h3>
          {report.okrs.map((o) => (
            <div key={o.id} className="report-objective">
              <h4>{o.title}</h4>
              <div className="table-scroll">
                <table>
                  <caption className="visually-hidden">Key results of “{o.title}” with this week’s confidence</caption>
                  <thead>
                    <tr>
                      <th scope="col">Key result</th>
                      <th scope="col">Owner</th>
                      <th scope="col">Confidence</th>
                      <th scope="col">Change</th>
                      <th scope="col">Why</th>
                    </tr>
                  </thead>
                  <tbody>
                    {o.keyResults.map((kr) => (
                      <tr key={kr.id}>
                        <th scope="row">{kr.statement}</th>
                        <td>{kr.owner}</td>
                        <td>
                          {kr.confidence === null || kr.colour === null ? (
                            <span className="hint">no check-in</span>
                          ) : (
                            <span className={`confidence-badge band-${kr.colour}`}>
                              {kr.confidence}/10 · {BAND_LABELS[kr.colour]}
                            </span>
                          )}
                        </td>
                        <td>
                          {kr.change ? (
                            <>
                              <span aria-hidden="true">{CHANGE_SYMBOLS[kr.change]}</span> {CHANGE_WORDS[kr.change]}
                            </>
                          ) : (
                            ''
                          )}
                        </td>
                        <td>{kr.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          ))}
        </section>

        <section aria-labelledby="r-priorities">
          <h3 id="r-priorities">The week’s priorities: done or not done</h3>
          {report.priorities.length === 0 ? (
            <p className="hint">No priorities were set.</p>
          ) : (
            <ul className="report-list">
              {report.priorities.map((p) => (
                <li key={p.priorityId}>
                  <span className={`outcome-badge outcome-${p.status.replace('_', '-')}`}>{OUTCOME_LABELS[p.status]}</span> {p.rank} {p.title}
                  {p.owner && <span className="hint"> ({p.owner})</span>}
                  {p.why && <>: {p.why}</>}
                </li>
              ))}
            </ul>
          )}
        </section>

        {report.wins.length > 0 && (
          <section aria-labelledby="r-wins">
            <h3 id="r-wins">Wins</h3>
            <ul className="report-list">
              {report.wins.map((w, i) => (
                <li key={i}>
                  {w.text}
                  {w.by && <span className="hint"> ({w.by})</span>}
                </li>
              ))}
            </ul>
          </section>
        )}

        <section aria-labelledby="r-next">
          <h3 id="r-next">Next week’s priorities</h3>
          {report.nextWeek.length === 0 ? (
            <p className="hint">None yet.</p>
          ) : (
            <ol className="report-list">
              {report.nextWeek.map((p) => (
                <li key={p.id}>
                  {p.rank} {p.title}
                  {p.owner && <span className="hint"> ({p.owner})</span>}
                </li>
              ))}
            </ol>
          )}
        </section>

        <section aria-labelledby="r-risks">
          <h3 id="r-risks">Risks and blockers</h3>
          {report.risks.length === 0 ? (
            <p className="hint">None named.</p>
          ) : (
            <ul className="report-list">
              {report.risks.map((r, i) => (
                <li key={i}>{r.text}</li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="r-remarks">
          <h3 id="r-remarks">Remarks</h3>
          <p className="remarks">{report.remarks || <span className="hint">None.</span>}</p>
        </section>
      </article>
      <div className="button-row exports no-print">
        <a className="button secondary" href={`/api/teams/${view.record.id}/report/${weekId}.md`} download>
          Download Markdown
        </a>
        <button type="button" className="secondary" onClick={() => window.print()}>
          Print
        </button>
        <NavLink className="button secondary" href={teamPaths.week(view.record.id, weekId)}>
          Back to the week
        </NavLink>
      </div>
    </main>
  )
}
