import { confidenceBand } from '../../../../shared/keyResults/confidenceBand.ts'
import type { TeamView } from '../../../../shared/rhythm/teamDoc.ts'
import { teamTrends } from '../../../../shared/rhythm/teamReport.ts'
import { isoWeekLabel } from '../../../../shared/rhythm/weekId.ts'
import { TrendChart } from './TrendChart.tsx'
import { shortDate } from './teamPaths.ts'
import { useTranslation } from 'react-i18next'

/** Each objective with all its key results' confidence over the quarter's weeks, charts with data tables. */
export default function TrendsPage({ view }: { view: TeamView }) {
  const { t } = useTranslation()
  const trends = teamTrends(view)
  return (
    <main className="page trends">
      <h2>{t('trends.heading', { quarter: view.record.quarter })}</h2>
      <p className="hint">{t('trends.intro')}</p>
      {trends.map((o, i) => (
        <section key={o.objectiveId} className="trend-objective" aria-labelledby={`trend-${o.objectiveId}`}>
          <h3 id={`trend-${o.objectiveId}`}>
            <span className="objective-number">{t('trends.objectiveN', { n: i + 1 })}</span> {o.title}
          </h3>
          {o.keyResults.length > 1 && (
            <figure className="trend card objective-trend">
              <figcaption>{t('trends.all')}</figcaption>
              <TrendChart
                title={t('trends.allTitle', { title: o.title })}
                labels={[t('trends.published'), ...(o.keyResults[0]?.points ?? []).map((p) => shortDate(p.weekId))]}
                series={o.keyResults.map((kr) => ({ label: kr.statement, values: [kr.published, ...kr.points.map((p) => p.confidence)] }))}
              />
            </figure>
          )}
          <div className="trend-grid">
            {o.keyResults.map((kr) => {
              const labels = [t('trends.published'), ...kr.points.map((p) => shortDate(p.weekId))]
              const values = [kr.published, ...kr.points.map((p) => p.confidence)]
              return (
                <figure key={kr.keyResultId} className="trend card">
                  <figcaption>{kr.statement}</figcaption>
                  <TrendChart title={t('trends.oneTitle', { statement: kr.statement })} labels={labels} series={[{ label: kr.statement, values }]} />
                  <details>
                    <summary>
                      {t('trends.dataTable')} <span className="visually-hidden">{t('trends.forStatement', { statement: kr.statement })}</span>
                    </summary>
                    <table>
                      <thead>
                        <tr>
                          <th scope="col">{t('trends.week')}</th>
                          <th scope="col">{t('trends.confidence')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        <tr>
                          <th scope="row">{t('trends.published')}</th>
                          <td>
                            {kr.published}/10 ({t(`confidence.bands.${confidenceBand(kr.published)}`)})
                          </td>
                        </tr>
                        {kr.points.map((p) => (
                          <tr key={p.weekId}>
                            <th scope="row">
                              {isoWeekLabel(p.weekId)} ({shortDate(p.weekId)})
                            </th>
                            <td>
                              {p.confidence === null || p.colour === null
                                ? t('report.noCheckIn')
                                : `${p.confidence}/10 (${t(`team.${p.colour}`).toLowerCase()}, ${t(`confidence.bands.${p.colour}`)})`}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </details>
                </figure>
              )
            })}
          </div>
        </section>
      ))}
    </main>
  )
}
