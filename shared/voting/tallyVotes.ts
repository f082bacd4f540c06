import type { Ballot, RankedCandidate, Tally } from './voteTypes.ts'

/**
 * Totals, ranking and the cut line at `seats`. Ties are never broken silently: candidates sharing the total
 * that straddles the cut line are reported in `tiedAtCut`, for the facilitator to pick or send to a run-off.
 * Order-independent: the ranking sorts by dots, then by candidate order as given (the board's order).
 */
export function tallyVotes(ballots: Iterable<Ballot>, candidateIds: readonly string[], seats: number): Tally {
  const dots = new Map<string, number>(candidateIds.map((id) => [id, 0]))
  let ballotCount = 0
  let totalDots = 0
  for (const ballot of ballots) {
    ballotCount++
    for (const [id, n] of Object.entries(ballot)) {
      if (!dots.has(id) || n <= 0) continue
      dots.set(id, (dots.get(id) ?? 0) + n)
      totalDots += n
    }
  }
  const order = new Map(candidateIds.map((id, i) => [id, i]))
  const sorted = [...dots.entries()].sort((a, b) => b[1] - a[1] || (order.get(a[0]) ?? 0) - (order.get(b[0]) ?? 0))
  const ranking: RankedCandidate[] = []
  sorted.forEach(([id, n], i) => {
    const previous = ranking[i - 1]
    ranking.push({ id, dots: n, rank: previous && previous.dots === n ? previous.rank : i + 1 })
  })
  const effectiveSeats = Math.min(Math.max(seats, 0), ranking.length)
  if (effectiveSeats === 0) return { ranking, winners: [], tiedAtCut: [], seatsLeftForTied: 0, totalDots, ballotCount }
  const lastIn = ranking[effectiveSeats - 1] as RankedCandidate
  const firstOut = ranking[effectiveSeats]
  if (!firstOut || firstOut.dots !== lastIn.dots) {
    return { ranking, winners: ranking.slice(0, effectiveSeats).map((r) => r.id), tiedAtCut: [], seatsLeftForTied: 0, totalDots, ballotCount }
  }
  const winners = ranking.filter((r) => r.dots > lastIn.dots).map((r) => r.id)
  const tiedAtCut = ranking.filter((r) => r.dots === lastIn.dots).map((r) => r.id)
  return { ranking, winners, tiedAtCut, seatsLeftForTied: effectiveSeats - winners.length, totalDots, ballotCount }
}
