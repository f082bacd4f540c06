import { MAX_KRS_PER_OBJECTIVE, MIN_KRS_PER_OBJECTIVE } from './keyResultTypes.ts'

export type HintCode = 'no_target' | 'task_not_outcome' | 'missing_baseline' | 'missing_unit' | 'target_equals_baseline' | 'appraisal_metric'

export interface KeyResultHint {
  code: HintCode
  message: string
}

export interface KeyResultDraft {
  statement: string
  metric: string
  baseline: string
  target: string
  unit: string
}

const NUMBER = /\d/
/** Verbs that describe work to do rather than a result to reach (English and Spanish). */
const TASK_OPENERS =
  /^(launch|write|hold|organi[sz]e|implement|build|create|develop|deploy|ship|start|run|prepare|design|hire an? |set up|roll out|migrate|lanzar|escribir|organizar|implementar|construir|crear|desarrollar|preparar|diseñar|realizar|hacer)\b/i
const TASK_PHRASES = /\b(hold (a|an|the) meeting|have (a|an) meeting|write (a|an|the) (doc|document|plan|spec)|kick-?off|reunión)\b/i
/** Measures of individual people's performance: an OKR is not a performance review (DOMAIN.md pitfalls). */
const APPRAISAL =
  /\b(performance (review|rating|score|appraisal)s?|appraisals?|individual (performance|rating|targets?)|employee (rating|ranking|score)s?|stack rank\w*|evaluaci[oó]n de desempeño|calificaci[oó]n individual)\b/i

/**
 * Friendly, specific hints while someone drafts a key result. Never blocking: a draft may break every rule.
 * Empty fields are only hinted once there is a statement to hint about.
 */
export function checkKeyResult(kr: KeyResultDraft): KeyResultHint[] {
  const statement = kr.statement.trim()
  if (!statement) return []
  const hints: KeyResultHint[] = []
  const target = kr.target.trim()
  const baseline = kr.baseline.trim()
  if (!NUMBER.test(statement) && !NUMBER.test(target)) {
    hints.push({ code: 'no_target', message: 'Add a number to reach: how much, by when? (e.g. “from 40 % to 60 %”).' })
  }
  if (TASK_OPENERS.test(statement) || TASK_PHRASES.test(statement)) {
    hints.push({
      code: 'task_not_outcome',
      message: 'This reads like a task. A key result is the outcome the task should cause: what will be measurably different?',
    })
  }
  if (target && !baseline) hints.push({ code: 'missing_baseline', message: 'Where do we start? Add the baseline so progress can be seen.' })
  if (target && !kr.unit.trim() && !/%/.test(target))
    hints.push({ code: 'missing_unit', message: 'Add a unit (%, €, users, days…) so the target reads one way.' })
  if (target && baseline && normalizeNumber(target) === normalizeNumber(baseline)) {
    hints.push({ code: 'target_equals_baseline', message: 'The target equals the baseline: nothing would change. Aim higher (or lower).' })
  }
  if (APPRAISAL.test(`${statement} ${kr.metric}`)) {
    hints.push({
      code: 'appraisal_metric',
      message: 'This looks like a performance-appraisal metric. OKRs measure the company’s outcomes, not individuals’ ratings.',
    })
  }
  return hints
}

function normalizeNumber(text: string): string {
  const n = Number(text.replace(/[\s,%€$£]/g, ''))
  return Number.isFinite(n) ? String(n) : text.trim().toLowerCase()
}

export type CountHint = { code: 'too_few' | 'too_many'; message: string } | null

/** 3–4 key results per objective (DOMAIN.md). */
export function checkKeyResultCount(count: number): CountHint {
  if (count < MIN_KRS_PER_OBJECTIVE) {
    return { code: 'too_few', message: `${count} of at least ${MIN_KRS_PER_OBJECTIVE} key results: how else will we know it worked?` }
  }
  if (count > MAX_KRS_PER_OBJECTIVE) {
    return { code: 'too_many', message: `${count} key results: keep the ${MAX_KRS_PER_OBJECTIVE} that matter most.` }
  }
  return null
}
