import { describe, expect, it } from 'vitest'
import { checkKeyResult, checkKeyResultCount, type KeyResultDraft } from './checkKeyResult.ts'
import { confidenceBand } from './confidenceBand.ts'
import { quarterDeadline } from './quarterDeadline.ts'

const draft = (over: Partial<KeyResultDraft>): KeyResultDraft => ({ statement: '', metric: '', baseline: '', target: '', unit: '', ...over })
const codes = (over: Partial<KeyResultDraft>) => checkKeyResult(draft(over)).map((h) => h.code)

describe('checkKeyResult', () => {
  it('says nothing about an empty draft', () => {
    expect(codes({})).toEqual([])
  })
  it('asks for a number when there is none', () => {
    expect(codes({ statement: 'Customers love onboarding' })).toContain('no_target')
    expect(codes({ statement: 'Onboarding NPS from 20 to 45', baseline: '20', target: '45', unit: 'NPS' })).not.toContain('no_target')
    expect(codes({ statement: 'Onboarding NPS up', target: '45', baseline: '20', unit: 'NPS' })).not.toContain('no_target')
  })
  it('spots a task dressed as a key result, in English and Spanish', () => {
    expect(codes({ statement: 'Launch the new pricing page' })).toContain('task_not_outcome')
    expect(codes({ statement: 'Hold a meeting with top 10 customers' })).toContain('task_not_outcome')
    expect(codes({ statement: 'Implementar el nuevo CRM' })).toContain('task_not_outcome')
    expect(codes({ statement: 'Write a hiring plan' })).toContain('task_not_outcome')
    expect(codes({ statement: 'Trial-to-paid conversion from 4 % to 7 %' })).not.toContain('task_not_outcome')
    expect(codes({ statement: 'Weekly launches reach 25,000 downloads a day' })).not.toContain('task_not_outcome')
  })
  it('asks for the baseline and unit once a target is set', () => {
    expect(codes({ statement: 'Revenue per day', target: '50000' })).toEqual(expect.arrayContaining(['missing_baseline', 'missing_unit']))
    expect(codes({ statement: 'Revenue per day', target: '50000', baseline: '30000', unit: '$' })).not.toContain('missing_baseline')
    expect(codes({ statement: 'Uptime', target: '99.95%', baseline: '99.5%' })).not.toContain('missing_unit')
  })
  it('notices a target equal to the baseline, however it is written', () => {
    expect(codes({ statement: 'Churn', baseline: '5 %', target: '5%', unit: '%' })).toContain('target_equals_baseline')
    expect(codes({ statement: 'Churn', baseline: '1,000', target: '1000', unit: 'users' })).toContain('target_equals_baseline')
    expect(codes({ statement: 'Churn', baseline: '5', target: '3', unit: '%' })).not.toContain('target_equals_baseline')
  })
  it('flags performance-appraisal metrics', () => {
    expect(codes({ statement: 'Average performance rating of engineers reaches 4', target: '4' })).toContain('appraisal_metric')
    expect(codes({ statement: 'All staff above 3', metric: 'individual performance score' })).toContain('appraisal_metric')
    expect(codes({ statement: 'Customer satisfaction from 7.1 to 8.5', target: '8.5' })).not.toContain('appraisal_metric')
  })
})

describe('checkKeyResultCount', () => {
  it('wants three or four', () => {
    expect(checkKeyResultCount(2)?.code).toBe('too_few')
    expect(checkKeyResultCount(3)).toBeNull()
    expect(checkKeyResultCount(4)).toBeNull()
    expect(checkKeyResultCount(5)?.code).toBe('too_many')
  })
})

describe('confidenceBand', () => {
  it('is red at 3 or below, yellow from 4 to 6, green at 7 or above', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 10].map((n) => confidenceBand(n))).toEqual(['red', 'red', 'red', 'yellow', 'yellow', 'yellow', 'green', 'green', 'green'])
  })
  it('follows custom bands', () => {
    expect(confidenceBand(4, { redMax: 4, greenMin: 8 })).toBe('red')
    expect(confidenceBand(7, { redMax: 4, greenMin: 8 })).toBe('yellow')
  })
})

describe('quarterDeadline', () => {
  it('is the last day of the quarter', () => {
    expect(quarterDeadline('2027 Q1')).toBe('2027-03-31')
    expect(quarterDeadline('2028 Q1')).toBe('2028-03-31')
    expect(quarterDeadline('2027 Q2')).toBe('2027-06-30')
    expect(quarterDeadline('2027 Q4')).toBe('2027-12-31')
    expect(quarterDeadline('nonsense')).toBe('')
  })
})
