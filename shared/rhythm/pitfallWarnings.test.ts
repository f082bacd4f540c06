import { describe, expect, it } from 'vitest'
import { pitfallWarnings, type PitfallInput, type PitfallObjective } from './pitfallWarnings.ts'

const kr = (id: string, over: Partial<PitfallObjective['keyResults'][number]> = {}) => ({
  id,
  statement: `Conversion ${id} from 4 % to 7 %`,
  metric: '',
  confidence: 5,
  ...over,
})

const objective = (id: string, over: Partial<PitfallObjective> = {}): PitfallObjective => ({
  id,
  title: `Objective ${id}`,
  rank: 1,
  deadline: '2027-03-31',
  keyResults: [kr(`${id}-kr`)],
  ...over,
})

/** A healthy quarter, three weeks in, every key result checked in this week. */
const input = (over: Partial<PitfallInput> = {}): PitfallInput => ({
  objectives: [objective('o1', { rank: 1 }), objective('o2', { rank: 2 })],
  cycleStart: '2027-01-01',
  history: [
    { keyResultId: 'o1-kr', weekId: '2027-01-18', confidence: 5 },
    { keyResultId: 'o2-kr', weekId: '2027-01-18', confidence: 6 },
  ],
  currentWeek: '2027-01-18',
  ...over,
})
const codes = (over: Partial<PitfallInput> = {}) => pitfallWarnings(input(over)).map((w) => w.code)

describe('pitfallWarnings', () => {
  it('stays quiet for a ranked, quarter-long, tracked set', () => {
    expect(pitfallWarnings(input())).toEqual([])
  })

  describe('objectives without priorities', () => {
    it('warns when several objectives are unranked or share a rank', () => {
      expect(
        pitfallWarnings(input({ objectives: [objective('o1', { rank: null }), objective('o2', { rank: null })], history: [], currentWeek: '2026-12-28' })),
      ).toEqual([
        {
          code: 'objectives_not_ranked',
          message: '2 objectives with no order between them: rank them, so everyone knows which one wins when time is short.',
          subjectId: null,
        },
      ])
      expect(codes({ objectives: [objective('o1', { rank: 1 }), objective('o2', { rank: 1 })] })).toEqual(['objectives_not_ranked'])
      expect(codes({ objectives: [objective('o1', { rank: 1 }), objective('o2', { rank: undefined })] })).toEqual(['objectives_not_ranked'])
    })
    it('does not ask to rank a single objective', () => {
      expect(codes({ objectives: [objective('o1', { rank: null })] })).toEqual([])
    })
  })

  describe('cycle shorter than a quarter', () => {
    it('warns about a month-long objective', () => {
      expect(pitfallWarnings(input({ objectives: [objective('o1', { deadline: '2027-01-31' })] }))).toEqual([
        {
          code: 'cycle_too_short',
          message: '“Objective o1” runs 31 days: an OKR needs about a quarter to move. Weekly and monthly goals belong in the priorities.',
          subjectId: 'o1',
        },
      ])
    })
    it('accepts twelve weeks or more, and ignores a missing deadline', () => {
      expect(codes({ objectives: [objective('o1', { deadline: '2027-03-25' })] })).toEqual([]) // 84 days
      expect(codes({ objectives: [objective('o1', { deadline: '2027-03-24' })] })).toEqual(['cycle_too_short']) // 83 days
      expect(codes({ objectives: [objective('o1', { deadline: '' })] })).toEqual([])
    })
  })

  describe('performance-appraisal metrics', () => {
    it('warns about a key result or objective that rates people', () => {
      const rated = objective('o1', { keyResults: [kr('o1-kr', { statement: 'Engineers above 3', metric: 'individual performance score' })] })
      expect(pitfallWarnings(input({ objectives: [rated] }))).toEqual([
        {
          code: 'appraisal_metric',
          message: "“Engineers above 3” reads like a performance-appraisal metric. OKRs measure the company's outcomes, not individuals' ratings.",
          subjectId: 'o1-kr',
        },
      ])
      expect(codes({ objectives: [objective('o1', { title: 'Improve performance reviews scores' })] })).toEqual(['appraisal_metric'])
    })
  })

  describe('confidence not tracked', () => {
    it('warns about a key result with no confidence at all', () => {
      const bare = objective('o1', { keyResults: [kr('o1-kr', { confidence: Number.NaN })] })
      expect(codes({ objectives: [bare], history: [] })).toEqual(['no_confidence'])
      expect(codes({ objectives: [objective('o1', { keyResults: [kr('o1-kr', { confidence: 0 })] })], history: [] })).toEqual(['no_confidence'])
    })
    it('warns when the last check-in is two or more weeks old, not when it is last week’s', () => {
      const history = [{ keyResultId: 'o1-kr', weekId: '2027-01-04', confidence: 6 }]
      const one = [objective('o1')]
      expect(pitfallWarnings(input({ objectives: one, history, currentWeek: '2027-01-18' }))).toEqual([
        {
          code: 'confidence_stale',
          message: '“Conversion o1-kr from 4 % to 7 %” has had no check-in for 2 weeks (last: week of 2027-01-04). Is it still 6/10?',
          subjectId: 'o1-kr',
        },
      ])
      expect(codes({ objectives: one, history, currentWeek: '2027-01-11' })).toEqual([])
      expect(codes({ objectives: one, history, currentWeek: '2027-01-25', staleAfterWeeks: 4 })).toEqual([])
    })
    it('warns when a key result was never checked in since the cycle began', () => {
      const one = [objective('o1')]
      expect(pitfallWarnings(input({ objectives: one, history: [], currentWeek: '2027-01-11' }))).toEqual([
        {
          code: 'confidence_never_updated',
          message: '“Conversion o1-kr from 4 % to 7 %” has not been checked in since it was set, 2 weeks ago. Track its confidence every week.',
          subjectId: 'o1-kr',
        },
      ])
      // The cycle began in the week of 2026-12-28: one week in is too early to nag.
      expect(codes({ objectives: one, history: [], currentWeek: '2027-01-04' })).toEqual([])
    })
    it('does not count a check-in from a later week than the one asked about', () => {
      const history = [{ keyResultId: 'o1-kr', weekId: '2027-02-01', confidence: 6 }]
      expect(codes({ objectives: [objective('o1')], history, currentWeek: '2027-01-18' })).toEqual(['confidence_never_updated'])
    })
  })
})
