import type { VoteCandidate } from './voteState.ts'

/**
 * Candidates by id. A vote burst looks up one candidate per ballot command: `find` over 5,000 candidates × 25,000
 * commands was 14 % of the burst's CPU (issue 16). The index is built once per candidate list; `readVote` returns the
 * same list object until the vote changes, so every ballot of a round shares one Map.
 */
const indexes = new WeakMap<readonly VoteCandidate[], Map<string, VoteCandidate>>()

export function candidateById(candidates: readonly VoteCandidate[], id: string): VoteCandidate | undefined {
  let index = indexes.get(candidates)
  if (!index) {
    index = new Map()
    for (const c of candidates) if (!index.has(c.id)) index.set(c.id, c) // the first wins, as `find` did
    indexes.set(candidates, index)
  }
  return index.get(id)
}
