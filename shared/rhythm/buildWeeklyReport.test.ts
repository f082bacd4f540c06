import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { buildWeeklyReport, type WeeklyReportInput } from './buildWeeklyReport.ts'
import type { Priority } from './rhythmTypes.ts'
import { fourSquare, priority, review } from './testFixtures.ts'

const objectives = [
  {
    id: 'o1',
    title: 'Make trials convert',
    keyResults: [
      { id: 'kr1', statement: 'Trial-to-paid conversion from 4 % to 7 %', owner: 'Ana', confidence: 5 },
      { id: 'kr2', statement: 'Onboarding NPS from 20 to 45', owner: 'Ben', confidence: 5 },
    ],
  },
]

const input = (over: Partial<WeeklyReportInput> = {}): WeeklyReportInput => ({
  objectives,
  fourSquare: fourSquare({
    statuses: [
      { keyResultId: 'kr1', confidence: 7, reason: ' Pricing test works ' },
      { keyResultId: 'kr2', confidence: 3, reason: 'Survey tool broke' },
    ],
  }),
  previousWeek: fourSquare({ weekId: '2027-01-04', statuses: [{ keyResultId: 'kr1', confidence: 6, reason: '' }] }),
  review: review(),
  nextWeekCandidates: [priority('n1', { rank: 'P2', title: 'Call Acme' }), priority('n2', { title: 'Fix survey tool' })],
  risks: ['Legal review may slip', '  '],
  remarks: ' Good week. ',
  ...over,
})

describe('buildWeeklyReport', () => {
  it('shows each key result with this week’s confidence, colour, change and reason', () => {
    const report = buildWeeklyReport(input())
    expect(report).toMatchObject({ team: 'Growth', weekId: '2027-01-11', weekLabel: '2027-W02', remarks: 'Good week.' })
    expect(report.okrs).toEqual([
      {
        id: 'o1',
        title: 'Make trials convert',
        keyResults: [
          {
            id: 'kr1',
            statement: 'Trial-to-paid conversion from 4 % to 7 %',
            owner: 'Ana',
            confidence: 7,
            colour: 'green',
            change: 'up',
            reason: 'Pricing test works',
          },
          // Not in last week's four-square: compared with its published 5.
          { id: 'kr2', statement: 'Onboarding NPS from 20 to 45', owner: 'Ben', confidence: 3, colour: 'red', change: 'down', reason: 'Survey tool broke' },
        ],
      },
    ])
  })
  it('shows a key result with no status this week as no check-in', () => {
    const report = buildWeeklyReport(input({ fourSquare: fourSquare({ statuses: [{ keyResultId: 'kr1', confidence: 5, reason: '' }] }) }))
    expect(report.okrs[0]?.keyResults[1]).toMatchObject({ id: 'kr2', confidence: null, colour: null, change: null })
    expect(report.okrs[0]?.keyResults[0]).toMatchObject({ confidence: 5, change: 'down' })
  })
  it('lists the week’s priorities done, not done with why, or unmarked', () => {
    const report = buildWeeklyReport(input({ review: review({ outcomes: [{ priorityId: 'p2', isDone: false, why: 'Waiting on Legal' }] }) }))
    expect(report.priorities).toEqual([
      { priorityId: 'p1', title: 'Priority p1', owner: 'Ana', rank: 'P1', status: 'unmarked', why: '' },
      { priorityId: 'p2', title: 'Priority p2', owner: 'Ben', rank: 'P2', status: 'not_done', why: 'Waiting on Legal' },
    ])
    expect(buildWeeklyReport(input()).priorities.map((p) => p.status)).toEqual(['done', 'not_done'])
    expect(buildWeeklyReport(input({ review: null })).priorities.map((p) => p.status)).toEqual(['unmarked', 'unmarked'])
  })
  it('puts next week’s P1 before its P2', () => {
    expect(buildWeeklyReport(input()).nextWeek.map((p) => p.title)).toEqual(['Fix survey tool', 'Call Acme'])
  })
  it('lists the team’s risks, then red key results and red health indicators', () => {
    const health = [
      { id: 'h1', name: 'Team morale', colour: 'red' as const, note: 'Two people out sick' },
      { id: 'h2', name: 'Release pipeline', colour: 'green' as const, note: '' },
    ]
    const base = input()
    const report = buildWeeklyReport(input({ fourSquare: { ...base.fourSquare, health } }))
    expect(report.risks).toEqual([
      { text: 'Legal review may slip', source: 'team' },
      { text: 'Onboarding NPS from 20 to 45 is at 3/10', source: 'red_key_result' },
      { text: 'Team morale is red: Two people out sick', source: 'red_health' },
    ])
  })
  it('lists no risks when none are named and nothing is red', () => {
    const calm = fourSquare({
      statuses: [
        { keyResultId: 'kr1', confidence: 6, reason: 'x' },
        { keyResultId: 'kr2', confidence: 4, reason: 'y' },
      ],
    })
    expect(buildWeeklyReport(input({ risks: [], fourSquare: calm })).risks).toEqual([])
  })
  it('never lists more than three next-week priorities, P1s first', () => {
    const arb = fc.array(fc.constantFrom('P1', 'P2', 'P3'), { maxLength: 9 })
    fc.assert(
      fc.property(arb, (ranks) => {
        const candidates: Priority[] = ranks.map((rank, i) => priority(`n${i}`, { rank: rank as Priority['rank'] }))
        const next = buildWeeklyReport(input({ nextWeekCandidates: candidates })).nextWeek
        expect(next.length).toBeLessThanOrEqual(3)
        expect(next.length).toBe(Math.min(3, ranks.filter((r) => r !== 'P3').length))
        const firstP2 = next.findIndex((p) => p.rank === 'P2')
        if (firstP2 >= 0) expect(next.slice(firstP2).every((p) => p.rank === 'P2')).toBe(true)
      }),
    )
  })
})
