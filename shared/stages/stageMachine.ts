import { nextStage, previousStage, type Stage } from './stages.ts'

export type StageMove = 'advance' | 'back'

export type StageTransition =
  | { ok: true; from: Stage; to: Stage }
  | { ok: false; code: 'stale_stage' | 'no_next_stage' | 'no_previous_stage' | 'published_is_final'; reason: string }

/**
 * Decides a stage move. `expected` is the stage the facilitator saw when they clicked, so two facilitators
 * clicking "advance" at once move the meeting one step, not two.
 */
export function transitionStage(current: Stage, move: StageMove, expected: Stage): StageTransition {
  if (expected !== current) {
    return { ok: false, code: 'stale_stage', reason: `The meeting is already in another stage (${current}).` }
  }
  if (move === 'advance') {
    const to = nextStage(current)
    if (!to) return { ok: false, code: 'no_next_stage', reason: 'The meeting is already at its last stage.' }
    return { ok: true, from: current, to }
  }
  if (current === 'published') {
    return { ok: false, code: 'published_is_final', reason: 'Published OKRs cannot be unpublished from the meeting.' }
  }
  const to = previousStage(current)
  if (!to) return { ok: false, code: 'no_previous_stage', reason: 'The meeting is already at its first stage.' }
  return { ok: true, from: current, to }
}
