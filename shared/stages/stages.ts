/** The meeting's stages, in the order DOMAIN.md runs them. */
export const STAGES = ['mission', 'submit', 'group', 'vote', 'keyResults', 'review', 'published'] as const
export type Stage = (typeof STAGES)[number]

export const STAGE_LABELS: Record<Stage, string> = {
  mission: 'Mission',
  submit: 'Submit',
  group: 'Group',
  vote: 'Vote',
  keyResults: 'Key results',
  review: 'Review',
  published: 'Published',
}

/** What each stage asks of the room, shown under the stage name. */
export const STAGE_PURPOSES: Record<Stage, string> = {
  mission: 'Read the mission together while everyone joins.',
  submit: 'Propose the objectives you think the company should pursue this quarter.',
  group: 'Merge duplicates and cluster similar proposals into clear candidates.',
  vote: 'Spend your dots on the candidates that matter most.',
  keyResults: 'Draft 3–4 measurable key results for each chosen objective.',
  review: 'Check the whole set once more before it goes out.',
  published: 'The quarter’s OKRs are published.',
}

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value)
}

export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage)
}

export function nextStage(stage: Stage): Stage | null {
  return STAGES[stageIndex(stage) + 1] ?? null
}

export function previousStage(stage: Stage): Stage | null {
  const i = stageIndex(stage)
  return i > 0 ? (STAGES[i - 1] ?? null) : null
}

/** Stages in which participants do their own work and can say "I'm done". */
export function isWorkingStage(stage: Stage): boolean {
  return stage === 'submit' || stage === 'group' || stage === 'vote' || stage === 'keyResults'
}
