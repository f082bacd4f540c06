import { describe, expect, it } from 'vitest'
import type { PublishedSet } from '../exports/publishedSet.ts'
import type { KeyResult } from '../keyResults/keyResultTypes.ts'
import { alignmentReport } from './alignmentReport.ts'
import type { DepartmentEntry } from './cascadeDoc.ts'

const kr = (id: string, confidence: number, statement = `Metric ${id} from 10 to 20`): KeyResult => ({
  id,
  objectiveId: '',
  statement,
  metric: '',
  baseline: '10',
  target: '20',
  unit: '',
  owner: 'Ana',
  confidence,
  isAccepted: true,
  order: 1,
  createdAt: 0,
  createdBy: '',
})
const set = (meetingId: string, objectives: { id: string; title: string; krs: KeyResult[] }[]): PublishedSet => ({
  meetingId,
  title: `${meetingId} OKRs`,
  quarter: '2027 Q1',
  mission: 'We help.',
  publishedAt: Date.parse('2026-12-10T10:00:00Z'),
  objectives: objectives.map((o) => ({ id: o.id, title: o.title, whyNow: '', team: '', deadline: '2027-03-31', keyResults: o.krs })),
  summary: { participants: 1, submissions: 1, merges: 0, ballots: 0, stageDurations: [] },
})

const company = set('company', [
  { id: 'c1', title: 'Customers love onboarding', krs: [kr('c1a', 8), kr('c1b', 7)] },
  { id: 'c2', title: 'Grow revenue in Spain', krs: [kr('c2a', 6)] },
])
const salesSet = set('sales', [{ id: 's1', title: 'Close deals faster', krs: [kr('s1a', 2)] }])
const sales: DepartmentEntry = {
  id: 'sales',
  department: 'Sales',
  quarter: '2027 Q1',
  published: salesSet,
  publishedAt: salesSet.publishedAt,
  objectives: [{ id: 's1', title: 'Close deals faster', keyResults: salesSet.objectives[0]!.keyResults, supports: { kind: 'keyResult', id: 'c2a' } }],
  confirmation: { status: 'sent_back', by: 'ceo', at: 1, comment: 'Support O1 instead.' },
  dots: { s1: 3 },
  personal: [
    {
      id: 'p1',
      person: 'Bo',
      title: 'Shorter demos',
      keyResults: [{ id: 'p1a', statement: 'Demo in 20 min', owner: 'Bo', confidence: 9 }],
      supports: { kind: 'objective', id: 's1' },
    },
  ],
}
const now = Date.parse('2026-12-11T10:00:00Z')

describe('alignmentReport', () => {
  it('hangs each department objective under the company OKR it supports, with personal ones beneath', () => {
    const report = alignmentReport({ company, companyDots: { c1: 5, c2: 2 }, departments: [sales], now })
    expect(report.tree.roots.map((r) => [r.id, r.colour, r.children.map((c) => c.id)])).toEqual([
      ['c1', 'green', []],
      ['c2', 'yellow', ['s1']],
    ])
    expect(report.tree.roots[1]!.children[0]).toMatchObject({ owner: 'Sales', confirmation: 'sent_back', colour: 'red', viaKeyResult: { id: 'c2a' } })
    expect(report.tree.roots[1]!.children[0]!.children.map((p) => [p.owner, p.colour])).toEqual([['Bo', 'green']])
    expect(report.departments).toEqual([
      { meetingId: 'sales', department: 'Sales', status: 'sent_back', comment: 'Support O1 instead.', objectiveCount: 1, personalCount: 1 },
    ])
    expect(report.company).toMatchObject({ meetingId: 'company', quarter: '2027 Q1' })
  })

  it('lists pitfall warnings per set, quiet when there are none', () => {
    expect(alignmentReport({ company, companyDots: { c1: 5, c2: 2 }, departments: [sales], now }).warnings).toEqual([])
    const tied = alignmentReport({ company, companyDots: { c1: 4, c2: 4 }, departments: [], now })
    expect(tied.warnings.map((w) => [w.scope, w.warnings.map((x) => x.code)])).toEqual([['company', ['objectives_not_ranked']]])
  })

  it('uses the weekly check-ins: the latest confidence colours the tree', () => {
    const history = [{ keyResultId: 's1a', weekId: '2027-01-11', confidence: 8 }]
    const report = alignmentReport({ company, companyDots: {}, departments: [sales], now, history })
    expect(report.tree.roots[1]!.children[0]!.colour).toBe('green')
  })
})
