import type { PublishedSet } from '../exports/publishedSet.ts'
import type { PitfallWarning } from '../rhythm/pitfallWarnings.ts'
import type { ConfidenceCheckIn } from '../rhythm/rhythmTypes.ts'
import { alignmentTree, type AlignmentTree } from './alignmentTree.ts'
import type { DepartmentEntry } from './cascadeDoc.ts'
import type { ConfirmationStatus } from './cascadeTypes.ts'
import { companySetOf } from './departmentSetOf.ts'
import { setPitfalls } from './setPitfalls.ts'

export interface AlignmentDepartment {
  meetingId: string
  department: string
  status: ConfirmationStatus
  /** The CEO's comment when the set was sent back. */
  comment: string | null
  objectiveCount: number
  personalCount: number
}

export interface AlignmentWarnings {
  /** 'company' or a department meeting id. */
  scope: string
  /** "Company" or the department's name. */
  label: string
  warnings: PitfallWarning[]
}

/** What GET /api/meetings/<id>/alignment answers: the tree, who stands where with the CEO, and the pitfalls. */
export interface AlignmentReport {
  company: { meetingId: string; title: string; quarter: string; mission: string; publishedAt: number }
  tree: AlignmentTree
  departments: AlignmentDepartment[]
  warnings: AlignmentWarnings[]
}

/** The HTTP answer: the company's report, plus which department asked when asked through a department meeting. */
export interface AlignmentResponse extends AlignmentReport {
  department: { meetingId: string; department: string } | null
}

/**
 * The alignment view of a company set: company objectives → department objectives → personal ones, with colours
 * rolled up, each department's status, and the gentle pitfall warnings for every set in it.
 */
export function alignmentReport(input: {
  company: PublishedSet
  /** Dots each company objective got in its vote (equal dots: no priority). */
  companyDots: Readonly<Record<string, number>>
  departments: readonly DepartmentEntry[]
  now: number
  history?: readonly ConfidenceCheckIn[]
}): AlignmentReport {
  const { company, departments, now } = input
  const history = input.history ?? []
  const warnings: AlignmentWarnings[] = []
  const companyWarnings = setPitfalls({
    quarter: company.quarter,
    agreedAt: company.publishedAt,
    now,
    history,
    objectives: company.objectives.map((o) => ({ ...o, dots: input.companyDots[o.id] ?? null })),
  })
  if (companyWarnings.length) warnings.push({ scope: 'company', label: 'Company', warnings: companyWarnings })
  for (const d of departments) {
    const w = setPitfalls({
      quarter: d.published.quarter,
      agreedAt: d.publishedAt,
      now,
      history,
      objectives: d.published.objectives.map((o) => ({ ...o, dots: d.dots[o.id] ?? null })),
    })
    if (w.length) warnings.push({ scope: d.id, label: d.department, warnings: w })
  }
  return {
    company: { meetingId: company.meetingId, title: company.title, quarter: company.quarter, mission: company.mission, publishedAt: company.publishedAt },
    tree: alignmentTree(
      companySetOf(company),
      departments,
      departments.flatMap((d) => d.personal),
      history,
    ),
    departments: departments.map((d) => ({
      meetingId: d.id,
      department: d.department,
      status: d.confirmation.status,
      comment: d.confirmation.status === 'sent_back' ? d.confirmation.comment : null,
      objectiveCount: d.objectives.length,
      personalCount: d.personal.length,
    })),
    warnings,
  }
}
