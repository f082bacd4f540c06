import type { PublishedSet } from '../exports/publishedSet.ts'
import type { CompanySet, Confirmation, DepartmentSet, UpwardLink } from './cascadeTypes.ts'

/** A published set as the cascade reads the company's OKRs. */
export function companySetOf(set: PublishedSet): CompanySet {
  return { quarter: set.quarter, objectives: set.objectives }
}

/**
 * A department's objectives with the company OKR each supports: from the published set once published, or from the
 * objectives being drafted before (then `objectives` are the meeting's chosen objectives with their refined titles).
 */
export function departmentSetOf(input: {
  meetingId: string
  department: string
  quarter: string
  objectives: readonly { id: string; title: string; keyResults?: DepartmentSet['objectives'][number]['keyResults'] }[]
  supports: Readonly<Record<string, UpwardLink>>
  confirmation: Confirmation
}): DepartmentSet {
  return {
    id: input.meetingId,
    department: input.department,
    quarter: input.quarter,
    objectives: input.objectives.map((o) => ({
      id: o.id,
      title: o.title,
      keyResults: o.keyResults ?? [],
      supports: input.supports[o.id] ?? null,
    })),
    confirmation: input.confirmation,
  }
}
