import { describe, expect, it } from 'vitest'
import { assemblePublishedSet, stageDurations } from './assemblePublishedSet.ts'

describe('assemblePublishedSet', () => {
  it('publishes only accepted key results, in order, under refined objective titles', () => {
    const kr = (id: string, order: number, isAccepted: boolean) => ({
      id,
      objectiveId: 'o1',
      statement: id,
      metric: '',
      baseline: '',
      target: '',
      unit: '',
      owner: '',
      confidence: 5,
      isAccepted,
      order,
      createdAt: 0,
      createdBy: 'p',
    })
    const set = assemblePublishedSet({
      meetingId: 'm',
      title: 'T',
      quarter: '2027 Q1',
      mission: 'We help.',
      objectives: [{ id: 'o1', title: 'Old title', cardIds: [], dots: 3 }],
      details: { o1: { title: 'New title', whyNow: 'because', team: 'Growth', deadline: '2027-03-31' } },
      keyResults: [kr('b', 2, true), kr('a', 1, true), kr('x', 0, false)],
      stageHistory: [],
      counts: { participants: 3, submissions: 5, merges: 1, ballots: 3 },
      now: 10,
    })
    expect(set.objectives[0]).toMatchObject({ title: 'New title', team: 'Growth' })
    expect(set.objectives[0]?.keyResults.map((k) => k.id)).toEqual(['a', 'b'])
  })
})

describe('stageDurations', () => {
  it('adds up time per stage, including a stage visited twice', () => {
    const d = stageDurations(
      [
        { stage: 'mission', startedAt: 0 },
        { stage: 'submit', startedAt: 100 },
        { stage: 'mission', startedAt: 300 },
        { stage: 'submit', startedAt: 350 },
      ],
      400,
    )
    expect(d).toEqual([
      { stage: 'mission', ms: 150 },
      { stage: 'submit', ms: 250 },
    ])
  })
})

describe('stageDurations at publication', () => {
  it('leaves out the Published stage itself', () => {
    const d = stageDurations(
      [
        { stage: 'review', startedAt: 0 },
        { stage: 'published', startedAt: 50 },
      ],
      50,
    )
    expect(d).toEqual([{ stage: 'review', ms: 50 }])
  })
})
