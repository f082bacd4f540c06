import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { TeamClient, waitForTeam } from '../../shared/client/TeamClient.ts'
import type { CreateTeamResponse, ListTeamsResponse } from '../../shared/rhythm/teamCommands.ts'
import { weekOf } from '../../shared/rhythm/teamDoc.ts'
import { quarterWeeks } from '../../shared/rhythm/quarterWeeks.ts'
import { startChildServer } from './helpers/childServer.ts'
import { publishMeeting, type PublishedMeeting } from './helpers/publishedMeeting.ts'
import { startTestServer, type TestServer } from './helpers/testServer.ts'
import { RawSocket } from './helpers/rawSocket.ts'
import type { WinsWallResponse } from '../../shared/rhythm/teamCommands.ts'

const WEEK = quarterWeeks('2027 Q1')[1] as string // 2027-01-11
const NEXT_WEEK = quarterWeeks('2027 Q1')[2] as string
const clients: TeamClient[] = []

function teamClient(wsUrl: string, teamId: string, options: { editorToken?: string | null; viewerSecret?: string | null } = {}): TeamClient {
  const c = new TeamClient({ serverUrl: wsUrl, teamId, WebSocketPolyfill: WebSocket, ...options })
  clients.push(c)
  return c
}

async function ready(c: TeamClient): Promise<TeamClient> {
  await waitForTeam(c, () => c.isSynced && c.identity !== null && c.view() !== null, 10_000)
  return c
}

async function createTeam(httpUrl: string, published: PublishedMeeting, name = 'Growth', token = published.meeting.facilitatorToken): Promise<Response> {
  return fetch(`${httpUrl}/api/meetings/${published.meeting.meetingId}/teams`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ name, objectiveIds: published.set.objectives.map((o) => o.id) }),
  })
}

afterEach(() => {
  for (const c of clients.splice(0)) c.destroy()
})

describe('team spaces: links and permissions', () => {
  let t: TestServer
  let published: PublishedMeeting
  beforeAll(async () => {
    t = await startTestServer()
    published = await publishMeeting(t.httpUrl, t.wsUrl)
  }, 30_000)
  afterAll(async () => {
    await t.close()
  })

  it('lets only the facilitator create a team space, and lists them for everyone', async () => {
    const base = `${t.httpUrl}/api/meetings/${published.meeting.meetingId}/teams`
    const anonymous = await fetch(base, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'X', objectiveIds: ['abc'] }),
    })
    expect(anonymous.status).toBe(401)
    const participant = await createTeam(t.httpUrl, published, 'Sneaky', published.participantToken)
    expect(participant.status).toBe(403)
    const bad = await fetch(base, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${published.meeting.facilitatorToken}` },
      body: JSON.stringify({ name: 'Growth', objectiveIds: ['not-an-objective'] }),
    })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.message).toMatch(/not an objective/)

    const created = await createTeam(t.httpUrl, published, 'Platform')
    expect(created.status).toBe(201)
    const team = (await created.json()) as CreateTeamResponse
    expect(team.editorUrl).toMatch(new RegExp(`/t/${team.teamId}/edit#token=`))
    expect(team.url).toMatch(new RegExp(`/t/${team.teamId}$`))
    expect((await createTeam(t.httpUrl, published, 'platform')).status).toBe(409)

    const list = (await (await fetch(base)).json()) as ListTeamsResponse
    expect(list.canManage).toBe(false)
    expect(list.teams.map((x) => x.name)).toContain('Platform')
    expect(JSON.stringify(list)).not.toContain(team.editorToken)
    const asFacilitator = (await (
      await fetch(base, { headers: { Authorization: `Bearer ${published.meeting.facilitatorToken}` } })
    ).json()) as ListTeamsResponse
    expect(asFacilitator.canManage).toBe(true)
  })

  it('lets the editor link edit and the read-only link only watch (and react)', async () => {
    const team = (await (await createTeam(t.httpUrl, published, 'Growth')).json()) as CreateTeamResponse
    const editor = await ready(teamClient(t.wsUrl, team.teamId, { editorToken: team.editorToken }))
    const viewer = await ready(teamClient(t.wsUrl, team.teamId, { viewerSecret: 'viewer-secret-0123456789' }))
    expect(editor.identity?.role).toBe('editor')
    expect(viewer.identity).toMatchObject({ role: 'viewer', canReact: true })

    const kr = published.set.objectives[0]!.keyResults[0]!
    const { priorityId } = await editor.send({
      type: 'addPriority',
      weekId: WEEK,
      title: 'Ship the onboarding checklist',
      rank: 'P1',
      owner: 'Ana',
      keyResultId: kr.id,
    })
    await waitForTeam(viewer, () => weekOf(viewer.view()!, WEEK).priorities.some((p) => p.id === priorityId))

    await expect(viewer.send({ type: 'addPriority', weekId: WEEK, title: 'Mine', rank: 'P1', owner: 'Me', keyResultId: null })).rejects.toMatchObject({
      code: 'forbidden',
    })
    await expect(viewer.send({ type: 'setConfidence', weekId: WEEK, keyResultId: kr.id, confidence: 9, reason: 'because' })).rejects.toMatchObject({
      code: 'forbidden',
    })
    await expect(viewer.send({ type: 'startTimer', totalMinutes: 60 })).rejects.toMatchObject({ code: 'forbidden' })

    // A viewer writing the doc directly is refused and changes nothing.
    const refused = new Promise<string>((resolve) => viewer.on('notice', (e) => resolve(e.code)))
    viewer.doc.getMap('weeks').set(WEEK, { hacked: true } as never)
    expect(await refused).toBe('update_refused')
    const fresh = await ready(teamClient(t.wsUrl, team.teamId))
    expect(weekOf(fresh.view()!, WEEK).priorities.map((p) => p.title)).toEqual(['Ship the onboarding checklist'])

    // Reactions: allowed to viewers, one per viewer per kind.
    const { winId } = await editor.send({ type: 'postWin', weekId: WEEK, text: 'First 10 shops onboarded', by: 'Ana' })
    await viewer.send({ type: 'react', weekId: WEEK, winId, reaction: 'party', on: true })
    const again = await viewer.send({ type: 'react', weekId: WEEK, winId, reaction: 'party', on: true })
    expect(again.count).toBe(1)
    const other = await ready(teamClient(t.wsUrl, team.teamId, { viewerSecret: 'another-viewer-secret-42' }))
    expect((await other.send({ type: 'react', weekId: WEEK, winId, reaction: 'party', on: true })).count).toBe(2)
    await expect(fresh.send({ type: 'react', weekId: WEEK, winId, reaction: 'party', on: true })).rejects.toMatchObject({ code: 'forbidden' })
    await expect(viewer.send({ type: 'removeWin', weekId: WEEK, winId })).rejects.toMatchObject({ code: 'forbidden' })
  })

  it('refuses a wrong editor token, and a new editor link retires the old one', async () => {
    const team = (await (await createTeam(t.httpUrl, published, 'Sales')).json()) as CreateTeamResponse
    const wrong = teamClient(t.wsUrl, team.teamId, { editorToken: 'x'.repeat(43) })
    const refusedToken = new Promise<void>((resolve) => wrong.on('tokenRefused', () => resolve()))
    await refusedToken
    await ready(wrong)
    expect(wrong.identity?.role).toBe('viewer')

    const editor = await ready(teamClient(t.wsUrl, team.teamId, { editorToken: team.editorToken }))
    const rotated = await fetch(`${t.httpUrl}/api/teams/${team.teamId}/editor-link`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${published.meeting.facilitatorToken}` },
    })
    expect(rotated.status).toBe(200)
    const fresh = (await rotated.json()) as CreateTeamResponse
    await expect(editor.send({ type: 'postWin', weekId: WEEK, text: 'Still here?', by: '' })).rejects.toMatchObject({ code: 'forbidden' })
    const newEditor = await ready(teamClient(t.wsUrl, team.teamId, { editorToken: fresh.editorToken }))
    expect(newEditor.identity?.role).toBe('editor')
    expect(
      (await fetch(`${t.httpUrl}/api/teams/${team.teamId}/editor-link`, { method: 'POST', headers: { Authorization: `Bearer ${published.participantToken}` } }))
        .status,
    ).toBe(403)
  })

  it('enforces the four-square rules on the server, and the weekly report shows the week', async () => {
    const team = (await (await createTeam(t.httpUrl, published, 'Support')).json()) as CreateTeamResponse
    const editor = await ready(teamClient(t.wsUrl, team.teamId, { editorToken: team.editorToken }))
    const [kr1, kr2] = published.set.objectives[0]!.keyResults
    await expect(editor.send({ type: 'addPriority', weekId: WEEK, title: 'Nice to have', rank: 'P3', owner: 'Ben', keyResultId: null })).rejects.toMatchObject({
      code: 'bad_command',
      message: expect.stringMatching(/P3/),
    })
    await expect(editor.send({ type: 'addPriority', weekId: WEEK, title: 'Nobody’s', rank: 'P1', owner: '', keyResultId: null })).rejects.toMatchObject({
      message: expect.stringMatching(/no owner/),
    })
    await expect(editor.send({ type: 'addPriority', weekId: '2031-01-06', title: 'Far', rank: 'P1', owner: 'Ben', keyResultId: null })).rejects.toMatchObject({
      code: 'bad_command',
    })
    const ids: string[] = []
    for (let i = 1; i <= 4; i++)
      ids.push(
        (await editor.send({ type: 'addPriority', weekId: WEEK, title: `Priority ${i}`, rank: i === 1 ? 'P1' : 'P2', owner: 'Ben', keyResultId: null }))
          .priorityId,
      )
    await expect(editor.send({ type: 'addPriority', weekId: WEEK, title: 'Fifth', rank: 'P2', owner: 'Ben', keyResultId: null })).rejects.toMatchObject({
      code: 'limit_reached',
    })

    // Published at 6: a drop to 3 needs a one-line reason.
    await expect(editor.send({ type: 'setConfidence', weekId: WEEK, keyResultId: kr1!.id, confidence: 3, reason: '' })).rejects.toMatchObject({
      message: expect.stringMatching(/went down from 6 to 3/),
    })
    await expect(editor.send({ type: 'setConfidence', weekId: WEEK, keyResultId: kr1!.id, confidence: 3, reason: 'line one\nline two' })).rejects.toMatchObject(
      { message: expect.stringMatching(/one line/) },
    )
    await editor.send({ type: 'setConfidence', weekId: WEEK, keyResultId: kr1!.id, confidence: 3, reason: 'Payment provider delayed the trial flow' })
    await editor.send({ type: 'setConfidence', weekId: WEEK, keyResultId: kr2!.id, confidence: 8, reason: '' })
    // Next week compares with this week (3), not with the published 6.
    await expect(editor.send({ type: 'setConfidence', weekId: NEXT_WEEK, keyResultId: kr1!.id, confidence: 4, reason: '' })).rejects.toMatchObject({
      message: expect.stringMatching(/up from 3 to 4/),
    })
    await editor.send({ type: 'setHealth', weekId: WEEK, slot: 0, name: 'Team morale', colour: 'green', note: '' })
    await editor.send({ type: 'setHealth', weekId: WEEK, slot: 1, name: 'Customer escalations', colour: 'red', note: 'Two enterprise tickets' })
    await expect(editor.send({ type: 'markOutcome', weekId: WEEK, priorityId: ids[1]!, isDone: false, why: '' })).rejects.toMatchObject({
      message: expect.stringMatching(/say why/),
    })
    await editor.send({ type: 'markOutcome', weekId: WEEK, priorityId: ids[0]!, isDone: true, why: '' })
    await editor.send({ type: 'markOutcome', weekId: WEEK, priorityId: ids[1]!, isDone: false, why: 'Waiting on legal' })
    await editor.send({ type: 'postWin', weekId: WEEK, text: 'Closed the Baker & Sons deal', by: 'Ben' })
    await editor.send({ type: 'setReportNotes', weekId: WEEK, risks: ['Hiring freeze'], remarks: 'Good week overall.' })

    const res = await fetch(`${t.httpUrl}/api/teams/${team.teamId}/report/${WEEK}.md`)
    expect(res.headers.get('content-disposition')).toMatch(/weekly-report-support-2027-01-11\.md/)
    const md = await res.text()
    expect(md).toContain('# Weekly report: Support, 2027-W02')
    expect(md).toContain('3/10 (red, at risk) | ↓ | Payment provider delayed the trial flow')
    expect(md).toContain('**Done**, P1 Priority 1 (Ben)')
    expect(md).toContain('**Not done**, P2 Priority 2 (Ben): Waiting on legal')
    expect(md).toContain('- Hiring freeze')
    expect(md).toContain('Customer escalations is red: Two enterprise tickets')
    expect(md).toContain('Good week overall.')
    expect((await fetch(`${t.httpUrl}/api/teams/nonexistent-team-id/report/${WEEK}.md`)).status).toBe(404)
  })

  it('shows every team’s wins of the latest week on the company wall, with anonymous reaction counts', async () => {
    const a = (await (await createTeam(t.httpUrl, published, 'Wall A')).json()) as CreateTeamResponse
    const b = (await (await createTeam(t.httpUrl, published, 'Wall B')).json()) as CreateTeamResponse
    const editorA = await ready(teamClient(t.wsUrl, a.teamId, { editorToken: a.editorToken }))
    const editorB = await ready(teamClient(t.wsUrl, b.teamId, { editorToken: b.editorToken, viewerSecret: 'b-editor-viewer-secret' }))
    const { winId } = await editorA.send({ type: 'postWin', weekId: NEXT_WEEK, text: 'Signed Baker & Sons', by: 'Ana' })
    await editorB.send({ type: 'postWin', weekId: NEXT_WEEK, text: 'Zero escalations', by: '' })
    const fan = await ready(teamClient(t.wsUrl, a.teamId, { viewerSecret: 'a-fan-viewer-secret-000' }))
    await fan.send({ type: 'react', weekId: NEXT_WEEK, winId, reaction: 'heart', on: true })
    const wall = (await (await fetch(`${t.httpUrl}/api/meetings/${published.meeting.meetingId}/wins`)).json()) as WinsWallResponse
    expect(wall.weekId).toBe(NEXT_WEEK)
    const mine = wall.teams.find((x) => x.teamId === a.teamId)!
    expect(mine).toMatchObject({ name: 'Wall A', wins: [{ text: 'Signed Baker & Sons', by: 'Ana', reactions: { heart: 1, party: 0 } }] })
    expect(mine.url).toMatch(new RegExp(`/t/${a.teamId}/week/${NEXT_WEEK}$`))
    expect(wall.teams.map((x) => x.name)).toContain('Wall B')
    expect(JSON.stringify(wall)).not.toContain('a-fan-viewer-secret')
    expect((await fetch(`${t.httpUrl}/api/meetings/${published.meeting.meetingId}/wins?week=nonsense`)).status).toBe(400)
  })

  it('survives hostile frames on a team socket and changes nothing', async () => {
    const team = (await (await createTeam(t.httpUrl, published, 'Hostile')).json()) as CreateTeamResponse
    const editor = await ready(teamClient(t.wsUrl, team.teamId, { editorToken: team.editorToken }))
    await editor.send({ type: 'postWin', weekId: WEEK, text: 'Before the attack', by: '' })
    const raw = await RawSocket.open(`${t.wsUrl}/team`, team.teamId)
    await raw.sync()
    raw.sendAppText('{not json')
    raw.sendCommand({ id: 'x1', type: 'postWin', weekId: WEEK, text: 'sneaky', by: '' })
    expect(await raw.nextApp((m) => m.kind === 'reply' && m.id === 'x1')).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    raw.sendCommand({ id: 'x2', type: 'hello', token: team.editorToken, extra: true })
    expect(await raw.nextApp((m) => m.kind === 'reply' && m.id === 'x2')).toMatchObject({ ok: false, error: { code: 'bad_command' } })
    raw.sendCommand({ id: 'x3', type: 'addPriority', weekId: WEEK, title: 'x'.repeat(10_000), rank: 'P1', owner: 'A', keyResultId: null })
    expect(await raw.nextApp((m) => m.kind === 'reply' && m.id === 'x3')).toMatchObject({ ok: false })
    raw.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))
    expect((await raw.closed).code).toBe(1007)
    const after = await ready(teamClient(t.wsUrl, team.teamId))
    expect(weekOf(after.view()!, WEEK).wins.map((w) => w.text)).toEqual(['Before the attack'])
    expect(weekOf(after.view()!, WEEK).priorities).toEqual([])
  })

  it('closes the socket of an unknown team space with 4404', async () => {
    const c = teamClient(t.wsUrl, 'no-such-team-space')
    const code = await new Promise<number>((resolve) => c.provider.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)))
    expect(code).toBe(4404)
  })
})

describe('team spaces: durability', () => {
  const dataDirs: string[] = []
  afterAll(() => {
    for (const d of dataDirs) rmSync(d, { recursive: true, force: true })
  })

  it('keeps every acknowledged check-in through kill -9', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qd-rhythm-kill-'))
    dataDirs.push(dataDir)
    let server = await startChildServer(dataDir)
    try {
      const published = await publishMeeting(server.httpUrl, server.wsUrl)
      const team = (await (await createTeam(server.httpUrl, published, 'Growth')).json()) as CreateTeamResponse
      const kr = published.set.objectives[0]!.keyResults[0]!
      const editor = await ready(teamClient(server.wsUrl, team.teamId, { editorToken: team.editorToken }))
      await editor.send({ type: 'setConfidence', weekId: WEEK, keyResultId: kr.id, confidence: 3, reason: 'Payment provider delayed the trial flow' })
      const { winId } = await editor.send({ type: 'postWin', weekId: WEEK, text: 'First 10 shops onboarded', by: 'Ana' })
      // Acknowledged means on disk: kill at once, no flush, no shutdown hook. A win posted while the server is
      // down waits in the client's queue and is applied exactly once after the restart.
      await server.kill()
      await waitForTeam(editor, () => editor.status !== 'connected')
      const queued = editor.send({ type: 'postWin', weekId: WEEK, text: 'Posted while the server was down', by: '' })
      server = await startChildServer(dataDir, server.port)
      const { winId: queuedId } = await queued
      const after = await ready(teamClient(server.wsUrl, team.teamId))
      const week = weekOf(after.view()!, WEEK)
      expect(week.statuses).toEqual([{ keyResultId: kr.id, confidence: 3, reason: 'Payment provider delayed the trial flow' }])
      expect(week.wins.map((w) => w.id)).toEqual([winId, queuedId])
      // The stored doc is one Y.Doc: the report route reads the same state.
      expect(await (await fetch(`${server.httpUrl}/api/teams/${team.teamId}/report/${WEEK}.md`)).text()).toContain('3/10 (red, at risk)')
      expect(Y.encodeStateVector(after.doc).length).toBeGreaterThan(0)
    } finally {
      await server.kill()
    }
  }, 60_000)
})
