import { describe, expect, it } from 'vitest'
import type { PublishedSet } from '../exports/publishedSet.ts'
import { departmentSet, deptObjective, COMPANY } from './cascadeFixtures.ts'
import { checkAlignment } from './checkAlignment.ts'

describe('checkAlignment', () => {
  it('accepts objectives linked to a company objective or to one of its key results', () => {
    expect(checkAlignment(COMPANY, departmentSet())).toEqual([])
  })
  it('flags an objective that links to nothing', () => {
    expect(checkAlignment(COMPANY, departmentSet({ objectives: [deptObjective('d1', { title: 'Hire two AEs', supports: null })] }))).toEqual([
      { code: 'not_linked', message: '“Hire two AEs” does not say which company objective it supports.', subjectId: 'd1' },
    ])
  })
  it('flags a link to a company objective or key result that does not exist', () => {
    const set = departmentSet({
      objectives: [deptObjective('d1', { supports: { kind: 'objective', id: 'c9' } }), deptObjective('d2', { supports: { kind: 'keyResult', id: 'gone' } })],
    })
    expect(checkAlignment(COMPANY, set).map((p) => [p.code, p.subjectId])).toEqual([
      ['unknown_objective', 'd1'],
      ['unknown_key_result', 'd2'],
    ])
  })
  it('does not accept a key result id named as an objective, or the other way round', () => {
    const set = departmentSet({
      objectives: [deptObjective('d1', { supports: { kind: 'objective', id: 'c1-kr1' } }), deptObjective('d2', { supports: { kind: 'keyResult', id: 'c1' } })],
    })
    expect(checkAlignment(COMPANY, set).map((p) => p.code)).toEqual(['unknown_objective', 'unknown_key_result'])
  })
  it('flags a set for another quarter and an empty set', () => {
    expect(checkAlignment(COMPANY, departmentSet({ quarter: '2027 Q2' }))).toEqual([
      { code: 'quarter_mismatch', message: "Sales's set is for 2027 Q2, the company's for 2027 Q1.", subjectId: null },
    ])
    expect(checkAlignment(COMPANY, departmentSet({ objectives: [] })).map((p) => p.code)).toEqual(['empty_set'])
  })
  it('takes a published set as the company set', () => {
    const kr = {
      id: 'c1-kr1',
      objectiveId: 'c1',
      statement: 'NPS from 20 to 45',
      metric: 'NPS',
      baseline: '20',
      target: '45',
      unit: 'NPS',
      owner: 'Ana',
      confidence: 5,
      isAccepted: true,
      order: 0,
      createdAt: 0,
      createdBy: 'p',
    }
    const published: PublishedSet = {
      meetingId: 'm',
      title: 'Acme OKRs',
      quarter: '2027 Q1',
      mission: 'We help.',
      publishedAt: 0,
      objectives: [{ id: 'c1', title: 'Customers love onboarding', whyNow: '', team: 'Leadership', deadline: '2027-03-31', keyResults: [kr] }],
      summary: { participants: 1, submissions: 1, merges: 0, ballots: 1, stageDurations: [] },
    }
    const set = departmentSet({
      objectives: [deptObjective('d1', { supports: { kind: 'keyResult', id: 'c1-kr1' } }), deptObjective('d2', { supports: { kind: 'objective', id: 'c2' } })],
    })
    expect(checkAlignment(published, set).map((p) => [p.code, p.subjectId])).toEqual([['unknown_objective', 'd2']])
  })
})
