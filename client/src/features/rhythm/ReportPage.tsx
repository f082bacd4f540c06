import { BAND_LABELS } from '../../../../shared/keyResults/confidenceBand.ts'
import { CHANGE_SYMBOLS } from '../../../../shared/rhythm/confidenceChange.ts'
import { quarterWeeks } from '../../../../shared/rhythm/quarterWeeks.ts'
import type { TeamView } from '../../../../shared/rhythm/teamDoc.ts'
import { teamWeeklyReport } from '../../../../shared/rhythm/teamReport.ts'
import type { WeekId } from '../../../../shared/rhythm/weekId.ts'
import { NavLink } from './NavLink.tsx'
import { shortDate, teamPaths } from './teamPaths.ts'
import { useTranslation } from 'react-i18next'

const OUTCOME_KEYS = { done: 'friday.done', not_done: 'friday.notDone', unmarked: 'report.notMarked' } as const
const CHANGE_KEYS = { up: 'team.changeUp', down: 'team.changeDown', same: 'team.changeSame', new: 'team.changeNew' } as const

/** The weekly report (DOMAIN.md), generated from the week's four-square and Friday review. Printable, downloadable. */
export function ReportPage({ view, weekId }: { view: TeamView; weekId: WeekId }) {
  const { t } = useTranslation()
  const report = teamWeeklyReport(view, weekId)
  const weeks = quarterWeeks(view.record.quarter)
  const index = weeks.indexOf(weekId)
  const prev = index > 0 ? weeks[index - 1] : null
  const next = index >= 0 && index < weeks.length - 1 ? weeks[index + 1] : null
  return (
    <main className="page weekly-report">
      <nav className="week-nav no-print" aria-label={t('team.weeks')}>
        {prev ? (
          <NavLink className="button secondary" href={teamPaths.report(view.record.id, prev)}>
            ← {t('team.weekOf', { date: shortDate(prev) })}
          </NavLink>
        ) : (
          <span />
        )}
        <span />
        {next ? (
          <NavLink className="button secondary" href={teamPaths.report(view.record.id, next)}>
            {t('team.weekOf', { date: shortDate(next) })} →
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
          <h2 className="report-title">{t('report.title', { team: report.team, date: shortDate(weekId) })}</h2>
        </header>

        <section aria-labelledby="r-okrs">
          <h3 id="r-okrs">OKRs</h3>
          {report.okrs.map((o) => (
            <div key={o.id} className="report-objective">
              <h4>{o.title}</h4>
              <div className="table-scroll">
                <table>
                  <caption className="visually-hidden">{t('report.krsOf', { title: o.title })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('report.keyResult')}</th>
                      <th scope="col">{t('report.owner')}</th>
                      <th scope="col">{t('report.confidence')}</th>
                      <th scope="col">{t('report.change')}</th>
                      <th scope="col">{t('report.why')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {o.keyResults.map((kr) => (
                      <tr key={kr.id}>
                        <th scope="row">{kr.statement}</th>
                        <td>{kr.owner}</td>
                        <td>
                          {kr.confidence === null || kr.colour === null ? (
                            <span className="hint">{t('report.noCheckIn')}</span>
                          ) : (
                            <span className={`confidence-badge band-${kr.colour}`}>
                              {kr.confidence}/10 · {t(`confidence.bands.${kr.colour}`, { defaultValue: BAND_LABELS[kr.colour] })}
                            </span>
                          )}
                        </td>
                        <td>
                          {kr.change ? (
                            <>
                              <span aria-hidden="true">{CHANGE_SYMBOLS[kr.change]}</span> {t(CHANGE_KEYS[kr.change])}
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
          <h3 id="r-priorities">{t('report.prioritiesHeading')}</h3>
          {report.priorities.length === 0 ? (
            <p className="hint">{t('report.noPriorities')}</p>
          ) : (
            <ul className="report-list">
              {report.priorities.map((p) => (
                <li key={p.priorityId}>
                  <span className={`outcome-badge outcome-${p.status.replace('_', '-')}`}>{t(OUTCOME_KEYS[p.status])}</span> {p.rank} {p.title}
                  {p.owner && <span className="hint"> ({p.owner})</span>}
                  {p.why && <>: {p.why}</>}
                </li>
              ))}
            </ul>
          )}
        </section>

        {report.wins.length > 0 && (
          <section aria-labelledby="r-wins">
            <h3 id="r-wins">{t('report.wins')}</h3>
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
          <h3 id="r-next">{t('report.next')}</h3>
          {report.nextWeek.length === 0 ? (
            <p className="hint">{t('report.noneYet')}</p>
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
          <h3 id="r-risks">{t('report.risks')}</h3>
          {report.risks.length === 0 ? (
            <p className="hint">{t('report.noneNamed')}</p>
          ) : (
            <ul className="report-list">
              {report.risks.map((r, i) => (
                <li key={i}>{r.text}</li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="r-remarks">
          <h3 id="r-remarks">{t('report.remarks')}</h3>
          <p className="remarks">{report.remarks || <span className="hint">{t('report.none')}</span>}</p>
        </section>
      </article>
      <div className="button-row exports no-print">
        <a className="button secondary" href={`/api/teams/${view.record.id}/report/${weekId}.md`} download>
          {t('report.download')}
        </a>
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t('report.print')}
        </button>
        <NavLink className="button secondary" href={teamPaths.week(view.record.id, weekId)}>
          {t('report.back')}
        </NavLink>
      </div>
    </main>
  )
}
