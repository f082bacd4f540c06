import { describe, expect, it } from 'vitest'
import type { KeyResult } from '../keyResults/keyResultTypes.ts'
import { applyWeekEdit, type EditContext, type WeekEdit } from './teamEdits.ts'
import { emptyWeek, previousFourSquare, type TeamRecord, type TeamWeek } from './teamDoc.ts'
import { teamTrends, teamWeeklyReport } from './teamReport.ts'

const kr = (id: string, confidence: number): KeyResult => ({
  id,
  objectiveId: 'o1',
  statement: `Statement ${id}`,
  metric: '',
  baseline: '',
  target: '',
  unit: '',
  owner: 'Ana',
  confidence,
  isAccepted: true,
  order: 0,
  createdAt: 0,
  createdBy: '',
})

const RECORD: TeamRecord = {
  id: 'team1',
  meetingId: 'm1',
  name: 'Growth',
  meetingTitle: 'Acme',
  quarter: '2027 Q1',
  mission: '',
  objectives: [{ id: 'o1', title: 'Make trials convert', whyNow: '', team: '', deadline: '', keyResults: [kr('kr1', 6), kr('kr2', 8)] }],
  createdAt: 0,
}
const W1 = '2027-01-04'
const W2 = '2027-01-11'

let counter = 0
const ctx = (weeks: TeamWeek[] = [], over: Partial<EditContext> = {}): EditContext => ({
  record: RECORD,
  weeks,
  newId: () => `id${++counter}`,
  now: 1000,
  reactorKey: 'viewer-a',
  ...over,
})

type EditInput = WeekEdit extends infer C ? (C extends WeekEdit ? Omit<C, 'id'> : never) : never

/** Applies edits in order, failing the test on the first refusal. */
function applyAll(week: TeamWeek, edits: EditInput[], weeks: TeamWeek[] = []): TeamWeek {
  let w = week
  for (const e of edits) {
    const out = applyWeekEdit(w, { id: 'c', ...e } as WeekEdit, ctx(weeks))
    if (!out.ok) throw new Error(out.message)
    w = out.week
  }
  return w
}

const add = (title: string, rank: 'P1' | 'P2' | 'P3' = 'P1', owner = 'Ana') =>
  ({ type: 'addPriority', weekId: W1, title, rank, owner, keyResultId: null }) as const

describe('applyWeekEdit', () => {
  it('keeps at most four priorities, P1 or P2 only, each with an owner', () => {
    const week = applyAll(emptyWeek(W1), [add('a'), add('b', 'P2'), add('c'), add('d')])
    expect(week.priorities).toHaveLength(4)
    const fifth = applyWeekEdit(week, { id: 'x', ...add('e') }, ctx())
    expect(fifth).toMatchObject({ ok: false, code: 'limit_reached' })
    expect(applyWeekEdit(emptyWeek(W1), { id: 'x', ...add('p3', 'P3') }, ctx())).toMatchObject({ ok: false, message: expect.stringMatching(/P3/) })
    expect(applyWeekEdit(emptyWeek(W1), { id: 'x', ...add('nobody', 'P1', '') }, ctx())).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no owner/),
    })
  })

  it('does not change the week it was given', () => {
    const week = emptyWeek(W1)
    applyWeekEdit(week, { id: 'x', ...add('a') }, ctx())
    expect(week.priorities).toEqual([])
  })

  it('refuses a week outside the quarter, and a key result the team does not track', () => {
    expect(applyWeekEdit(emptyWeek('2027-06-07'), { id: 'x', ...add('a'), weekId: '2027-06-07' }, ctx())).toMatchObject({ ok: false, code: 'bad_command' })
    expect(applyWeekEdit(emptyWeek(W1), { id: 'x', type: 'setConfidence', weekId: W1, keyResultId: 'nope', confidence: 5, reason: '' }, ctx())).toMatchObject({
      ok: false,
      code: 'not_found',
    })
  })

  it('needs a one-line reason when a confidence moves from the published value or from last week', () => {
    const set = (weekId: string, confidence: number, reason: string) =>
      ({ id: 'x', type: 'setConfidence', weekId, keyResultId: 'kr1', confidence, reason }) as const
    expect(applyWeekEdit(emptyWeek(W1), set(W1, 6, ''), ctx()).ok).toBe(true)
    expect(applyWeekEdit(emptyWeek(W1), set(W1, 3, ''), ctx())).toMatchObject({ ok: false, message: expect.stringMatching(/went down from 6 to 3/) })
    expect(applyWeekEdit(emptyWeek(W1), set(W1, 3, 'a\nb'), ctx())).toMatchObject({ ok: false, message: expect.stringMatching(/one line/) })
    const week1 = applyAll(emptyWeek(W1), [{ type: 'setConfidence', weekId: W1, keyResultId: 'kr1', confidence: 3, reason: 'Provider late' }])
    // Week 2 compares with week 1's 3, not the published 6.
    expect(applyWeekEdit(emptyWeek(W2), set(W2, 3, ''), ctx([week1])).ok).toBe(true)
    expect(applyWeekEdit(emptyWeek(W2), set(W2, 6, ''), ctx([week1]))).toMatchObject({ ok: false, message: expect.stringMatching(/up from 3 to 6/) })
  })

  it('names health indicators in order and keeps two', () => {
    const health = (slot: 0 | 1, name: string) => ({ type: 'setHealth', weekId: W1, slot, name, colour: 'red', note: '' }) as const
    expect(applyWeekEdit(emptyWeek(W1), { id: 'x', ...health(1, 'Second') }, ctx())).toMatchObject({ ok: false })
    const week = applyAll(emptyWeek(W1), [health(0, 'Morale'), health(1, 'Escalations'), health(0, 'Team morale')])
    expect(week.health.map((h) => h.name)).toEqual(['Team morale', 'Escalations'])
  })

  it('keeps plans within the next four weeks and asks who must help', () => {
    const plan = (planWeekId: string, needsFrom = 'Sales') =>
      ({ id: 'x', type: 'addPlan', weekId: W1, title: 'Pricing test', planWeekId, needsFrom, owner: 'Ana' }) as const
    expect(applyWeekEdit(emptyWeek(W1), plan('2027-01-18'), ctx()).ok).toBe(true)
    expect(applyWeekEdit(emptyWeek(W1), plan('2027-03-01'), ctx())).toMatchObject({ ok: false, message: expect.stringMatching(/next 4 weeks/) })
    expect(applyWeekEdit(emptyWeek(W1), plan('2027-01-18', ''), ctx())).toMatchObject({ ok: false, message: expect.stringMatching(/prepare or help/) })
  })

  it('marks outcomes with a why when not done, and counts one reaction per viewer and kind', () => {
    const week = applyAll(emptyWeek(W1), [add('a'), { type: 'postWin', weekId: W1, text: 'Shipped', by: '' }])
    const p = week.priorities[0]!.id
    const w = week.wins[0]!.id
    expect(applyWeekEdit(week, { id: 'x', type: 'markOutcome', weekId: W1, priorityId: p, isDone: false, why: '' }, ctx())).toMatchObject({
      ok: false,
      message: expect.stringMatching(/say why/),
    })
    const marked = applyAll(week, [{ type: 'markOutcome', weekId: W1, priorityId: p, isDone: false, why: 'Blocked by legal' }])
    expect(marked.outcomes).toEqual([{ priorityId: p, isDone: false, why: 'Blocked by legal' }])
    const react = (on: boolean, reactorKey: string | null) =>
      applyWeekEdit(marked, { id: 'x', type: 'react', weekId: W1, winId: w, reaction: 'party', on }, ctx([], { reactorKey }))
    const once = react(true, 'a')
    expect(once.ok && once.week.wins[0]!.reactions.party).toEqual(['a'])
    const twice = once.ok
      ? applyWeekEdit(once.week, { id: 'x', type: 'react', weekId: W1, winId: w, reaction: 'party', on: true }, ctx([], { reactorKey: 'a' }))
      : once
    expect(twice.ok && twice.week.wins[0]!.reactions.party).toEqual(['a'])
    expect(react(true, null)).toMatchObject({ ok: false, code: 'forbidden' })
  })
})

describe('previousFourSquare, teamWeeklyReport, teamTrends', () => {
  const week1 = applyAll(emptyWeek(W1), [
    { type: 'setConfidence', weekId: W1, keyResultId: 'kr1', confidence: 3, reason: 'Provider late' },
    add('Ship checklist'),
  ])
  const week3 = applyAll(emptyWeek('2027-01-18'), [{ type: 'setConfidence', weekId: '2027-01-18', keyResultId: 'kr2', confidence: 8, reason: '' }], [week1])

  it('takes each key result’s latest earlier check-in, across skipped weeks', () => {
    expect(previousFourSquare('Growth', [week3, week1], '2027-01-25')?.statuses).toEqual(
      expect.arrayContaining([
        { keyResultId: 'kr1', confidence: 3, reason: '' },
        { keyResultId: 'kr2', confidence: 8, reason: '' },
      ]),
    )
    expect(previousFourSquare('Growth', [week1], W1)).toBeNull()
  })

  it('carries not-done priorities to next week until next week has its own', () => {
    const view = { record: RECORD, timer: null, weeks: [week1] }
    const report = teamWeeklyReport(view, W1)
    expect(report.okrs[0]!.keyResults[0]).toMatchObject({ confidence: 3, colour: 'red', change: 'down', reason: 'Provider late' })
    expect(report.nextWeek.map((p) => p.title)).toEqual(['Ship checklist'])
    const week2 = applyAll(emptyWeek(W2), [{ ...add('Next thing'), weekId: W2 }], [week1])
    expect(teamWeeklyReport({ ...view, weeks: [week1, week2] }, W1).nextWeek.map((p) => p.title)).toEqual(['Next thing'])
  })

  it('gives every key result one point per quarter week, with gaps', () => {
    const trends = teamTrends({ record: RECORD, timer: null, weeks: [week1, week3] })
    const kr1 = trends[0]!.keyResults[0]!
    expect(kr1.points).toHaveLength(12)
    expect(kr1.points[0]).toEqual({ weekId: W1, confidence: 3, colour: 'red' })
    expect(kr1.points[1]!.confidence).toBeNull()
    expect(kr1.published).toBe(6)
  })
})
