import { describe, expect, it } from 'vitest'
import { checkFridayReview } from './checkFridayReview.ts'
import { fourSquare, review } from './testFixtures.ts'

const codes = (r: ReturnType<typeof review>) => checkFridayReview(r, fourSquare()).map((p) => p.code)

describe('checkFridayReview', () => {
  it('finds nothing to fix when every priority is marked and the not-done one says why', () => {
    expect(checkFridayReview(review(), fourSquare())).toEqual([])
  })
  it('flags a priority of the week that is not marked, naming it', () => {
    expect(checkFridayReview(review({ outcomes: [{ priorityId: 'p1', isDone: true, why: '' }] }), fourSquare())).toEqual([
      { code: 'unmarked_priority', message: '“Priority p2”: done or not done?', subjectId: 'p2' },
    ])
  })
  it('needs a why for not done, not for done', () => {
    const outcomes = [
      { priorityId: 'p1', isDone: true, why: '' },
      { priorityId: 'p2', isDone: false, why: ' ' },
    ]
    expect(checkFridayReview(review({ outcomes }), fourSquare())).toEqual([
      { code: 'missing_why', message: '“Priority p2” is not done: say why in a line.', subjectId: 'p2' },
    ])
  })
  it('keeps the why short', () => {
    const outcomes = [
      { priorityId: 'p1', isDone: true, why: 'a\nb' },
      { priorityId: 'p2', isDone: false, why: 'y'.repeat(200) },
    ]
    expect(codes(review({ outcomes }))).toEqual(['why_not_one_line', 'why_not_one_line'])
  })
  it('flags an outcome for a priority that was not on Monday’s list, and one marked twice', () => {
    const extra = review({ outcomes: [...review().outcomes, { priorityId: 'p9', isDone: true, why: '' }] })
    expect(codes(extra)).toEqual(['unknown_priority'])
    const twice = review({ outcomes: [...review().outcomes, { priorityId: 'p1', isDone: false, why: 'x' }] })
    expect(codes(twice)).toEqual(['duplicate_outcome'])
  })
  it('asks for a win to celebrate when there is none', () => {
    expect(codes(review({ wins: [] }))).toEqual(['no_wins'])
    expect(codes(review({ wins: [{ id: 'w', text: '  ', by: 'Ana' }] }))).toEqual(['no_wins'])
  })
  it('notices a review checked against another week or team', () => {
    expect(codes(review({ weekId: '2027-01-18' }))).toEqual(['wrong_week'])
    expect(codes(review({ team: 'Sales' }))).toEqual(['wrong_week'])
  })
  it('has nothing to mark when Monday had no priorities', () => {
    expect(checkFridayReview(review({ outcomes: [] }), fourSquare({ priorities: [] }))).toEqual([])
  })
})
