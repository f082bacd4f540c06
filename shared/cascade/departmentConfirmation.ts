import type { CompanySet, DepartmentSet } from './cascadeTypes.ts'
import { checkAlignment } from './checkAlignment.ts'

/** Who acts on a department set. Only the CEO confirms or sends back (DOMAIN.md: the CEO confirms each set). */
export interface CascadeActor {
  id: string
  isCeo: boolean
}

export type ConfirmationResult =
  | { ok: true; set: DepartmentSet }
  | { ok: false; code: 'wrong_status' | 'forbidden' | 'not_aligned' | 'comment_required'; reason: string }

const STATUS_WORDS = { draft: 'still a draft', submitted: 'waiting for the CEO', confirmed: 'already confirmed', sent_back: 'sent back for changes' }

/**
 * draft ──submit──▶ submitted ──confirm──▶ confirmed
 *                     ▲    └──sendBack(comment)──▶ sent_back ──submit──┘
 * A set goes to the CEO only when every objective links to the company set; a confirmed set is final for the quarter.
 * A refused move returns a code and a sentence and changes nothing.
 */
export function submitDepartmentSet(set: DepartmentSet, company: CompanySet, by: CascadeActor, now: number): ConfirmationResult {
  const { status } = set.confirmation
  if (status !== 'draft' && status !== 'sent_back') {
    return { ok: false, code: 'wrong_status', reason: `${set.department}'s set is ${STATUS_WORDS[status]}.` }
  }
  const problems = checkAlignment(company, set)
  if (problems.length) {
    return { ok: false, code: 'not_aligned', reason: `Link every objective to the company set first. ${problems[0]?.message ?? ''}`.trim() }
  }
  return { ok: true, set: { ...set, confirmation: { status: 'submitted', by: by.id, at: now } } }
}

export function confirmDepartmentSet(set: DepartmentSet, by: CascadeActor, now: number): ConfirmationResult {
  if (!by.isCeo) return { ok: false, code: 'forbidden', reason: 'Only the CEO confirms a department set.' }
  const { status } = set.confirmation
  if (status !== 'submitted') return { ok: false, code: 'wrong_status', reason: `${set.department}'s set is ${STATUS_WORDS[status]}.` }
  return { ok: true, set: { ...set, confirmation: { status: 'confirmed', by: by.id, at: now } } }
}

/** The CEO sends a submitted set back; the comment says what to change, so it is required. */
export function sendBack(set: DepartmentSet, by: CascadeActor, comment: string, now: number): ConfirmationResult {
  if (!by.isCeo) return { ok: false, code: 'forbidden', reason: 'Only the CEO sends a department set back.' }
  const { status } = set.confirmation
  if (status !== 'submitted') return { ok: false, code: 'wrong_status', reason: `${set.department}'s set is ${STATUS_WORDS[status]}.` }
  const text = comment.trim()
  if (!text) return { ok: false, code: 'comment_required', reason: `Tell ${set.department} what to change before sending the set back.` }
  return { ok: true, set: { ...set, confirmation: { status: 'sent_back', by: by.id, at: now, comment: text } } }
}
