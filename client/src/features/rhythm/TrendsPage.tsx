import { BAND_LABELS, confidenceBand } from '../../../../shared/keyResults/confidenceBand.ts'
import type { TeamView } from '../../../../shared/rhythm/teamDoc.ts'
import { teamTrends } from '../../../../shared/rhythm/teamReport.ts'
import { isoWeekLabel } from '../../../../shared/rhythm/weekId.ts'
import { TrendChart } from './TrendChart.tsx'
import { shortDate } from './teamPaths.ts'

/** Each objective with all its key results' confidence over the quarter's weeks, charts with data tables. */
export default function TrendsPage({ view }: { view: TeamView }) {
  const trends = teamTrends(view)
  return (
    <main className="page trends">
      <h2>Confidence trends, {view.record.quarter}</h2>
      <p className="hint">
        Each point is a Monday check-in; the first is the confidence the key result was published with. Shapes say the colour too: ▲ red (1–3), ◆ yellow (4–6),
        ● green (7–10). A dashed line crosses weeks without a check-in.
      </p>
      {trends.map((o, i) => (
        <section key={o.objectiveId} className="trend-objective" aria-labelledby={`trend-${o.objectiveId}`}>
          <h3 id={`trend-${o.objectiveId}`}>
            <span className="objective-number">Objective {i + 1}</span> {o.title}
          </h3>
          {o.keyResults.length > 1 && (
            <figure className="trend card objective-trend">
              <figcaption>All its key results</figcaption>
              <TrendChart
                title={`Confidence trends of every key result of “${o.title}”`}
                labels={['Published', ...(o.keyResults[0]?.points ?? []).map((p) => shortDate(p.weekId))]}
                series={o.keyResults.map((kr) => ({ label: kr.statement, values: [kr.published, ...kr.points.map((p) => p.confidence)] }))}
              />
            </figure>
          )}
          <div className="trend-grid">
            {o.keyResults.map((kr) => {
              const labels = ['Published', ...kr.points.map((p) => shortDate(p.weekId))]
              const values = [kr.published, ...kr.points.map((p) => p.confidence)]
              return (
                <figure key={kr.keyResultId} className="trend card">
                  <figcaption>{kr.statement}</figcaption>
                  <TrendChart title={`Confidence trend for “${kr.statement}”`} labels={labels} series={[{ label: kr.statement, values }]} />
                  <details>
                    <summary>
                      Data table <span className="visually-hidden">for {kr.statement}</span>
                    </summary>
                    <table>
                      <thead>
                        <tr>
                          <th scope="col">Week</th>
                          <th scope="col">Confidence</th>
                        </tr>
                      </thead>
                      <tbody>
                        <tr>
                          <th scope="row">Published</th>
                          <td>
                            {kr.published}/10 ({BAND_LABELS[confidenceBand(kr.published)]})
                          </td>
                        </tr>
                        {kr.points.map((p) => (
                          <tr key={p.weekId}>
                            <th scope="row">
                              {isoWeekLabel(p.weekId)} ({shortDate(p.weekId)})
                            </th>
                            <td>{p.confidence === null || p.colour === null ? 'no check-in' : `${p.confidence}/10 (${p.colour}, ${BAND_LABELS[p.colour]})`}</td>
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
