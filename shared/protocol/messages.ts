import { MAX_SUGGESTION_THRESHOLD, MIN_SUGGESTION_THRESHOLD, type SuggestClustersResult } from '../board/suggestionResult.ts'
import { z } from 'zod'
import { STAGES } from '../stages/stages.ts'
import { QUARTER_PATTERN } from '../meeting/quarter.ts'
import { MISSION_LANGUAGES } from '../meeting/mission.ts'
import { MAX_TIMER_SECONDS, MIN_TIMER_SECONDS } from '../presence/timer.ts'
import { MAX_OBJECTIVE_TITLE_LENGTH, MAX_OBJECTIVE_WHY_LENGTH } from '../submissions/submissionTypes.ts'
import { MAX_CLUSTER_NAME_LENGTH } from '../board/boardTypes.ts'
import { MAX_KR_FIELD_LENGTH, MAX_STATEMENT_LENGTH } from '../keyResults/keyResultTypes.ts'
import type { OwnSubmission, PublicSubmission, SimilarSubmission } from '../submissions/submissionTypes.ts'
import type { AuditEntry } from '../board/auditTypes.ts'
import type { PersonMatch, RosterEntry } from '../presence/presenceTypes.ts'
import { commandId, optionalLine, paragraph, recordId, secretToken, singleLine } from './textFields.ts'
import { isImpersonatingName } from '../text/isImpersonatingName.ts'
import { MAX_MISSION_PART_LENGTH, MAX_NAME_LENGTH, MAX_PEOPLE_LISTED, MAX_TITLE_LENGTH } from './limits.ts'

/** A department's name ("Sales", "Customer success"). */
export const MAX_DEPARTMENT_NAME_LENGTH = 60
/** What the CEO writes when sending a department's set back. */
export const MAX_CASCADE_COMMENT_LENGTH = 1000

/** A person's name: also never one that passes for the facilitator or the product in the people list. */
export const DisplayName = singleLine(MAX_NAME_LENGTH, 'Name').refine(
  (s) => !isImpersonatingName(s),
  'That name is kept for the meeting’s staff (like “Facilitator”); please use your own name.',
)
export const StageSchema = z.enum(STAGES)

export const MissionSchema = z.object({
  value: singleLine(MAX_MISSION_PART_LENGTH, 'Value proposition'),
  field: singleLine(MAX_MISSION_PART_LENGTH, 'Field'),
  impact: optionalLine(MAX_MISSION_PART_LENGTH, 'Impact'),
  /** The language of the three parts; the frame ("We … in …") follows it. Absent means English. */
  language: z.enum(MISSION_LANGUAGES).optional(),
})

/** Body of POST /api/meetings. */
export const CreateMeetingRequest = z.strictObject({
  title: singleLine(MAX_TITLE_LENGTH, 'Title'),
  quarter: z.string().trim().regex(QUARTER_PATTERN, 'Quarter looks like "2027 Q1".'),
  mission: MissionSchema,
  objectiveCount: z.union([z.literal(1), z.literal(3)]).default(3),
  /** A follow-up meeting shows this earlier meeting's published OKRs (with their last confidence) in its Mission stage. */
  previousMeetingId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{10,64}$/, 'Malformed meeting id.')
    .optional(),
  /** A department meeting aligns its objectives to this published company set; the company's facilitator confirms it. */
  cascade: z
    .strictObject({
      companyMeetingId: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, 'Paste the company’s published link (…/p/<id>).'),
      department: singleLine(MAX_DEPARTMENT_NAME_LENGTH, 'Department'),
    })
    .optional(),
})
export type CreateMeetingRequest = z.infer<typeof CreateMeetingRequest>

export interface CreateMeetingResponse {
  meetingId: string
  joinUrl: string
  facilitatorUrl: string
  facilitatorToken: string
}

const ObjectiveTitle = singleLine(MAX_OBJECTIVE_TITLE_LENGTH, 'Objective')
const ObjectiveWhy = paragraph(MAX_OBJECTIVE_WHY_LENGTH, '“Why it matters now”')
const ClusterName = singleLine(MAX_CLUSTER_NAME_LENGTH, 'Cluster name')

const UpwardLinkSchema = z.strictObject({ kind: z.enum(['objective', 'keyResult']), id: recordId })
const PersonName = singleLine(MAX_KR_FIELD_LENGTH, 'Person')

const token = secretToken

/** Every command a client may send. `id` makes a command idempotent: a resent id is answered, not re-applied. */
export const Command = z.discriminatedUnion('type', [
  z.strictObject({ id: commandId, type: z.literal('hello'), token }),
  // A join's id is its replay key before any token exists, so it must be as unguessable as a token.
  z.strictObject({ id: commandId.min(22, 'A join command id has at least 22 characters (128 random bits).'), type: z.literal('join'), name: DisplayName }),
  z.strictObject({ id: commandId, type: z.literal('rename'), name: DisplayName }),
  z.strictObject({
    id: commandId,
    type: z.literal('changeStage'),
    move: z.enum(['advance', 'back']),
    expected: StageSchema,
  }),
  z.strictObject({ id: commandId, type: z.literal('markDone'), stage: StageSchema, done: z.boolean() }),
  z.strictObject({
    id: commandId,
    type: z.literal('startTimer'),
    seconds: z.number().int().min(MIN_TIMER_SECONDS).max(MAX_TIMER_SECONDS),
  }),
  z.strictObject({ id: commandId, type: z.literal('stopTimer') }),
  z.strictObject({
    id: commandId,
    type: z.literal('updateSettings'),
    maxSubmissionsPerPerson: z.number().int().min(1).max(10).optional(),
    isOpenSubmissions: z.boolean().optional(),
    grouping: z.enum(['auto', 'everyone', 'helpers']).optional(),
    helperIds: z.array(recordId).max(100).optional(),
    authorship: z.enum(['anonymous', 'named']).optional(),
    isJoinLocked: z.boolean().optional(),
  }),
  // The facilitator removes people (a flood of made-up joiners, someone who should not be there): their link stops working.
  z.strictObject({ id: commandId, type: z.literal('removeParticipants'), participantIds: z.array(recordId).min(1).max(1000) }),
  z.strictObject({ id: commandId, type: z.literal('submitObjective'), title: ObjectiveTitle, why: ObjectiveWhy.default('') }),
  z.strictObject({ id: commandId, type: z.literal('editSubmission'), submissionId: recordId, title: ObjectiveTitle, why: ObjectiveWhy.default('') }),
  z.strictObject({ id: commandId, type: z.literal('withdrawSubmission'), submissionId: recordId }),
  z.strictObject({ id: commandId, type: z.literal('supportSubmission'), submissionId: recordId, support: z.boolean() }),
  z.strictObject({ id: commandId, type: z.literal('findSimilar'), text: z.string().max(MAX_OBJECTIVE_TITLE_LENGTH * 2) }),
  z.strictObject({ id: commandId, type: z.literal('hideSubmission'), submissionId: recordId }),
  z.strictObject({ id: commandId, type: z.literal('mergeCards'), sourceId: recordId, targetId: recordId, title: ObjectiveTitle }),
  z.strictObject({ id: commandId, type: z.literal('moveCard'), cardId: recordId, clusterId: recordId.nullable() }),
  z.strictObject({ id: commandId, type: z.literal('createCluster'), cardId: recordId, name: ClusterName.optional() }),
  z.strictObject({ id: commandId, type: z.literal('renameCluster'), clusterId: recordId, name: ClusterName }),
  z.strictObject({ id: commandId, type: z.literal('retitleCard'), cardId: recordId, title: ObjectiveTitle }),
  z.strictObject({ id: commandId, type: z.literal('undoMove') }),
  z.strictObject({ id: commandId, type: z.literal('hideCard'), cardId: recordId }),
  z.strictObject({
    id: commandId,
    type: z.literal('suggestClusters'),
    /** How alike cards must be to be suggested together (default DEFAULT_SIMILARITY_THRESHOLD); the facilitator may lower it. */
    threshold: z.number().min(MIN_SUGGESTION_THRESHOLD).max(MAX_SUGGESTION_THRESHOLD).optional(),
  }),
  z.strictObject({ id: commandId, type: z.literal('resolveSuggestion'), suggestionId: z.string().min(1).max(140), accept: z.boolean() }),
  z.strictObject({ id: commandId, type: z.literal('readAudit') }),
  z.strictObject({
    id: commandId,
    type: z.literal('findPeople'),
    query: z.string().max(MAX_NAME_LENGTH),
    limit: z.number().int().min(1).max(MAX_PEOPLE_LISTED).default(MAX_PEOPLE_LISTED),
  }),
  z.strictObject({
    id: commandId,
    type: z.literal('configureVote'),
    budget: z.number().int().min(1).max(20),
    perCandidateCap: z.number().int().min(1).max(20).nullable(),
    isOwnVoteForbidden: z.boolean(),
    isSpendAllReminded: z.boolean(),
    shortlistSize: z.number().int().min(2).max(100).nullable(),
  }),
  z.strictObject({ id: commandId, type: z.literal('openVoting') }),
  z.strictObject({
    id: commandId,
    type: z.literal('setDots'),
    round: z.number().int().min(1).max(100),
    candidateId: recordId,
    dots: z.number().int().min(0).max(20),
  }),
  z.strictObject({ id: commandId, type: z.literal('closeVoting') }),
  z.strictObject({ id: commandId, type: z.literal('reopenVoting') }),
  z.strictObject({ id: commandId, type: z.literal('revealVotes') }),
  z.strictObject({ id: commandId, type: z.literal('pickTied'), candidateIds: z.array(recordId).min(1).max(50) }),
  z.strictObject({ id: commandId, type: z.literal('startRunoff'), budget: z.number().int().min(1).max(20).default(1) }),
  z.strictObject({ id: commandId, type: z.literal('startFinalRound') }),
  z.strictObject({
    id: commandId,
    type: z.literal('updateObjective'),
    objectiveId: recordId,
    title: ObjectiveTitle,
    whyNow: paragraph(MAX_OBJECTIVE_WHY_LENGTH, '“Why now”'),
    team: optionalLine(MAX_KR_FIELD_LENGTH, 'Owning team'),
    deadline: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'Deadline looks like 2027-03-31.'),
  }),
  z.strictObject({ id: commandId, type: z.literal('proposeKeyResult'), objectiveId: recordId, statement: optionalLine(MAX_STATEMENT_LENGTH, 'Key result') }),
  z.strictObject({
    id: commandId,
    type: z.literal('updateKeyResult'),
    keyResultId: recordId,
    metric: optionalLine(MAX_KR_FIELD_LENGTH, 'Metric').optional(),
    baseline: optionalLine(MAX_KR_FIELD_LENGTH, 'Baseline').optional(),
    target: optionalLine(MAX_KR_FIELD_LENGTH, 'Target').optional(),
    unit: optionalLine(MAX_KR_FIELD_LENGTH, 'Unit').optional(),
    owner: optionalLine(MAX_KR_FIELD_LENGTH, 'Owner').optional(),
    confidence: z.number().int().min(1).max(10).optional(),
  }),
  z.strictObject({ id: commandId, type: z.literal('acceptKeyResult'), keyResultId: recordId, accepted: z.boolean() }),
  z.strictObject({ id: commandId, type: z.literal('mergeKeyResults'), sourceId: recordId, targetId: recordId }),
  z.strictObject({ id: commandId, type: z.literal('deleteKeyResult'), keyResultId: recordId }),
  z.strictObject({ id: commandId, type: z.literal('moveKeyResult'), keyResultId: recordId, direction: z.enum(['up', 'down']) }),
  // Cascade (see shared/cascade): a department meeting links each objective to the company OKR it supports…
  z.strictObject({ id: commandId, type: z.literal('linkObjective'), objectiveId: recordId, supports: UpwardLinkSchema.nullable() }),
  // …the company's facilitator (the CEO) confirms the department's set or sends it back with a comment…
  z.strictObject({ id: commandId, type: z.literal('confirmDepartmentSet'), departmentMeetingId: recordId }),
  z.strictObject({
    id: commandId,
    type: z.literal('sendBackDepartmentSet'),
    departmentMeetingId: recordId,
    comment: paragraph(MAX_CASCADE_COMMENT_LENGTH, 'Comment').pipe(z.string().min(1, 'Say what to change: the comment is required.')),
  }),
  // …the department reopens a sent-back set to Key results, and records personal OKRs agreed one-on-one.
  z.strictObject({ id: commandId, type: z.literal('reopenDepartmentSet') }),
  z.strictObject({
    id: commandId,
    type: z.literal('addPersonalObjective'),
    person: PersonName,
    title: ObjectiveTitle,
    supports: UpwardLinkSchema,
    keyResults: z
      .array(z.strictObject({ statement: singleLine(MAX_STATEMENT_LENGTH, 'Key result'), confidence: z.number().int().min(1).max(10) }))
      .min(1, 'Give at least one key result.')
      .max(4, 'At most 4 key results.'),
  }),
  z.strictObject({ id: commandId, type: z.literal('removePersonalObjective'), personalId: recordId }),
])
export type Command = z.infer<typeof Command>
export type CommandType = Command['type']
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>

export const ERROR_CODES = [
  'bad_message',
  'bad_command',
  'not_joined',
  'invalid_token',
  'forbidden',
  'wrong_stage',
  'stale_stage',
  'no_next_stage',
  'no_previous_stage',
  'published_is_final',
  'meeting_full',
  'rate_limited',
  'too_large',
  'not_found',
  'update_refused',
  'limit_reached',
  'conflict',
  /** The same command id was sent before with a different command: the second one is not applied. */
  'id_reused',
  /** The facilitator has locked the meeting: nobody new may join. */
  'meeting_locked',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface CommandError {
  code: ErrorCode
  message: string
}

export interface IdentityResult {
  participantId: string
  role: 'facilitator' | 'participant'
  name: string
  /** Server clock, so clients can show timers without trusting their own clock. */
  serverNow: number
}

export interface JoinResult extends IdentityResult {
  token: string
}

export type CommandResults = {
  hello: IdentityResult
  join: JoinResult
  rename: { name: string }
  changeStage: { stage: (typeof STAGES)[number] }
  markDone: { done: boolean }
  startTimer: { startedAt: number; durationMs: number }
  stopTimer: Record<string, never>
  updateSettings: Record<string, never>
  removeParticipants: { removed: number }
  submitObjective: { submissionId: string }
  editSubmission: { submissionId: string }
  withdrawSubmission: { submissionId: string }
  supportSubmission: { supporting: boolean }
  /** `hasHiddenMatch`: someone else's private proposal is a near-duplicate (its text stays private until Group). */
  findSimilar: { matches: SimilarSubmission[]; hasHiddenMatch: boolean }
  hideSubmission: { submissionId: string }
  mergeCards: { cardId: string }
  moveCard: { cardId: string }
  createCluster: { clusterId: string }
  renameCluster: { clusterId: string }
  retitleCard: { cardId: string }
  undoMove: { undone: string | null; reason: string | null }
  hideCard: { cardId: string }
  suggestClusters: SuggestClustersResult
  resolveSuggestion: { applied: boolean }
  readAudit: { entries: AuditEntry[] }
  findPeople: { total: number; people: PersonMatch[] }
  configureVote: Record<string, never>
  openVoting: Record<string, never>
  setDots: { round: number; ballot: Record<string, number> }
  closeVoting: Record<string, never>
  reopenVoting: Record<string, never>
  revealVotes: { decided: boolean }
  pickTied: Record<string, never>
  startRunoff: { round: number }
  startFinalRound: { round: number }
  updateObjective: Record<string, never>
  proposeKeyResult: { keyResultId: string }
  updateKeyResult: Record<string, never>
  acceptKeyResult: { accepted: boolean }
  mergeKeyResults: { keyResultId: string }
  deleteKeyResult: Record<string, never>
  moveKeyResult: Record<string, never>
  linkObjective: Record<string, never>
  confirmDepartmentSet: { status: 'confirmed' }
  sendBackDepartmentSet: { status: 'sent_back' }
  reopenDepartmentSet: { stage: 'keyResults' }
  addPersonalObjective: { personalId: string }
  removePersonalObjective: Record<string, never>
}

/** Data only one person (or only facilitators) may see, pushed after each change and on hello. */
export type FeedMessage =
  | { kind: 'feed'; feed: 'mine'; items: OwnSubmission[] }
  | { kind: 'feed'; feed: 'moderation'; items: PublicSubmission[] }
  /** Your own ballot for the current round: only you ever see it. */
  | { kind: 'feed'; feed: 'ballot'; round: number; ballot: Record<string, number> }
  /** Your own record (name, done mark, voted round), to each of your tabs. */
  | { kind: 'feed'; feed: 'self'; me: RosterEntry }
  /** Everyone in the meeting, to facilitators only, at most once a second. */
  | { kind: 'feed'; feed: 'roster'; items: RosterEntry[] }

/** Frames the server sends on the app channel. */
export type ServerMessage =
  | { kind: 'reply'; id: string; ok: true; result: unknown }
  | { kind: 'reply'; id: string | null; ok: false; error: CommandError }
  | { kind: 'notice'; error: CommandError }
  | { kind: 'heartbeat'; serverNow: number }
  | FeedMessage

export const ServerMessageSchema = z.union([
  z.object({ kind: z.literal('reply'), id: z.string(), ok: z.literal(true), result: z.unknown() }),
  z.object({
    kind: z.literal('reply'),
    id: z.string().nullable(),
    ok: z.literal(false),
    error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
  }),
  z.object({ kind: z.literal('notice'), error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }) }),
  z.object({ kind: z.literal('heartbeat'), serverNow: z.number() }),
  z.object({ kind: z.literal('feed'), feed: z.enum(['mine', 'moderation', 'roster']), items: z.array(z.any()) }),
  z.object({
    kind: z.literal('feed'),
    feed: z.literal('self'),
    me: z.object({
      id: z.string(),
      name: z.string(),
      role: z.enum(['facilitator', 'participant']),
      joinedAt: z.number(),
      isOnline: z.boolean(),
      doneStage: StageSchema.nullable(),
      votedRound: z.number(),
    }),
  }),
  z.object({ kind: z.literal('feed'), feed: z.literal('ballot'), round: z.number(), ballot: z.record(z.string(), z.number()) }),
])
