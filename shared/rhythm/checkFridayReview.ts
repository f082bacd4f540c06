import { isOneLine } from './isOneLine.ts'
import { quoted, type Problem } from './problem.ts'
import { MAX_REASON_CHARS, type FourSquare, type FridayReview } from './rhythmTypes.ts'

export type FridayReviewProblemCode =
  | 'wrong_week'
  | 'no_wins'
  | 'unmarked_priority'
  | 'missing_why'
  | 'why_not_one_line'
  | 'unknown_priority'
  | 'duplicate_outcome'

export type FridayReviewProblem = Problem<FridayReviewProblemCode>

/**
 * Everything worth fixing in a team's Friday post, checked against the same week's Monday four-square: every
 * priority of the week marked done or not done, a short why for each not done, and at least one win to celebrate.
 */
export function checkFridayReview(review: FridayReview, mondayFourSquare: FourSquare): FridayReviewProblem[] {
  const problems: FridayReviewProblem[] = []
  const add = (code: FridayReviewProblemCode, message: string, subjectId: string | null = null) => problems.push({ code, message, subjectId })

  if (review.weekId !== mondayFourSquare.weekId || review.team !== mondayFourSquare.team) {
    add(
      'wrong_week',
      `This review (${review.team}, week of ${review.weekId}) does not match Monday's commitments (${mondayFourSquare.team}, week of ${mondayFourSquare.weekId}).`,
    )
  }
  if (!review.wins.some((w) => w.text.trim())) {
    add('no_wins', 'No wins yet: what went well this week? Even a small step is worth celebrating.')
  }

  const priorities = new Map(mondayFourSquare.priorities.map((p) => [p.id, p]))
  const marked = new Set<string>()
  for (const o of review.outcomes) {
    const priority = priorities.get(o.priorityId)
    if (!priority) {
      add('unknown_priority', "An outcome is marked for a priority that was not on Monday's list.", o.priorityId)
      continue
    }
    const name = quoted(priority.title, 'A priority')
    if (marked.has(o.priorityId)) {
      add('duplicate_outcome', `${name} is marked twice: keep one.`, o.priorityId)
      continue
    }
    marked.add(o.priorityId)
    if (!o.isDone && !o.why.trim()) add('missing_why', `${name} is not done: say why in a line.`, o.priorityId)
    else if (o.why.trim() && !isOneLine(o.why)) {
      add('why_not_one_line', `${name}: keep the why short (one line, at most ${MAX_REASON_CHARS} characters).`, o.priorityId)
    }
  }
  for (const p of mondayFourSquare.priorities) {
    if (!marked.has(p.id)) add('unmarked_priority', `${quoted(p.title, 'A priority')}: done or not done?`, p.id)
  }
  return problems
}
