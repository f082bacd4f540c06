import { describe, expect, it } from 'vitest'
import { configureVote, newVote, pickTied, revealRound, startFinalRound, startRunoff } from './voteFlow.ts'
import type { VoteCandidate } from './voteState.ts'

const candidates: VoteCandidate[] = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, title: id, authorIds: [], cardIds: [id] }))

describe('vote flow', () => {
  it('starts in setup with the suggested budget and the meeting’s seats', () => {
    const v = newVote(candidates, 3)
    expect(v).toMatchObject({ phase: 'setup', seats: 3, kind: 'final' })
    expect(v.settings.budget).toBe(3)
  })

  it('decides at once when nothing ties at the cut line', () => {
    const v = revealRound({ ...newVote(candidates, 3), phase: 'closed' }, [{ a: 3 }, { b: 2, c: 1 }])
    expect(v.chosenIds).toEqual(['a', 'b', 'c'])
  })

  it('settles a tie by a run-off among the tied, keeping the clear winners', () => {
    const tied = revealRound({ ...newVote(candidates, 3), phase: 'closed' }, [{ a: 3, b: 2, c: 1, d: 1 }])
    expect(tied.chosenIds).toBeNull()
    expect(tied.result?.tiedAtCut).toEqual(['c', 'd'])
    const runoff = startRunoff(tied)
    if (!runoff.ok) throw new Error(runoff.reason)
    expect(runoff.vote).toMatchObject({ round: 2, kind: 'runoff', phase: 'open', seats: 1 })
    expect(runoff.vote.settings.budget).toBe(1)
    expect(runoff.vote.candidates.map((c) => c.id)).toEqual(['c', 'd'])
    const decided = revealRound(runoff.vote, [{ d: 1 }, { d: 1 }, { c: 1 }])
    expect(decided.chosenIds).toEqual(['a', 'b', 'd'])
  })

  it('lets the facilitator pick exactly as many tied candidates as seats are left', () => {
    const tied = revealRound({ ...newVote(candidates, 3), phase: 'closed' }, [{ a: 3, b: 1, c: 1, d: 1 }])
    expect(pickTied(tied, ['b'])).toMatchObject({ ok: false })
    expect(pickTied(tied, ['a', 'b'])).toMatchObject({ ok: false })
    const picked = pickTied(tied, ['b', 'd'])
    expect(picked.ok && picked.vote.chosenIds).toEqual(['a', 'b', 'd'])
  })

  it('runs two rounds: a shortlist, then the final with a fresh budget', () => {
    const configured = configureVote(newVote(candidates, 1), { ...newVote(candidates, 1).settings, budget: 5 }, 3, 1)
    if (!configured.ok) throw new Error(configured.reason)
    expect(configured.vote).toMatchObject({ kind: 'shortlist', seats: 3 })
    const shortlist = revealRound({ ...configured.vote, phase: 'closed' }, [{ a: 2, b: 2, c: 1 }, { f: 3 }])
    expect(shortlist.chosenIds).toBeNull()
    const final = startFinalRound(shortlist, 1)
    if (!final.ok) throw new Error(final.reason)
    expect(final.vote.candidates.map((c) => c.id).sort()).toEqual(['a', 'b', 'f'])
    expect(final.vote).toMatchObject({ kind: 'final', seats: 1, round: 2 })
    expect(revealRound(final.vote, [{ b: 1 }]).chosenIds).toEqual(['b'])
  })

  it('refuses a shortlist that keeps too few or too many', () => {
    const v = newVote(candidates, 3)
    expect(configureVote(v, v.settings, 3, 3).ok).toBe(false)
    expect(configureVote(v, v.settings, 6, 3).ok).toBe(false)
  })
})
