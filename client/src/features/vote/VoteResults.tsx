import type { CSSProperties } from 'react'
import type { VoteState } from '../../../../shared/voting/voteState.ts'
import { useTranslation } from 'react-i18next'

/** Ranked totals with bars; winners highlighted; a tie at the cut line said plainly. Totals only: ballots stay anonymous. */
export function VoteResults({ vote, isProjector = false }: { vote: VoteState; isProjector?: boolean }) {
  const result = vote.result
  const { t } = useTranslation()
  if (!result) return null
  const titles = new Map(vote.allCandidates.map((c) => [c.id, c.title]))
  const max = Math.max(1, ...result.ranking.map((r) => r.dots))
  const chosen = new Set(vote.chosenIds ?? [])
  const winners = new Set(result.winners)
  const tied = new Set(result.tiedAtCut)
  return (
    <section className={isProjector ? 'results projector-results' : 'results'} aria-labelledby="results-heading">
      <h3 id="results-heading">
        {vote.kind === 'shortlist' ? t('vote.shortlistResults') : vote.kind === 'runoff' ? t('vote.runoffResults') : t('vote.results')}
      </h3>
      <p className="hint">{t('vote.resultsSummary', { count: result.ballotCount, dots: result.totalDots })}</p>
      {result.tiedAtCut.length > 0 && (
        <p className="tie-notice" role="status">
          {t('vote.tie', {
            titles: result.tiedAtCut.map((id) => t('quote', { text: titles.get(id) })).join(', '),
            places: t('vote.place', { count: result.seatsLeftForTied }),
          })}
        </p>
      )}
      <ol className="result-list" aria-label={t('vote.ranked')} style={{ '--rows': result.ranking.length } as CSSProperties}>
        {result.ranking.map((r) => {
          const status = chosen.has(r.id) || winners.has(r.id) ? 'winner' : tied.has(r.id) ? 'tied' : 'other'
          return (
            <li key={r.id} className={`result ${status}`}>
              <div className="result-label">
                <span className="result-rank">{r.rank}.</span>
                <span className="result-title">{titles.get(r.id)}</span>
                <span className="result-dots">{t('vote.dots', { count: r.dots })}</span>
                {status === 'winner' && <span className="badge winner-badge">{vote.kind === 'shortlist' ? t('vote.shortlisted') : t('vote.chosen')}</span>}
                {status === 'tied' && <span className="badge tied-badge">{t('vote.tied')}</span>}
              </div>
              <div className="result-bar" aria-hidden="true">
                <div className="result-fill" style={{ width: `${(r.dots / max) * 100}%` }} />
              </div>
            </li>
          )
        })}
      </ol>
      {vote.chosenIds && (
        <p className="chosen-note" role="status">
          {t('vote.decided', { count: vote.chosenIds.length })}
        </p>
      )}
    </section>
  )
}
