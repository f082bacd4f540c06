import type * as Y from 'yjs'
import type { PublishedSet } from '../exports/publishedSet.ts'
import type { Confirmation, DepartmentSet, PersonalObjective, UpwardLink } from './cascadeTypes.ts'

/**
 * The cascade's share of a meeting doc (written only by the server, like the rest of it), kept in its own root maps
 * so the meeting's own shape is untouched.
 *
 * A department meeting: CASCADE_MAP holds `link` (the company set it aligns to, copied when the meeting was created),
 * `supports` (objectiveId → the company OKR it supports), `confirmation` (where its set stands with the CEO) and
 * `personal` (personal OKRs agreed one-on-one after publishing).
 *
 * A company meeting: DEPARTMENTS_MAP holds, per department meeting id, the department's submitted set with its
 * confirmation and personal OKRs: what the CEO confirms live and what the alignment view is built from.
 */
export const CASCADE_MAP = 'cascade'
export const DEPARTMENTS_MAP = 'cascadeDepartments'

export interface CascadeLink {
  companyMeetingId: string
  department: string
  /** The company's published set as it was when the department meeting was created. */
  company: PublishedSet
}

/** A department's set as the company meeting holds it. `id` is the department meeting's id. */
export interface DepartmentEntry extends DepartmentSet {
  /** The department's set as published (whys, teams, deadlines, full key results). */
  published: PublishedSet
  publishedAt: number
  /** Dots each department objective got in its vote: equal dots mean no priority between them. */
  dots: Record<string, number>
  personal: PersonalObjective[]
}

export interface CascadeView {
  /** Set in a department meeting; null in a company (or stand-alone) meeting. */
  link: CascadeLink | null
  supports: Record<string, UpwardLink>
  confirmation: Confirmation
  personal: PersonalObjective[]
  /** In a company meeting: the department sets submitted to it, oldest first. */
  departments: DepartmentEntry[]
}

export function cascadeMaps(doc: Y.Doc) {
  return {
    cascade: doc.getMap<unknown>(CASCADE_MAP),
    departments: doc.getMap<DepartmentEntry>(DEPARTMENTS_MAP),
  }
}

export function readCascadeView(doc: Y.Doc): CascadeView {
  const { cascade, departments } = cascadeMaps(doc)
  return {
    link: (cascade.get('link') as CascadeLink | undefined) ?? null,
    supports: (cascade.get('supports') as Record<string, UpwardLink> | undefined) ?? {},
    confirmation: (cascade.get('confirmation') as Confirmation | undefined) ?? { status: 'draft' },
    personal: (cascade.get('personal') as PersonalObjective[] | undefined) ?? [],
    departments: [...departments.values()].sort((a, b) => a.publishedAt - b.publishedAt || a.id.localeCompare(b.id)),
  }
}
