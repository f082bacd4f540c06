import { describe, expect, it } from 'vitest'
import { checkFourSquare } from './checkFourSquare.ts'
import type { FourSquare } from './rhythmTypes.ts'
import { fourSquare, HEALTH, KEY_RESULTS, priority } from './testFixtures.ts'

const problems = (fs: FourSquare, previous: FourSquare | null = null) => checkFourSquare(fs, previous, KEY_RESULTS)
const codes = (fs: FourSquare, previous: FourSquare | null = null) => problems(fs, previous).map((p) => p.code)

describe('checkFourSquare', () => {
  it('finds nothing to fix in a complete four-square', () => {
    expect(problems(fourSquare())).toEqual([])
  })

  describe('priorities', () => {
    it('allows four priorities and flags a fifth', () => {
      const four = ['a', 'b', 'c', 'd'].map((id) => priority(id))
      expect(codes(fourSquare({ priorities: four }))).toEqual([])
      const five = problems(fourSquare({ priorities: [...four, priority('e')] }))
      expect(five).toEqual([{ code: 'too_many_priorities', message: '5 priorities: keep the 4 that matter most this week.', subjectId: null }])
    })
    it('flags a P3 and names it', () => {
      const found = problems(fourSquare({ priorities: [priority('p1', { title: 'Tidy the backlog', rank: 'P3' })] }))
      expect(found).toEqual([
        { code: 'p3_priority', message: '“Tidy the backlog” is P3: weekly priorities are P1 or P2. Raise it or leave it out.', subjectId: 'p1' },
      ])
      expect(codes(fourSquare({ priorities: [priority('p1', { rank: 'P2' })] }))).toEqual([])
    })
    it('asks for an owner and a title', () => {
      expect(problems(fourSquare({ priorities: [priority('p1', { owner: '  ' })] }))).toEqual([
        { code: 'missing_owner', message: '“Priority p1” has no owner: who will see it through?', subjectId: 'p1' },
      ])
      expect(codes(fourSquare({ priorities: [priority('p1', { title: '' })] }))).toEqual(['untitled'])
    })
    it('flags a link to a key result outside the set, but not an unlinked priority', () => {
      expect(codes(fourSquare({ priorities: [priority('p1', { keyResultId: 'kr-old' })] }))).toEqual(['unknown_key_result'])
      expect(codes(fourSquare({ priorities: [priority('p1', { keyResultId: null })] }))).toEqual([])
    })
  })

  describe('plans', () => {
    const plan = (weekId: string, needsFrom = 'Sales') => ({ id: 'pl', title: 'Launch event', weekId, needsFrom, owner: 'Ana' })
    it('takes plans one to four weeks ahead', () => {
      expect(codes(fourSquare({ plans: [plan('2027-01-18'), plan('2027-02-08')] }))).toEqual([])
    })
    it('flags a plan this week, in the past, beyond four weeks, or on a day that is not a week', () => {
      for (const weekId of ['2027-01-11', '2027-01-04', '2027-02-15', '2027-01-20']) {
        expect(codes(fourSquare({ plans: [plan(weekId)] }))).toEqual(['plan_out_of_range'])
      }
    })
    it('asks who must prepare or help', () => {
      expect(problems(fourSquare({ plans: [plan('2027-01-18', ' ')] }))).toEqual([
        { code: 'plan_without_helpers', message: '“Launch event”: who needs to prepare or help?', subjectId: 'pl' },
      ])
    })
  })

  describe('OKR status', () => {
    const statuses = (kr1: number, reason1 = '', kr2 = 5) => [
      { keyResultId: 'kr1', confidence: kr1, reason: reason1 },
      { keyResultId: 'kr2', confidence: kr2, reason: '' },
    ]
    it('needs a reason when the confidence moved since last week', () => {
      const last = fourSquare({ weekId: '2027-01-04', statuses: statuses(6) })
      const found = problems(fourSquare({ statuses: statuses(4) }), last)
      expect(found).toEqual([
        { code: 'missing_reason', message: '“Trial-to-paid conversion from 4 % to 7 %” went down from 6 to 4: say why in one line.', subjectId: 'kr1' },
      ])
      expect(codes(fourSquare({ statuses: statuses(4, 'Two big trials churned') }), last)).toEqual([])
      expect(codes(fourSquare({ statuses: statuses(6) }), last)).toEqual([])
    })
    it('in the first week, compares with the confidence the key result was published with', () => {
      expect(problems(fourSquare({ statuses: statuses(7) }), null)[0]).toMatchObject({
        code: 'missing_reason',
        message: expect.stringContaining('went up from 5 to 7'),
      })
      expect(codes(fourSquare({ statuses: statuses(5) }), null)).toEqual([])
    })
    it('wants the reason on one line', () => {
      const last = fourSquare({ weekId: '2027-01-04', statuses: statuses(6) })
      expect(codes(fourSquare({ statuses: statuses(4, 'Churn.\nAnd more churn.') }), last)).toEqual(['reason_not_one_line'])
      expect(codes(fourSquare({ statuses: statuses(4, 'x'.repeat(141)) }), last)).toEqual(['reason_not_one_line'])
      expect(codes(fourSquare({ statuses: statuses(4, 'x'.repeat(140)) }), last)).toEqual([])
    })
    it('flags a confidence outside 1–10 or not a whole number', () => {
      for (const c of [0, 11, 6.5]) {
        expect(problems(fourSquare({ statuses: statuses(c, 'moved') }))).toEqual([
          {
            code: 'confidence_out_of_range',
            message: `“Trial-to-paid conversion from 4 % to 7 %”: confidence is a whole number from 1 to 10 (got ${c}).`,
            subjectId: 'kr1',
          },
        ])
      }
    })
    it('flags a key result of the set with no status this week', () => {
      expect(problems(fourSquare({ statuses: [{ keyResultId: 'kr1', confidence: 5, reason: '' }] }))).toEqual([
        { code: 'missing_status', message: '“Onboarding NPS from 20 to 45” has no confidence this week.', subjectId: 'kr2' },
      ])
    })
    it('flags a status twice for one key result, and one for a key result outside the set', () => {
      expect(codes(fourSquare({ statuses: [...statuses(5), { keyResultId: 'kr2', confidence: 6, reason: 'x' }] }))).toEqual(['duplicate_status'])
      expect(codes(fourSquare({ statuses: [...statuses(5), { keyResultId: 'kr9', confidence: 6, reason: 'x' }] }))).toEqual(['unknown_key_result'])
    })
  })

  describe('health indicators', () => {
    it('wants exactly two', () => {
      expect(problems(fourSquare({ health: HEALTH.slice(0, 1) }))).toEqual([
        { code: 'health_indicator_count', message: 'Name exactly 2 health indicators (there is 1).', subjectId: null },
      ])
      expect(codes(fourSquare({ health: [...HEALTH, { id: 'h3', name: 'Budget', colour: 'red', note: '' }] }))).toEqual(['health_indicator_count'])
      expect(codes(fourSquare({ health: [] }))).toEqual(['health_indicator_count'])
    })
    it('wants each named', () => {
      const unnamed = [
        { id: 'h1', name: 'Team morale', colour: 'green', note: '' },
        { id: 'h2', name: ' ', colour: 'red', note: '' },
      ] as const
      expect(problems(fourSquare({ health: unnamed.map((h) => ({ ...h })) }))).toEqual([
        { code: 'unnamed_health_indicator', message: 'A health indicator has no name: what does its colour describe?', subjectId: 'h2' },
      ])
    })
  })

  it('flags a week that is not a Monday', () => {
    expect(codes(fourSquare({ weekId: '2027-01-12', plans: [] }))).toEqual(['not_a_week'])
  })

  it('reports several problems at once, quadrant by quadrant', () => {
    const messy = fourSquare({
      priorities: [priority('a', { rank: 'P3', owner: '' })],
      statuses: [{ keyResultId: 'kr1', confidence: 12, reason: '' }],
      health: [],
    })
    expect(codes(messy)).toEqual(['p3_priority', 'missing_owner', 'confidence_out_of_range', 'missing_status', 'health_indicator_count'])
  })
})
