import type { Ballot, Candidate, VoteSettings } from './voteTypes.ts'

export const MIN_BUDGET = 1
export const MAX_BUDGET = 20

/** DOMAIN.md's rule of thumb: candidates / 3 + 1 dots, kept within the usual 3–5. */
export function suggestBudget(candidateCount: number): number {
  return Math.min(5, Math.max(3, Math.floor(candidateCount / 3) + 1))
}

export function defaultVoteSettings(candidateCount: number): VoteSettings {
  return { budget: suggestBudget(candidateCount), perCandidateCap: null, isOwnVoteForbidden: false, isSpendAllReminded: false }
}

/** A run-off: same rules, a fresh budget, one dot by default. */
export function runoffSettings(settings: VoteSettings, budget = 1): VoteSettings {
  return { ...settings, budget, perCandidateCap: null }
}

/** Two rounds are worth suggesting when a long list would spread the dots thin. */
export const TWO_ROUNDS_SUGGESTED_ABOVE = 15

export function dotsSpent(ballot: Ballot): number {
  let n = 0
  for (const dots of Object.values(ballot)) n += dots
  return n
}

export type BallotCheck =
  | { ok: true; ballot: Ballot }
  | { ok: false; code: 'over_budget' | 'over_cap' | 'unknown_candidate' | 'own_candidate' | 'bad_dots'; reason: string }

/**
 * Sets one candidate's dots on a ballot, refusing anything the rules forbid. Absolute, not +1/−1, so a
 * command resent after a reconnect cannot count twice.
 */
export function setDots(ballot: Ballot, candidate: Candidate | undefined, dots: number, settings: VoteSettings, voterId: string): BallotCheck {
  if (!candidate) return { ok: false, code: 'unknown_candidate', reason: 'That candidate is not on this ballot.' }
  if (!Number.isInteger(dots) || dots < 0) return { ok: false, code: 'bad_dots', reason: 'Dots are whole numbers from 0 up.' }
  if (dots > 0 && settings.isOwnVoteForbidden && candidate.authorIds.includes(voterId)) {
    return { ok: false, code: 'own_candidate', reason: 'In this vote you cannot put dots on your own proposal.' }
  }
  if (settings.perCandidateCap !== null && dots > settings.perCandidateCap) {
    return { ok: false, code: 'over_cap', reason: `At most ${settings.perCandidateCap} dots on one candidate.` }
  }
  const next: Record<string, number> = { ...ballot }
  if (dots === 0) delete next[candidate.id]
  else next[candidate.id] = dots
  if (dotsSpent(next) > settings.budget) {
    return { ok: false, code: 'over_budget', reason: `You have ${settings.budget} dots in all; take one off another candidate first.` }
  }
  return { ok: true, ballot: next }
}

/** Checks a whole ballot (e.g. one read back from storage) against the rules. */
export function isBallotValid(ballot: Ballot, candidates: ReadonlyMap<string, Candidate>, settings: VoteSettings, voterId: string): boolean {
  let spent = 0
  for (const [id, dots] of Object.entries(ballot)) {
    const candidate = candidates.get(id)
    if (!candidate || !Number.isInteger(dots) || dots < 0) return false
    if (settings.perCandidateCap !== null && dots > settings.perCandidateCap) return false
    if (dots > 0 && settings.isOwnVoteForbidden && candidate.authorIds.includes(voterId)) return false
    spent += dots
  }
  return spent <= settings.budget
}
