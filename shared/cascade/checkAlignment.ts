import { quoted, type Problem } from '../rhythm/problem.ts'
import type { CompanySet, DepartmentSet } from './cascadeTypes.ts'

export type AlignmentProblemCode = 'quarter_mismatch' | 'empty_set' | 'not_linked' | 'unknown_objective' | 'unknown_key_result'

export type AlignmentProblem = Problem<AlignmentProblemCode>

/**
 * Every department objective links upward to an existing company objective or key result of the same quarter
 * (DOMAIN.md: every OKR links upward to the one it supports).
 */
export function checkAlignment(company: CompanySet, department: DepartmentSet): AlignmentProblem[] {
  const problems: AlignmentProblem[] = []
  const add = (code: AlignmentProblemCode, message: string, subjectId: string | null = null) => problems.push({ code, message, subjectId })
  if (department.quarter !== company.quarter) {
    add('quarter_mismatch', `${department.department}'s set is for ${department.quarter}, the company's for ${company.quarter}.`)
  }
  if (!department.objectives.length) add('empty_set', `${department.department}'s set has no objectives yet.`)

  const objectiveIds = new Set(company.objectives.map((o) => o.id))
  const keyResultIds = new Set(company.objectives.flatMap((o) => o.keyResults.map((kr) => kr.id)))
  for (const o of department.objectives) {
    const name = quoted(o.title, 'An objective')
    if (o.supports === null) add('not_linked', `${name} does not say which company objective it supports.`, o.id)
    else if (o.supports.kind === 'objective' && !objectiveIds.has(o.supports.id)) {
      add('unknown_objective', `${name} supports a company objective that is not in the ${company.quarter} set.`, o.id)
    } else if (o.supports.kind === 'keyResult' && !keyResultIds.has(o.supports.id)) {
      add('unknown_key_result', `${name} supports a company key result that is not in the ${company.quarter} set.`, o.id)
    }
  }
  return problems
}
