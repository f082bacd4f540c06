export const MAX_STATEMENT_LENGTH = 300
export const MAX_KR_FIELD_LENGTH = 80
export const MIN_KRS_PER_OBJECTIVE = 3
export const MAX_KRS_PER_OBJECTIVE = 4
export const DEFAULT_CONFIDENCE = 5

/** A key result's fields other than its statement (the statement is co-edited text in the objective's doc). */
export interface KeyResultRecord {
  id: string
  objectiveId: string
  metric: string
  baseline: string
  target: string
  unit: string
  owner: string
  /** 1–10: the estimated chance of reaching it. Starts at 5 (DOMAIN.md). */
  confidence: number
  isAccepted: boolean
  /** Position among the objective's key results. */
  order: number
  createdAt: number
  createdBy: string
}

/** What the room refines about a chosen objective. */
export interface ObjectiveDetails {
  title: string
  whyNow: string
  team: string
  /** ISO date (yyyy-mm-dd). */
  deadline: string
}

/** A key result with its statement, as reviewed, published and exported. */
export interface KeyResult extends KeyResultRecord {
  statement: string
}
