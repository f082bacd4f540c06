import { checkKeyResult } from '../keyResults/checkKeyResult.ts'

/**
 * Whether a statement (and metric) reads like a performance-appraisal metric. A thin wrapper: checkKeyResult owns the
 * detector, so both places agree on what counts.
 */
export function isAppraisalMetric(statement: string, metric = ''): boolean {
  return checkKeyResult({ statement, metric, baseline: '', target: '', unit: '' }).some((h) => h.code === 'appraisal_metric')
}
