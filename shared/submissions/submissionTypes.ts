export const MAX_OBJECTIVE_TITLE_LENGTH = 140
export const MAX_OBJECTIVE_WHY_LENGTH = 500

export type SubmissionStatus = 'active' | 'withdrawn' | 'hidden'

/** A proposed objective as the server keeps it (server-only while submissions are private). */
export interface SubmissionRecord {
  id: string
  title: string
  why: string
  authorId: string
  supporterIds: string[]
  status: SubmissionStatus
  createdAt: number
  updatedAt: number
  /** The board card made from it when the Group stage opened. */
  cardId: string | null
}

/** What a participant sees of a proposal in their private "mine" feed. */
export interface OwnSubmission {
  id: string
  title: string
  why: string
  supporterCount: number
  relation: 'author' | 'supporter'
}

/** A proposal visible to everyone (open-submission mode), or to the facilitator for moderation. */
export interface PublicSubmission {
  id: string
  title: string
  why: string
  supporterCount: number
  createdAt: number
}

export interface SimilarSubmission {
  submissionId: string
  title: string
  score: number
  isMine: boolean
  isSupported: boolean
}
