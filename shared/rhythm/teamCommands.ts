import { z } from 'zod'
import { commandId, optionalLine, paragraph, recordId, secretToken, singleLine } from '../protocol/textFields.ts'
import { REACTIONS } from './teamDoc.ts'

/** Limits of what people type in a team space. Reasons and whys are checked by isOneLine (≤ 140) for a kinder message. */
export const TEAM_LIMITS = {
  teamName: 60,
  title: 140,
  person: 60,
  needsFrom: 140,
  reasonInput: 500,
  note: 140,
  win: 280,
  risk: 200,
  risks: 10,
  remarks: 1000,
  wins: 50,
  plans: 12,
} as const

/** Required or optional single-line text, hardened as the meeting's is (normalised, no invisible-only text). */
const strictLine = (max: number, label: string, isRequired: boolean) => (isRequired ? singleLine(max, label) : optionalLine(max, label))

const weekId = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A week is named by its Monday, like 2027-01-04.')
const secret = secretToken

export const TeamName = strictLine(TEAM_LIMITS.teamName, 'Team name', true)

const priorityFields = {
  title: strictLine(TEAM_LIMITS.title, 'Priority', true),
  rank: z.enum(['P1', 'P2', 'P3']),
  owner: strictLine(TEAM_LIMITS.person, 'Owner', false),
  keyResultId: recordId.nullable(),
}
const planFields = {
  title: strictLine(TEAM_LIMITS.title, 'Plan', true),
  planWeekId: weekId,
  needsFrom: strictLine(TEAM_LIMITS.needsFrom, '“Needs from”', false),
  owner: strictLine(TEAM_LIMITS.person, 'Owner', false),
}

/** Commands on a team space's socket (`/ws/team/<teamId>`), app channel (type 100), like the meeting's. */
export const TeamCommand = z.discriminatedUnion('type', [
  /** `token`: the editor link's secret (edits); `viewer`: this browser's own random secret (reactions). */
  z.strictObject({ id: commandId, type: z.literal('hello'), token: secret.optional(), viewer: secret.optional() }),
  z.strictObject({ id: commandId, type: z.literal('addPriority'), weekId, ...priorityFields }),
  z.strictObject({ id: commandId, type: z.literal('updatePriority'), weekId, priorityId: recordId, ...priorityFields }),
  z.strictObject({ id: commandId, type: z.literal('removePriority'), weekId, priorityId: recordId }),
  z.strictObject({ id: commandId, type: z.literal('addPlan'), weekId, ...planFields }),
  z.strictObject({ id: commandId, type: z.literal('updatePlan'), weekId, planId: recordId, ...planFields }),
  z.strictObject({ id: commandId, type: z.literal('removePlan'), weekId, planId: recordId }),
  z.strictObject({
    id: commandId,
    type: z.literal('setConfidence'),
    weekId,
    keyResultId: recordId,
    confidence: z.number().int().min(1, 'Confidence is 1 to 10.').max(10, 'Confidence is 1 to 10.'),
    reason: paragraph(TEAM_LIMITS.reasonInput, 'Reason'),
  }),
  z.strictObject({
    id: commandId,
    type: z.literal('setHealth'),
    weekId,
    slot: z.union([z.literal(0), z.literal(1)]),
    name: strictLine(TEAM_LIMITS.person, 'Indicator name', true),
    colour: z.enum(['green', 'yellow', 'red']),
    note: strictLine(TEAM_LIMITS.note, 'Note', false),
  }),
  z.strictObject({ id: commandId, type: z.literal('startTimer'), totalMinutes: z.number().int().min(8).max(180) }),
  z.strictObject({ id: commandId, type: z.literal('stopTimer') }),
  z.strictObject({
    id: commandId,
    type: z.literal('postWin'),
    weekId,
    text: strictLine(TEAM_LIMITS.win, 'Win', true),
    by: strictLine(TEAM_LIMITS.person, 'By', false),
  }),
  z.strictObject({ id: commandId, type: z.literal('removeWin'), weekId, winId: recordId }),
  z.strictObject({ id: commandId, type: z.literal('react'), weekId, winId: recordId, reaction: z.enum(REACTIONS), on: z.boolean() }),
  z.strictObject({
    id: commandId,
    type: z.literal('markOutcome'),
    weekId,
    priorityId: recordId,
    /** null: take the mark off again. */
    isDone: z.boolean().nullable(),
    why: paragraph(TEAM_LIMITS.reasonInput, 'Why'),
  }),
  z.strictObject({
    id: commandId,
    type: z.literal('setReportNotes'),
    weekId,
    risks: z.array(strictLine(TEAM_LIMITS.risk, 'Risk', false)).max(TEAM_LIMITS.risks, `At most ${TEAM_LIMITS.risks} risks.`),
    remarks: paragraph(TEAM_LIMITS.remarks, 'Remarks'),
  }),
])
export type TeamCommand = z.infer<typeof TeamCommand>
export type TeamCommandType = TeamCommand['type']
export type TeamCommandOf<T extends TeamCommandType> = Extract<TeamCommand, { type: T }>

export type TeamRole = 'editor' | 'viewer'

export interface TeamHelloResult {
  role: TeamRole
  /** Whether reactions are possible (a viewer secret was given). */
  canReact: boolean
  serverNow: number
}

export type TeamCommandResults = {
  hello: TeamHelloResult
  addPriority: { priorityId: string }
  updatePriority: Record<string, never>
  removePriority: Record<string, never>
  addPlan: { planId: string }
  updatePlan: Record<string, never>
  removePlan: Record<string, never>
  setConfidence: Record<string, never>
  setHealth: Record<string, never>
  startTimer: { startedAt: number; totalMinutes: number }
  stopTimer: Record<string, never>
  postWin: { winId: string }
  removeWin: Record<string, never>
  react: { count: number }
  markOutcome: Record<string, never>
  setReportNotes: Record<string, never>
}

/** Body of POST /api/meetings/<id>/teams (the facilitator's token as `Authorization: Bearer …`). */
export const CreateTeamRequest = z.strictObject({
  name: TeamName,
  objectiveIds: z.array(recordId).min(1, 'Pick at least one objective the team works on.').max(10),
})
export type CreateTeamRequest = z.infer<typeof CreateTeamRequest>

export interface TeamSpaceSummary {
  teamId: string
  name: string
  objectiveIds: string[]
  /** The read-only link (/t/<teamId>). */
  url: string
}

export interface CreateTeamResponse extends TeamSpaceSummary {
  /** /t/<teamId>/edit#token=…: shown once (the server keeps only a hash). */
  editorUrl: string
  editorToken: string
}

export interface ListTeamsResponse {
  teams: TeamSpaceSummary[]
  /** True when the request carried this meeting's facilitator token. */
  canManage: boolean
}

/** GET /api/meetings/<id>/wins[?week=<monday>]: the company's wall of wins for one week. */
export interface WinsWallResponse {
  /** The week shown: the one asked for, else the latest with a win; null when no team posted any. */
  weekId: string | null
  teams: {
    teamId: string
    name: string
    /** The team's page for that week, where anyone can react. */
    url: string
    wins: { id: string; text: string; by: string; reactions: Record<string, number> }[]
  }[]
}
