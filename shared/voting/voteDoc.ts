import type * as Y from 'yjs'
import type { CardRecord } from '../board/boardTypes.ts'
import { peopleOfCards } from './candidatesFromBoard.ts'
import type { Tally } from './voteTypes.ts'
import type { VoteCandidate, VoteState } from './voteState.ts'

/**
 * How the vote is laid out in the meeting doc. The candidates (possibly thousands, with titles) are written once
 * when the vote is set up, in their own map; the small vote record changes at every phase; the result is its own
 * key. Opening, closing or revealing then re-sends a few hundred bytes to every client, not the whole ballot paper.
 */
export const VOTE_KEY = 'vote'
export const VOTE_RESULT_KEY = 'voteResult'
export const VOTE_CANDIDATES_MAP = 'voteCandidates'

export interface StoredVote extends Omit<VoteState, 'candidates' | 'allCandidates' | 'result'> {
  /** This round's candidate ids in order; null when the round has every candidate (the usual first round). */
  candidateIds: string[] | null
  /** Bumped whenever the candidates map is rewritten: readers cache the joined vote on the record's identity. */
  candidatesVersion: number
}

export interface FullStoredCandidate extends VoteCandidate {
  /** Position in `allCandidates`. */
  order: number
}

/**
 * A candidate that is one board card as it stands (most of them): every client already holds that card, so only
 * its id goes into the vote; title and people are read from the card. Group→Vote at 5,000 cards sent each card a
 * second time (191 KB per client compressed) before this (issue 16). Cards cannot change while a vote exists:
 * the board is edited only in Group, and going back to Group discards the vote.
 */
export interface CardRefCandidate {
  id: string
  order: number
}

export type StoredCandidate = FullStoredCandidate | CardRefCandidate

export interface VoteMaps {
  meeting: Y.Map<unknown>
  voteCandidates: Y.Map<StoredCandidate>
  /** The board's cards, which card-reference candidates are read from (absent: every candidate is stored whole). */
  cards?: Y.Map<CardRecord>
}

type CardLookup = (id: string) => CardRecord | undefined

/** Splits a vote into what is stored where; candidates that are one card as it stands become references. Pure. */
export function splitVote(
  vote: VoteState,
  candidatesVersion: number,
  card: CardLookup = () => undefined,
): { record: StoredVote; candidates: StoredCandidate[]; result: Tally | null } {
  const { candidates, allCandidates, result, ...rest } = vote
  const isEveryone = candidates.length === allCandidates.length && candidates.every((c, i) => c.id === allCandidates[i]?.id)
  return {
    record: { ...rest, candidateIds: isEveryone ? null : candidates.map((c) => c.id), candidatesVersion },
    candidates: allCandidates.map((c, order) => (isCardAsItStands(c, card(c.id)) ? { id: c.id, order } : { ...c, order })),
    result,
  }
}

function isCardAsItStands(c: VoteCandidate, card: CardRecord | undefined): boolean {
  if (!card || c.cardIds.length !== 1 || c.cardIds[0] !== c.id || c.title !== card.title) return false
  const people = peopleOfCards([card])
  return people.length === c.authorIds.length && people.every((p, i) => c.authorIds[i] === p)
}

function fromStored(stored: StoredCandidate, card: CardLookup): VoteCandidate {
  if ('title' in stored) {
    const { order: _order, ...c } = stored
    return c
  }
  const found = card(stored.id)
  // A reference outlives its card only in a damaged doc: the candidate stays, nameless, rather than vanish.
  return { id: stored.id, title: found?.title ?? '', authorIds: found ? peopleOfCards([found]) : [], cardIds: [stored.id] }
}

/** Puts a stored vote back together. Pure; unknown candidate ids are skipped. */
export function joinVote(record: StoredVote, stored: Iterable<StoredCandidate>, result: Tally | null, card: CardLookup = () => undefined): VoteState {
  const allCandidates: VoteCandidate[] = [...stored].sort((a, b) => a.order - b.order).map((c) => fromStored(c, card))
  const byId = new Map(allCandidates.map((c) => [c.id, c]))
  const candidates =
    record.candidateIds === null ? allCandidates : record.candidateIds.map((id) => byId.get(id)).filter((c): c is VoteCandidate => c !== undefined)
  const { candidateIds: _ids, candidatesVersion: _version, ...rest } = record
  return { ...rest, candidates, allCandidates, result }
}

const cache = new WeakMap<Y.Map<unknown>, { record: StoredVote; result: unknown; vote: VoteState }>()

/** The current vote, or null. Cached on the record's and result's identity: a ballot does not rebuild the candidate list. */
export function readVote(maps: VoteMaps): VoteState | null {
  const record = maps.meeting.get(VOTE_KEY) as StoredVote | VoteState | null | undefined
  if (!record) return null
  // Meetings stored before the split kept the whole vote under one key.
  if ('allCandidates' in record) return record
  const result = (maps.meeting.get(VOTE_RESULT_KEY) as Tally | null | undefined) ?? null
  const cached = cache.get(maps.meeting)
  if (cached && cached.record === record && cached.result === result) return cached.vote
  const vote = joinVote(record, maps.voteCandidates.values(), result, (id) => maps.cards?.get(id))
  cache.set(maps.meeting, { record, result, vote })
  return vote
}

/** Writes a vote (or removes it), touching only the parts that changed. Call inside a transaction. */
export function writeVote(maps: VoteMaps, vote: VoteState | null): void {
  const previous = readVote(maps)
  if (!vote) {
    maps.meeting.set(VOTE_KEY, null)
    if (maps.meeting.has(VOTE_RESULT_KEY)) maps.meeting.delete(VOTE_RESULT_KEY)
    if (maps.voteCandidates.size > 0) maps.voteCandidates.clear()
    return
  }
  const previousRecord = maps.meeting.get(VOTE_KEY) as StoredVote | null | undefined
  const isLegacy = previousRecord != null && 'allCandidates' in previousRecord
  const sameCandidates = !isLegacy && previous !== null && sameList(previous.allCandidates, vote.allCandidates)
  const version = (previousRecord && !isLegacy ? previousRecord.candidatesVersion : 0) + (sameCandidates ? 0 : 1)
  const { record, candidates, result } = splitVote(vote, version, (id) => maps.cards?.get(id))
  if (!sameCandidates) {
    maps.voteCandidates.clear()
    for (const c of candidates) maps.voteCandidates.set(c.id, c)
  }
  if (JSON.stringify(previous?.result ?? null) !== JSON.stringify(result)) maps.meeting.set(VOTE_RESULT_KEY, result)
  maps.meeting.set(VOTE_KEY, record)
}

function sameList(a: readonly VoteCandidate[], b: readonly VoteCandidate[]): boolean {
  return a.length === b.length && a.every((c, i) => JSON.stringify(c) === JSON.stringify(b[i]))
}
