import { describe, expect, it } from 'vitest'
import { quarterStart, ranksFromDots, setPitfalls } from './setPitfalls.ts'

const kr = (id: string, over: { statement?: string; metric?: string; confidence?: number } = {}) => ({
  id,
  statement: `Conversion ${id} from 4 % to 7 %`,
  metric: '',
  confidence: 5,
  ...over,
})
const objective = (id: string, dots: number | null, over: { deadline?: string; title?: string } = {}) => ({
  id,
  title: `Objective ${id}`,
  deadline: '',
  dots,
  keyResults: [kr(`${id}-kr`)],
  ...over,
})
const at = (iso: string) => Date.parse(`${iso}T12:00:00Z`)

describe('setPitfalls', () => {
  it('reads quarters and ranks by dots (ties share a rank)', () => {
    expect(quarterStart('2027 Q3')).toBe('2027-07-01')
    expect(quarterStart('Q3')).toBe('')
    expect(ranksFromDots([5, 9, 5, null])).toEqual([2, 1, 2, null])
  })

  it('stays quiet for a set agreed before its quarter, ranked by the vote', () => {
    expect(setPitfalls({ quarter: '2027 Q1', agreedAt: at('2026-12-15'), now: at('2026-12-16'), objectives: [objective('a', 9), objective('b', 4)] })).toEqual(
      [],
    )
  })

  it('warns when two objectives got the same dots: no priority between them', () => {
    const codes = setPitfalls({
      quarter: '2027 Q1',
      agreedAt: at('2026-12-15'),
      now: at('2026-12-16'),
      objectives: [objective('a', 4), objective('b', 4)],
    }).map((w) => w.code)
    expect(codes).toEqual(['objectives_not_ranked'])
  })

  it('warns when the set is agreed late in its quarter: the cycle is shorter than a quarter', () => {
    const warnings = setPitfalls({ quarter: '2027 Q1', agreedAt: at('2027-02-20'), now: at('2027-02-20'), objectives: [objective('a', 3)] })
    expect(warnings.map((w) => w.code)).toEqual(['cycle_too_short'])
    expect(warnings[0]!.message).toMatch(/runs 40 days/)
  })

  it('warns about an appraisal metric and about a key result never checked in weeks later', () => {
    const objectives = [{ ...objective('a', 3), keyResults: [kr('k1', { statement: 'Every engineer rated 4 or higher in the performance review' })] }]
    const codes = setPitfalls({ quarter: '2027 Q1', agreedAt: at('2026-12-15'), now: at('2027-02-10'), objectives }).map((w) => w.code)
    expect(codes).toEqual(['appraisal_metric', 'confidence_never_updated'])
  })
})
