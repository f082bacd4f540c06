import type { KeyResult } from '../keyResults/keyResultTypes.ts'

/** What an OKR supports one level up: an objective, or one of its key results. */
export type UpwardLink = { kind: 'objective'; id: string } | { kind: 'keyResult'; id: string }

export type CascadeKeyResult = Pick<KeyResult, 'id' | 'statement' | 'owner' | 'confidence'>

/** An objective as the cascade sees it (a PublishedObjective fits). */
export interface CascadeObjective {
  id: string
  title: string
  keyResults: readonly CascadeKeyResult[]
}

/** The company's published OKRs (a PublishedSet fits). */
export interface CompanySet {
  quarter: string
  objectives: readonly CascadeObjective[]
}

export interface DepartmentObjective extends CascadeObjective {
  /** The company objective or key result it supports; null until someone links it. */
  supports: UpwardLink | null
}

/**
 * Where a department's set stands with the CEO: drafted, submitted for confirmation, confirmed, or sent back with a
 * comment (then edited and submitted again). `at` is epoch milliseconds, passed in by the edge.
 */
export type Confirmation =
  | { status: 'draft' }
  | { status: 'submitted'; by: string; at: number }
  | { status: 'confirmed'; by: string; at: number }
  | { status: 'sent_back'; by: string; at: number; comment: string }

export type ConfirmationStatus = Confirmation['status']

export interface DepartmentSet {
  id: string
  department: string
  quarter: string
  objectives: readonly DepartmentObjective[]
  confirmation: Confirmation
}

/** Optional personal OKRs, agreed one-on-one, each linked to the department (or company) OKR it supports. */
export interface PersonalObjective extends CascadeObjective {
  person: string
  supports: UpwardLink | null
}
