import type { CSSProperties } from 'react'
import type { VoteState } from '../../../../shared/voting/voteState.ts'
import { formatCount } from '../../ui/formatCount.ts'

/** Ranked totals with bars; winners highlighted; a tie at the cut line said plainly. Totals only: ballots stay anonymous. */
export function VoteResults({ vote, isProjector = false }: { vote: VoteState; isProjector?: boolean }) {
  const result = vote.result
  if (!result) return null
  const titles = new Map(vote.allCandidates.map((c) => [c.id, c.title]))
  const max = Math.max(1, ...result.ranking.map((r) => r.dots))
  const chosen = new Set(vote.chosenIds ?? [])
  const winners = new Set(result.winners)
  const tied = new Set(result.tiedAtCut)
  return (
    <section className={isProjector ? 'results projector-results' : 'results'} aria-labelledby="results-heading">
      <h3 id="results-heading">
        {vote.kind === 'shortlist' ? 'Shortlist results' : vote.kind === 'runoff' ? 'Run-off results' : 'Results'}
      </h3>
      <p className="hint">
        {formatCount(result.ballotCount)} {result.ballotCount === 1 ? 'person' : 'people'} voted · {formatCount(result.totalDots)} dots
      </p>
      {result.tiedAtCut.length > 0 && (
        <p className="tie-notice" role="status">
          Tie at the cut line: {result.tiedAtCut.map((id) => `“${titles.get(id)}”`).join(', ')} share the last
          {result.seatsLeftForTied === 1 ? ' place' : ` ${result.seatsLeftForTied} places`}. The facilitator picks, or starts a run-off.
        </p>
      )}
      <ol className="result-list" aria-label="Ranked results" style={{ '--rows': result.ranking.length } as CSSProperties}>
        {result.ranking.map((r) => {
          const status = chosen.has(r.id) || winners.has(r.id) ? 'winner' : tied.has(r.id) ? 'tied' : 'other'
          return (
            <li key={r.id} className={`result ${status}`}>
              <div className="result-label">
                <span className="result-rank">{r.rank}.</span>
                <span className="result-title">{titles.get(r.id)}</span>
                <span className="result-dots">{formatCount(r.dots)} {r.dots === 1 ? 'dot' : 'dots'}</span>
                {status === 'winner' && <span className="badge winner-badge">{vote.kind === 'shortlist' ? 'Shortlisted' : 'Chosen'}</span>}
                {status === 'tied' && <span className="badge tied-badge">Tied</span>}
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
          The {vote.chosenIds.length === 1 ? 'objective is' : `${vote.chosenIds.length} objectives are`} decided and carried into Key results.
        </p>
      )}
    </section>
  )
}
