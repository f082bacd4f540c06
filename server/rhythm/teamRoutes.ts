import type { IncomingMessage } from 'node:http'
import { randomBytes } from 'node:crypto'
import * as Y from 'yjs'
import { MAX_HTTP_BODY_BYTES } from '../../shared/protocol/limits.ts'
import {
  CreateTeamRequest,
  type CreateTeamResponse,
  type ListTeamsResponse,
  type TeamSpaceSummary,
  type WinsWallResponse,
} from '../../shared/rhythm/teamCommands.ts'
import { REACTIONS, readTeamView, teamMaps, type TeamRecord, type TeamView } from '../../shared/rhythm/teamDoc.ts'
import { teamWeeklyReport } from '../../shared/rhythm/teamReport.ts'
import { weeklyReportMarkdown } from '../../shared/rhythm/weeklyReportMarkdown.ts'
import { isWeekId } from '../../shared/rhythm/weekId.ts'
import type { MeetingStore, TeamSpaceRow, TeamSpaceStore } from '../persistence/MeetingStore.ts'
import { hashSecret, secretMatches, splitToken } from '../security/tokens.ts'
import { readPublishedSet } from '../http/publishedRoutes.ts'
import { HttpError, readJsonBody } from '../http/readJsonBody.ts'
import type { FileResponse } from '../http/publishedRoutes.ts'
import { teamDocName } from './TeamRoom.ts'
import type { TeamRegistry } from './TeamRegistry.ts'

const ID = '[A-Za-z0-9_-]{10,64}'
const TEAMS_OF_MEETING = new RegExp(`^/api/meetings/(${ID})/teams$`)
const WINS_OF_MEETING = new RegExp(`^/api/meetings/(${ID})/wins$`)
const EDITOR_LINK = new RegExp(`^/api/teams/(${ID})/editor-link$`)
const REPORT_MD = new RegExp(`^/api/teams/(${ID})/report/(\\d{4}-\\d{2}-\\d{2})\\.md$`)
const MAX_TEAMS_PER_MEETING = 100

export interface TeamRouteDeps {
  store: MeetingStore & TeamSpaceStore
  teams: TeamRegistry | null
  publicUrl: string | null
  now: () => number
}

export type TeamRouteAnswer = { kind: 'json'; status: number; body: unknown } | { kind: 'file'; file: FileResponse }

/** The weekly rhythm's HTTP routes, or null when the path is not one of them. */
export async function teamRoute(req: IncomingMessage, pathname: string, deps: TeamRouteDeps): Promise<TeamRouteAnswer | null> {
  let match = TEAMS_OF_MEETING.exec(pathname)
  if (match) {
    const meetingId = match[1] as string
    if (req.method === 'GET') return { kind: 'json', status: 200, body: await listTeams(req, meetingId, deps) }
    if (req.method === 'POST') return { kind: 'json', status: 201, body: await createTeam(req, meetingId, deps) }
    throw new HttpError(405, 'method_not_allowed', 'Use GET to list team spaces or POST to create one.')
  }
  const read = await teamReadRoute(req, pathname, deps)
  if (read) return read
  match = EDITOR_LINK.exec(pathname)
  if (match) {
    if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'Use POST to issue a new editor link.')
    return { kind: 'json', status: 200, body: await rotateEditorLink(req, match[1] as string, deps) }
  }
  return null
}

/** The read-only pages built from stored state (the wins wall, a weekly report), on their own so they can be cached. */
export async function teamReadRoute(req: IncomingMessage, pathname: string, deps: TeamRouteDeps): Promise<TeamRouteAnswer | null> {
  if (req.method !== 'GET') return null
  let match = WINS_OF_MEETING.exec(pathname)
  if (match) {
    const week = new URL(req.url ?? '/', 'http://localhost').searchParams.get('week')
    return { kind: 'json', status: 200, body: await winsWall(req, match[1] as string, week, deps) }
  }
  match = REPORT_MD.exec(pathname)
  if (match) return { kind: 'file', file: await reportMarkdown(match[1] as string, match[2] as string, deps) }
  return null
}

/** Whether the request carries the meeting's facilitator token (`Authorization: Bearer <token>`). */
async function isFacilitator(req: IncomingMessage, meetingId: string, store: MeetingStore): Promise<boolean> {
  const header = req.headers.authorization ?? ''
  const token = /^Bearer ([A-Za-z0-9_.-]{16,128})$/.exec(header)?.[1]
  const parts = token ? splitToken(token) : null
  if (!parts) return false
  const credential = (await store.loadMeeting(meetingId))?.credentials.find((c) => c.participantId === parts.participantId)
  return credential?.role === 'facilitator' && secretMatches(parts.secret, credential.tokenHash)
}

async function requireFacilitator(req: IncomingMessage, meetingId: string, store: MeetingStore): Promise<void> {
  if (!req.headers.authorization)
    throw new HttpError(401, 'unauthorized', 'Only the meeting’s facilitator can manage team spaces: open this page from the facilitator link.')
  if (!(await isFacilitator(req, meetingId, store))) throw new HttpError(403, 'forbidden', 'This is not the facilitator link of this meeting.')
}

function summaryOf(team: TeamSpaceRow, objectiveIds: string[], base: string): TeamSpaceSummary {
  return { teamId: team.id, name: team.name, objectiveIds, url: `${base}/t/${team.id}` }
}

async function loadRecord(store: MeetingStore & TeamSpaceStore, team: TeamSpaceRow): Promise<TeamRecord | null> {
  const doc = new Y.Doc()
  for (const update of await store.loadDoc(team.meetingId, teamDocName(team.id))) Y.applyUpdate(doc, update)
  const record = (teamMaps(doc).team.get('record') as TeamRecord | undefined) ?? null
  doc.destroy()
  return record
}

async function listTeams(req: IncomingMessage, meetingId: string, deps: TeamRouteDeps): Promise<ListTeamsResponse> {
  if (!(await readPublishedSet(deps.store, meetingId))) throw new HttpError(404, 'not_found', 'These OKRs are not published, or the meeting does not exist.')
  const base = deps.publicUrl ?? originOf(req)
  const rows = await deps.store.listTeamSpaces(meetingId)
  const teams = await Promise.all(rows.map(async (t) => summaryOf(t, (await loadRecord(deps.store, t))?.objectives.map((o) => o.id) ?? [], base)))
  return { teams, canManage: await isFacilitator(req, meetingId, deps.store) }
}

async function createTeam(req: IncomingMessage, meetingId: string, deps: TeamRouteDeps): Promise<CreateTeamResponse> {
  const set = await readPublishedSet(deps.store, meetingId)
  if (!set) throw new HttpError(404, 'not_found', 'Team spaces work on published OKRs: publish the set first.')
  await requireFacilitator(req, meetingId, deps.store)
  const parsed = CreateTeamRequest.safeParse(await readJsonBody(req, MAX_HTTP_BODY_BYTES))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
    throw new HttpError(400, 'bad_request', `${where}${issue?.message ?? 'Invalid team space.'}`)
  }
  const { name, objectiveIds } = parsed.data
  const unknown = objectiveIds.find((id) => !set.objectives.some((o) => o.id === id))
  if (unknown) throw new HttpError(400, 'bad_request', 'objectiveIds: one of them is not an objective of this published set.')
  const existing = await deps.store.listTeamSpaces(meetingId)
  if (existing.length >= MAX_TEAMS_PER_MEETING) throw new HttpError(400, 'bad_request', `At most ${MAX_TEAMS_PER_MEETING} team spaces per quarter.`)
  if (existing.some((t) => t.name.toLocaleLowerCase() === name.toLocaleLowerCase())) {
    throw new HttpError(409, 'conflict', `There is already a team space called “${name}”.`)
  }
  const teamId = randomBytes(16).toString('base64url')
  const secret = randomBytes(32).toString('base64url')
  const now = deps.now()
  const record: TeamRecord = {
    id: teamId,
    meetingId,
    name,
    meetingTitle: set.title,
    quarter: set.quarter,
    mission: set.mission,
    // Kept in the order of the published set, whatever order they were picked in.
    objectives: set.objectives.filter((o) => objectiveIds.includes(o.id)),
    createdAt: now,
  }
  const doc = new Y.Doc()
  doc.transact(() => {
    const maps = teamMaps(doc)
    maps.team.set('record', record)
    maps.team.set('timer', null)
  })
  const initialUpdate = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  const row: TeamSpaceRow = { id: teamId, meetingId, name, createdAt: now, editorTokenHash: hashSecret(secret) }
  await deps.store.createTeamSpace({ ...row, initialUpdate })
  const base = deps.publicUrl ?? originOf(req)
  return {
    ...summaryOf(
      row,
      record.objectives.map((o) => o.id),
      base,
    ),
    // The secret rides in the fragment: browsers never send it to servers or in Referer headers.
    editorUrl: `${base}/t/${teamId}/edit#token=${secret}`,
    editorToken: secret,
  }
}

async function rotateEditorLink(req: IncomingMessage, teamId: string, deps: TeamRouteDeps): Promise<CreateTeamResponse> {
  const team = await deps.store.findTeamSpace(teamId)
  if (!team) throw new HttpError(404, 'not_found', 'No such team space.')
  await requireFacilitator(req, team.meetingId, deps.store)
  const secret = randomBytes(32).toString('base64url')
  const hash = hashSecret(secret)
  await deps.store.setTeamEditorHash(teamId, hash)
  deps.teams?.peek(teamId)?.rotateEditorHash(hash)
  const base = deps.publicUrl ?? originOf(req)
  const objectiveIds = (await loadRecord(deps.store, team))?.objectives.map((o) => o.id) ?? []
  return { ...summaryOf(team, objectiveIds, base), editorUrl: `${base}/t/${teamId}/edit#token=${secret}`, editorToken: secret }
}

async function loadView(store: MeetingStore & TeamSpaceStore, team: TeamSpaceRow): Promise<TeamView | null> {
  const doc = new Y.Doc()
  for (const update of await store.loadDoc(team.meetingId, teamDocName(team.id))) Y.applyUpdate(doc, update)
  const view = readTeamView(doc)
  doc.destroy()
  return view
}

/**
 * The company's wall of wins for one week: every team's Friday wins with their reaction counts (who reacted stays
 * anonymous). Without `week`: the latest week any team posted a win in.
 */
async function winsWall(req: IncomingMessage, meetingId: string, week: string | null, deps: TeamRouteDeps): Promise<WinsWallResponse> {
  if (!(await readPublishedSet(deps.store, meetingId))) throw new HttpError(404, 'not_found', 'These OKRs are not published, or the meeting does not exist.')
  if (week !== null && !isWeekId(week)) throw new HttpError(400, 'bad_request', 'week: a week is named by its Monday, like 2027-01-04.')
  const base = deps.publicUrl ?? originOf(req)
  const loaded = await Promise.all((await deps.store.listTeamSpaces(meetingId)).map(async (t) => ({ team: t, view: await loadView(deps.store, t) })))
  const views = loaded.flatMap(({ team, view }) => (view ? [{ team, view }] : []))
  const weekId =
    week ??
    views
      .flatMap(({ view }) => view.weeks.filter((w) => w.wins.length > 0).map((w) => w.weekId))
      .sort()
      .pop() ??
    null
  const teams =
    weekId === null
      ? []
      : views.flatMap(({ team, view }) => {
          const wins = view.weeks.find((w) => w.weekId === weekId)?.wins ?? []
          if (wins.length === 0) return []
          return [
            {
              teamId: team.id,
              name: team.name,
              url: `${base}/t/${team.id}/week/${weekId}`,
              wins: wins.map((w) => ({
                id: w.id,
                text: w.text,
                by: w.by,
                reactions: Object.fromEntries(REACTIONS.map((r) => [r, (w.reactions[r] ?? []).length])),
              })),
            },
          ]
        })
  return { weekId, teams }
}

async function reportMarkdown(teamId: string, weekId: string, deps: TeamRouteDeps): Promise<FileResponse> {
  const team = await deps.store.findTeamSpace(teamId)
  if (!team) throw new HttpError(404, 'not_found', 'No such team space.')
  if (!isWeekId(weekId)) throw new HttpError(400, 'bad_request', 'A week is named by its Monday, like 2027-01-04.')
  const view = await loadView(deps.store, team)
  if (!view) throw new HttpError(404, 'not_found', 'No such team space.')
  const slug =
    team.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'team'
  return {
    status: 200,
    contentType: 'text/markdown; charset=utf-8',
    body: weeklyReportMarkdown(teamWeeklyReport(view, weekId)),
    filename: `weekly-report-${slug}-${weekId}.md`,
  }
}

function originOf(req: IncomingMessage): string {
  const host = req.headers.host ?? 'localhost'
  const isHostSafe = /^[A-Za-z0-9.\-:[\]]+$/.test(host)
  const proto = req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http'
  return `${proto}://${isHostSafe ? host : 'localhost'}`
}
