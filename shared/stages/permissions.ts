import { isWorkingStage, type Stage } from './stages.ts'

export type Role = 'facilitator' | 'participant'
/** Someone connected with the meeting link who has not joined yet (or a published-page viewer). */
export type Actor = { role: Role; participantId: string } | { role: 'anonymous' }

export type Action =
  | 'join'
  | 'rename'
  | 'findPeople'
  | 'changeStage'
  | 'markDone'
  | 'controlTimer'
  | 'editMeeting'
  | 'findSimilar'
  | 'suggestClusters'
  | 'resolveSuggestion'
  | 'readAudit'
  | 'vote'
  | 'runVote'
  | 'draftKeyResults'
  | 'decideKeyResults'
  | 'recordPersonalOkrs'
  | 'linkObjective'

export type Permission = { ok: true } | { ok: false; code: 'forbidden' | 'wrong_stage' | 'not_joined'; reason: string }

/** One row of the table: who may do it (checked first), then in which stages. */
interface Rule {
  /** 'anyone' includes people who have not joined; 'joined' is any role. */
  who: 'anyone' | 'joined' | readonly Role[]
  /** Refusal for the wrong role (and, with `anonymousIsForbidden`, for the not-joined). */
  roleReason?: string
  /** The not-joined are refused as 'forbidden' with `roleReason` instead of being asked to join. */
  anonymousIsForbidden?: boolean
  notJoinedReason?: string
  stages?: ((stage: Stage) => boolean) | readonly Stage[]
  stageReason?: string
  /** Stages where fewer roles may act than `who` says (checked after the stage itself is allowed). */
  narrowerInStage?: Partial<Record<Stage, readonly Role[]>>
  narrowerReason?: string
}

const FACILITATOR_ONLY = 'Only the facilitator can do that.'
const JOIN_FIRST = 'Join the meeting first.'

/** One place that says who may do what in which stage. Pure: the server and the UI both ask it. */
const RULES: Record<Action, Rule> = {
  join: { who: 'anyone', stages: (stage) => stage !== 'published', stageReason: 'This meeting is over; its OKRs are published.' },
  rename: { who: 'joined' },
  findPeople: { who: 'joined' },
  markDone: {
    who: ['participant'],
    roleReason: 'Only participants mark themselves done.',
    stages: isWorkingStage,
    stageReason: 'There is nothing to finish in this stage.',
  },
  changeStage: { who: ['facilitator'], roleReason: FACILITATOR_ONLY },
  controlTimer: { who: ['facilitator'], roleReason: FACILITATOR_ONLY },
  editMeeting: { who: ['facilitator'], roleReason: FACILITATOR_ONLY },
  findSimilar: { who: 'joined', notJoinedReason: JOIN_FIRST, stages: ['submit'], stageReason: 'Similar proposals are looked up during the Submit stage.' },
  suggestClusters: {
    who: ['facilitator'],
    anonymousIsForbidden: true,
    roleReason: 'Only the facilitator asks for suggestions.',
    stages: ['group'],
    stageReason: 'Suggestions are made during the Group stage.',
  },
  resolveSuggestion: {
    who: ['facilitator'],
    anonymousIsForbidden: true,
    roleReason: 'Only the facilitator reviews suggestions.',
    stages: ['group'],
    stageReason: 'Suggestions are reviewed during the Group stage.',
  },
  readAudit: { who: ['facilitator'], anonymousIsForbidden: true, roleReason: 'Only the facilitator reads the audit trail.' },
  vote: {
    who: ['participant'],
    roleReason: 'Only participants vote.',
    notJoinedReason: 'Only participants vote.',
    stages: ['vote'],
    stageReason: 'Voting happens in the Vote stage.',
  },
  runVote: {
    who: ['facilitator'],
    anonymousIsForbidden: true,
    roleReason: 'Only the facilitator runs the vote.',
    stages: ['vote'],
    stageReason: 'The vote runs during the Vote stage.',
  },
  draftKeyResults: { who: 'joined', notJoinedReason: JOIN_FIRST, stages: ['keyResults'], stageReason: 'Key results are drafted during the Key results stage.' },
  /** Accepting and merging (the stage is checked with draftKeyResults first). */
  decideKeyResults: { who: ['facilitator'], roleReason: 'Only the facilitator accepts and merges key results.' },
  recordPersonalOkrs: {
    who: ['facilitator'],
    notJoinedReason: JOIN_FIRST,
    roleReason: 'Only the department’s facilitator records personal OKRs.',
    stages: ['published'],
    stageReason: 'Personal OKRs are agreed after the department’s set is published.',
  },
  linkObjective: {
    who: 'joined',
    notJoinedReason: JOIN_FIRST,
    stages: ['keyResults', 'review'],
    stageReason: 'Objectives are linked to the company set during Key results (or by the facilitator during Review).',
    narrowerInStage: { review: ['facilitator'] },
    narrowerReason: 'During Review only the facilitator changes what an objective supports.',
  },
}

const ALLOWED: Permission = { ok: true }

export function checkPermission(actor: Actor, action: Action, stage: Stage): Permission {
  const rule = RULES[action]
  if (rule.who !== 'anyone') {
    if (actor.role === 'anonymous') {
      if (rule.anonymousIsForbidden) return { ok: false, code: 'forbidden', reason: rule.roleReason ?? FACILITATOR_ONLY }
      return { ok: false, code: 'not_joined', reason: rule.notJoinedReason ?? 'Join the meeting with a display name first.' }
    }
    if (rule.who !== 'joined' && !rule.who.includes(actor.role)) return { ok: false, code: 'forbidden', reason: rule.roleReason ?? FACILITATOR_ONLY }
  }
  if (rule.stages) {
    const isAllowedStage = typeof rule.stages === 'function' ? rule.stages(stage) : rule.stages.includes(stage)
    if (!isAllowedStage) return { ok: false, code: 'wrong_stage', reason: rule.stageReason ?? 'Not in this stage.' }
  }
  const narrower = rule.narrowerInStage?.[stage]
  if (narrower && (actor.role === 'anonymous' || !narrower.includes(actor.role))) {
    return { ok: false, code: 'forbidden', reason: rule.narrowerReason ?? FACILITATOR_ONLY }
  }
  return ALLOWED
}

/**
 * Changing or removing something someone made (a key result, say): its author or the facilitator. `authorId` is the
 * participant who made it.
 */
export function checkAuthorOrFacilitator(actor: Actor, authorId: string, reason: string): Permission {
  if (actor.role === 'anonymous') return { ok: false, code: 'not_joined', reason: JOIN_FIRST }
  if (actor.role === 'facilitator' || actor.participantId === authorId) return ALLOWED
  return { ok: false, code: 'forbidden', reason }
}
