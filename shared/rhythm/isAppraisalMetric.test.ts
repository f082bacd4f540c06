import { describe, expect, it } from 'vitest'
import { isAppraisalMetric } from './isAppraisalMetric.ts'

describe('isAppraisalMetric', () => {
  it('agrees with checkKeyResult on performance-appraisal metrics, in the statement or the metric', () => {
    expect(isAppraisalMetric('Average performance rating of engineers reaches 4')).toBe(true)
    expect(isAppraisalMetric('All staff above 3', 'individual performance score')).toBe(true)
    expect(isAppraisalMetric('Evaluación de desempeño de todo el equipo')).toBe(true)
  })
  it('leaves company outcomes alone', () => {
    expect(isAppraisalMetric('Customer satisfaction from 7.1 to 8.5')).toBe(false)
    expect(isAppraisalMetric('Launch the new pricing page')).toBe(false)
    expect(isAppraisalMetric('')).toBe(false)
  })
})
