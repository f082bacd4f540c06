import type { CascadeObjective, PersonalObjective, UpwardLink } from './cascadeTypes.ts'

/** A department's personal OKRs stay a short list: they are optional and agreed one-on-one. */
export const MAX_PERSONAL_OBJECTIVES = 200
export const MAX_PERSONAL_KEY_RESULTS = 4

export type PersonalResult = { ok: true; list: PersonalObjective[] } | { ok: false; code: 'not_found' | 'limit_reached' | 'bad_command'; reason: string }

function linksInto(objectives: readonly CascadeObjective[], link: UpwardLink): boolean {
  return objectives.some((o) => (link.kind === 'objective' ? o.id === link.id : o.keyResults.some((kr) => kr.id === link.id)))
}

/**
 * Adds a personal objective. It must say what it supports: one of the department's objectives or key results (or,
 * for someone reporting straight to the company level, a company one). Every OKR links upward.
 */
export function addPersonalObjective(
  list: readonly PersonalObjective[],
  objective: PersonalObjective,
  upward: { department: readonly CascadeObjective[]; company: readonly CascadeObjective[] },
): PersonalResult {
  if (list.length >= MAX_PERSONAL_OBJECTIVES) {
    return { ok: false, code: 'limit_reached', reason: `A department keeps at most ${MAX_PERSONAL_OBJECTIVES} personal OKRs here.` }
  }
  if (list.some((p) => p.id === objective.id)) return { ok: false, code: 'bad_command', reason: 'That personal OKR is already recorded.' }
  if (!objective.keyResults.length) return { ok: false, code: 'bad_command', reason: 'Give the personal objective at least one key result.' }
  if (objective.keyResults.length > MAX_PERSONAL_KEY_RESULTS) {
    return { ok: false, code: 'bad_command', reason: `A personal objective has at most ${MAX_PERSONAL_KEY_RESULTS} key results.` }
  }
  if (!objective.supports) return { ok: false, code: 'bad_command', reason: 'Say which department objective or key result it supports.' }
  if (!linksInto(upward.department, objective.supports) && !linksInto(upward.company, objective.supports)) {
    return { ok: false, code: 'not_found', reason: 'It supports an objective or key result that is not in the department’s published set.' }
  }
  return { ok: true, list: [...list, objective] }
}

export function removePersonalObjective(list: readonly PersonalObjective[], id: string): PersonalResult {
  if (!list.some((p) => p.id === id)) return { ok: false, code: 'not_found', reason: 'That personal OKR no longer exists.' }
  return { ok: true, list: list.filter((p) => p.id !== id) }
}
