import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { meetingMaps } from '../meeting/meetingDoc.ts'
import { joinVote, readVote, splitVote, writeVote } from './voteDoc.ts'
import type { VoteCandidate, VoteState } from './voteState.ts'
import type { CardRecord } from '../board/boardTypes.ts'

const candidate = (i: number): VoteCandidate => ({ id: `c${i}`, title: `Objective number ${i}`, authorIds: [`p${i}`], cardIds: [`k${i}`] })
const ALL = Array.from({ length: 200 }, (_, i) => candidate(i))

function vote(overrides: Partial<VoteState> = {}): VoteState {
  return {
    round: 1,
    kind: 'final',
    phase: 'setup',
    candidates: ALL,
    allCandidates: ALL,
    settings: { budget: 5, perCandidateCap: null, isOwnVoteForbidden: false, isSpendAllReminded: true },
    seats: 3,
    shortlistSize: null,
    carriedWinnerIds: [],
    result: null,
    chosenIds: null,
    ...overrides,
  }
}

/** Bytes of the update produced by `change` on a doc that already holds the vote. */
function updateBytes(doc: Y.Doc, change: () => void): number {
  let bytes = 0
  const onUpdate = (u: Uint8Array) => (bytes += u.length)
  doc.on('update', onUpdate)
  doc.transact(change)
  doc.off('update', onUpdate)
  return bytes
}

describe('splitVote / joinVote', () => {
  it('round-trips a first round (every candidate) and a run-off (a few)', () => {
    for (const v of [vote(), vote({ kind: 'runoff', candidates: [ALL[3] as VoteCandidate, ALL[1] as VoteCandidate] })]) {
      const { record, candidates, result } = splitVote(v, 1)
      expect(joinVote(record, [...candidates].reverse(), result)).toEqual(v)
    }
  })

  it('stores no id list when the round has every candidate', () => {
    expect(splitVote(vote(), 1).record.candidateIds).toBeNull()
  })
})

describe('writeVote / readVote in a doc', () => {
  it('writes the candidates once: a phase change costs a few hundred bytes, not the candidate list', () => {
    const doc = new Y.Doc()
    const maps = meetingMaps(doc)
    const setup = updateBytes(doc, () => writeVote(maps, vote()))
    expect(setup).toBeGreaterThan(ALL.length * 20)
    const open = updateBytes(doc, () => writeVote(maps, { ...(readVote(maps) as VoteState), phase: 'open' }))
    expect(open).toBeLessThan(400)
    expect(readVote(maps)).toEqual(vote({ phase: 'open' }))
  })

  it('keeps the result under its own key, and clears everything when the vote is dropped', () => {
    const doc = new Y.Doc()
    const maps = meetingMaps(doc)
    doc.transact(() => writeVote(maps, vote()))
    const result = { ranking: [{ id: 'c1', dots: 4, rank: 1 }], winners: ['c1'], tiedAtCut: [], seatsLeftForTied: 0, totalDots: 4, ballotCount: 1 }
    doc.transact(() => writeVote(maps, vote({ phase: 'revealed', result })))
    expect(readVote(maps)?.result).toEqual(result)
    doc.transact(() => writeVote(maps, null))
    expect(readVote(maps)).toBeNull()
    expect(maps.voteCandidates.size).toBe(0)
  })

  it('rewrites the candidates when they change (a new vote after going back to Group)', () => {
    const doc = new Y.Doc()
    const maps = meetingMaps(doc)
    doc.transact(() => writeVote(maps, vote()))
    const fewer = ALL.slice(0, 5)
    doc.transact(() => writeVote(maps, vote({ candidates: fewer, allCandidates: fewer })))
    expect(readVote(maps)?.allCandidates).toEqual(fewer)
    expect(maps.voteCandidates.size).toBe(5)
  })

  it('still reads a meeting stored before the split (the whole vote under one key)', () => {
    const doc = new Y.Doc()
    const maps = meetingMaps(doc)
    doc.transact(() => maps.meeting.set('vote', vote({ phase: 'open' })))
    expect(readVote(maps)).toEqual(vote({ phase: 'open' }))
    doc.transact(() => writeVote(maps, vote({ phase: 'closed' })))
    expect(readVote(maps)).toEqual(vote({ phase: 'closed' }))
  })

  it('answers repeated reads with the same object while nothing changed (ballots do not rebuild the list)', () => {
    const doc = new Y.Doc()
    const maps = meetingMaps(doc)
    doc.transact(() => writeVote(maps, vote()))
    expect(readVote(maps)).toBe(readVote(maps))
  })

  it('stores a candidate that is one card as it stands as a reference, read back from the card', () => {
    const doc = new Y.Doc()
    const maps = meetingMaps(doc)
    const card = (i: number, extra: Partial<CardRecord> = {}): CardRecord => ({
      id: `c${i}`,
      title: `Objective number ${i}`,
      why: 'because',
      authorIds: [`p${i}`],
      supporterIds: [],
      merged: [],
      clusterId: null,
      submissionIds: [],
      createdAt: i,
      ...extra,
    })
    const lone = (i: number): VoteCandidate => ({ id: `c${i}`, title: `Objective number ${i}`, authorIds: [`p${i}`], cardIds: [`c${i}`] })
    const cluster: VoteCandidate = { id: 'cluster', title: 'A cluster', authorIds: ['p1', 'p2'], cardIds: ['c1', 'c2'] }
    const renamed: VoteCandidate = { ...lone(3), title: 'Not the card title' }
    doc.transact(() => {
      for (const i of [0, 1, 2, 3]) maps.cards.set(`c${i}`, card(i))
      maps.cards.set('c4', card(4, { supporterIds: ['p9'] }))
    })
    const all = [lone(0), cluster, renamed, { ...lone(4), authorIds: ['p4', 'p9'] }]
    const expected = vote({ candidates: all, allCandidates: all })
    doc.transact(() => writeVote(maps, expected))
    expect(maps.voteCandidates.get('c0')).toEqual({ id: 'c0', order: 0 })
    expect(maps.voteCandidates.get('cluster')).toMatchObject({ title: 'A cluster' })
    expect(maps.voteCandidates.get('c3')).toMatchObject({ title: 'Not the card title' })
    expect(maps.voteCandidates.get('c4')).toEqual({ id: 'c4', order: 3 })
    // A fresh reader (another client) joins references to its own copy of the cards.
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    expect(readVote(meetingMaps(copy))).toEqual(expected)
  })

  it('sends far fewer bytes at Group→Vote when the candidates are the cards', () => {
    const cards = (doc: Y.Doc) =>
      doc.transact(() => {
        for (const c of ALL)
          meetingMaps(doc).cards.set(c.id, {
            id: c.id,
            title: c.title,
            why: '',
            authorIds: [...c.authorIds],
            supporterIds: [],
            merged: [],
            clusterId: null,
            submissionIds: [],
            createdAt: 0,
          })
      })
    const lone = ALL.map((c) => ({ ...c, cardIds: [c.id] }))
    const withCards = new Y.Doc()
    cards(withCards)
    const bare = new Y.Doc()
    const byReference = updateBytes(withCards, () => writeVote(meetingMaps(withCards), vote({ candidates: lone, allCandidates: lone })))
    const whole = updateBytes(bare, () =>
      writeVote({ meeting: bare.getMap('meeting'), voteCandidates: bare.getMap('voteCandidates') }, vote({ candidates: lone, allCandidates: lone })),
    )
    expect(byReference).toBeLessThan(whole / 2)
  })
})
