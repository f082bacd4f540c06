import { tallyVotes } from './tallyVotes.ts'
import { defaultVoteSettings, runoffSettings } from './voteRules.ts'
import type { Ballot, Tally } from './voteTypes.ts'
import type { VoteCandidate, VoteState } from './voteState.ts'

/** A fresh vote over the board's candidates, in setup, with the rule-of-thumb budget. */
export function newVote(candidates: VoteCandidate[], objectiveCount: number): VoteState {
  return {
    round: 1,
    kind: 'final',
    phase: 'setup',
    candidates,
    allCandidates: candidates,
    settings: defaultVoteSettings(candidates.length),
    seats: Math.min(objectiveCount, candidates.length),
    shortlistSize: null,
    carriedWinnerIds: [],
    result: null,
    chosenIds: null,
  }
}

/** Setup: the facilitator's rules, and optionally a shortlist round first. */
export function configureVote(
  vote: VoteState,
  settings: VoteState['settings'],
  shortlistSize: number | null,
  objectiveCount: number,
): { ok: true; vote: VoteState } | { ok: false; reason: string } {
  if (vote.phase !== 'setup') return { ok: false, reason: 'Voting has started; its rules are fixed.' }
  const count = vote.candidates.length
  if (shortlistSize !== null && (shortlistSize <= objectiveCount || shortlistSize >= count)) {
    return { ok: false, reason: `A shortlist keeps more than ${objectiveCount} and fewer than ${count} candidates.` }
  }
  return {
    ok: true,
    vote: {
      ...vote,
      settings,
      shortlistSize,
      kind: shortlistSize === null ? 'final' : 'shortlist',
      seats: shortlistSize ?? Math.min(objectiveCount, count),
    },
  }
}

/** Reveals the round: tally, and if nothing is tied at the cut line, the decision. */
export function revealRound(vote: VoteState, ballots: Iterable<Ballot>): VoteState {
  const result = tallyVotes(
    ballots,
    vote.candidates.map((c) => c.id),
    vote.seats,
  )
  const isDecided = result.tiedAtCut.length === 0 && vote.kind !== 'shortlist'
  return {
    ...vote,
    phase: 'revealed',
    result,
    chosenIds: isDecided ? [...vote.carriedWinnerIds, ...result.winners] : null,
  }
}

/** The facilitator settles a tie by picking exactly as many of the tied as seats are left. */
export function pickTied(vote: VoteState, pickedIds: readonly string[]): { ok: true; vote: VoteState } | { ok: false; reason: string } {
  const result = vote.result
  if (!result || vote.phase !== 'revealed' || result.tiedAtCut.length === 0) return { ok: false, reason: 'There is no tie to settle.' }
  const unique = [...new Set(pickedIds)]
  if (unique.some((id) => !result.tiedAtCut.includes(id))) return { ok: false, reason: 'Pick only among the tied candidates.' }
  if (unique.length !== result.seatsLeftForTied) {
    return { ok: false, reason: `Pick exactly ${result.seatsLeftForTied} of the tied candidates.` }
  }
  if (vote.kind === 'shortlist') {
    return { ok: true, vote: { ...vote, result: { ...result, winners: [...result.winners, ...unique], tiedAtCut: [], seatsLeftForTied: 0 } } }
  }
  return { ok: true, vote: { ...vote, chosenIds: [...vote.carriedWinnerIds, ...result.winners, ...unique] } }
}

/** A run-off among the tied: same rules, fresh budget (1 dot by default), for the seats still open. */
export function startRunoff(vote: VoteState, budget = 1): { ok: true; vote: VoteState } | { ok: false; reason: string } {
  const result = vote.result
  if (!result || vote.phase !== 'revealed' || result.tiedAtCut.length === 0) return { ok: false, reason: 'There is no tie to run off.' }
  const candidates = vote.candidates.filter((c) => result.tiedAtCut.includes(c.id))
  return {
    ok: true,
    vote: {
      ...vote,
      round: vote.round + 1,
      kind: vote.kind === 'shortlist' ? 'shortlist' : 'runoff',
      phase: 'open',
      candidates,
      settings: runoffSettings(vote.settings, budget),
      seats: result.seatsLeftForTied,
      carriedWinnerIds: [...vote.carriedWinnerIds, ...result.winners],
      result: null,
      chosenIds: null,
    },
  }
}

/** After a shortlist round: round 2 over the shortlisted, for the meeting's objectives, with a fresh budget. */
export function startFinalRound(vote: VoteState, objectiveCount: number): { ok: true; vote: VoteState } | { ok: false; reason: string } {
  const result = vote.result
  if (vote.kind !== 'shortlist' || vote.phase !== 'revealed' || !result) return { ok: false, reason: 'There is no shortlist to vote on.' }
  if (result.tiedAtCut.length > 0) return { ok: false, reason: 'Settle the tie at the shortlist’s cut line first.' }
  const shortlisted = new Set([...vote.carriedWinnerIds, ...result.winners])
  const candidates = vote.allCandidates.filter((c) => shortlisted.has(c.id))
  return {
    ok: true,
    vote: {
      ...vote,
      round: vote.round + 1,
      kind: 'final',
      phase: 'open',
      candidates,
      settings: { ...vote.settings, budget: defaultVoteSettings(candidates.length).budget },
      seats: Math.min(objectiveCount, candidates.length),
      shortlistSize: null,
      carriedWinnerIds: [],
      result: null,
      chosenIds: null,
    },
  }
}

export type { Tally }
