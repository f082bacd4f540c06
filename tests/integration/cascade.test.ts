import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CommandFailure, type MeetingClient } from '../../shared/client/MeetingClient.ts'
import { waitForClient } from '../../shared/client/waitForClient.ts'
import type { AlignmentResponse } from '../../server/cascade/alignmentRoute.ts'
import type { CreateMeetingResponse } from '../../shared/protocol/messages.ts'
import WebSocket from 'ws'
import { TeamClient, waitForTeam } from '../../shared/client/TeamClient.ts'
import type { CreateTeamResponse } from '../../shared/rhythm/teamCommands.ts'
import { quarterWeeks } from '../../shared/rhythm/quarterWeeks.ts'
import { startTestServer, type TestServer } from './helpers/testServer.ts'
import { Clients, cascadeOf, createMeeting, draftKeyResults, publishFromKeyResults, publishedCompany, stageOf, toKeyResults } from './helpers/cascadeFlow.ts'

let t: TestServer
let clients: Clients
beforeAll(async () => {
  t = await startTestServer()
  clients = new Clients(() => t)
})
afterEach(() => clients.closeAll())
afterAll(async () => {
  await t.close()
})

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (error instanceof CommandFailure) return error.code
    throw error
  }
  throw new Error('the command was accepted')
}

async function departmentMeeting(companyMeetingId: string, department = 'Sales') {
  const res = await createMeeting(t, { title: `${department} OKRs`, cascade: { companyMeetingId, department } })
  expect(res.status).toBe(201)
  const meeting = (await res.json()) as CreateMeetingResponse
  const lead = await clients.facilitator(meeting)
  const bo = await clients.participant(meeting.meetingId, 'Bo')
  return { meeting, lead, bo }
}

const statusOf = (client: MeetingClient, departmentMeetingId: string) =>
  cascadeOf(client).departments.find((d) => d.id === departmentMeetingId)?.confirmation.status ?? null

describe('creating a department meeting', () => {
  it('refuses a company link that is not published, from another quarter, or itself a department', async () => {
    const draft = (await (await createMeeting(t)).json()) as CreateMeetingResponse
    const notPublished = await createMeeting(t, { cascade: { companyMeetingId: draft.meetingId, department: 'Sales' } })
    expect(notPublished.status).toBe(400)
    expect((await notPublished.json()).error.message).toMatch(/no published company OKRs/)

    const { meeting } = await publishedCompany(t, clients)
    const otherQuarter = await createMeeting(t, { quarter: '2027 Q2', cascade: { companyMeetingId: meeting.meetingId, department: 'Sales' } })
    expect(otherQuarter.status).toBe(400)
    expect((await otherQuarter.json()).error.message).toMatch(/2027 Q1/)

    const noName = await createMeeting(t, { cascade: { companyMeetingId: meeting.meetingId, department: '  ' } })
    expect(noName.status).toBe(400)

    const { meeting: dept } = await departmentMeeting(meeting.meetingId)
    const deeper = await createMeeting(t, { cascade: { companyMeetingId: dept.meetingId, department: 'Sales EMEA' } })
    expect(deeper.status).toBe(400)
    expect((await deeper.json()).error.message).toMatch(/department’s set/)
  })

  it('copies the company set into the department meeting so everyone sees it', async () => {
    const { meeting, objectiveId } = await publishedCompany(t, clients)
    const { bo } = await departmentMeeting(meeting.meetingId, 'Marketing')
    const link = cascadeOf(bo).link
    expect(link).toMatchObject({ companyMeetingId: meeting.meetingId, department: 'Marketing' })
    expect(link?.company.objectives.map((o) => o.id)).toEqual([objectiveId])
    expect(cascadeOf(bo).confirmation).toEqual({ status: 'draft' })
  })
})

describe('linking, submitting and the CEO’s confirmation', () => {
  it('runs the whole loop, refusing everyone but the company facilitator at each decision', async () => {
    const company = await publishedCompany(t, clients)
    const { meeting: dept, lead, bo } = await departmentMeeting(company.meeting.meetingId)
    const deptObjective = await toKeyResults(lead, bo, 'Close deals faster')
    await draftKeyResults(lead, bo, deptObjective, 'Sales KR')

    // Linking: a real company OKR only, during Key results.
    expect(await refusal(bo.send({ type: 'linkObjective', objectiveId: deptObjective, supports: { kind: 'objective', id: 'nope-not-there' } }))).toBe(
      'not_found',
    )
    expect(await refusal(bo.send({ type: 'linkObjective', objectiveId: 'unknownObjective', supports: { kind: 'objective', id: company.objectiveId } }))).toBe(
      'not_found',
    )
    expect(await refusal(company.ceo.send({ type: 'linkObjective', objectiveId: deptObjective, supports: null }))).toBe('conflict')
    // Malformed links never reach the rules: refused by the schema, nothing changes.
    expect(await refusal(bo.send({ type: 'linkObjective', objectiveId: deptObjective, supports: { kind: 'team', id: company.objectiveId } } as never))).toBe(
      'bad_command',
    )
    expect(await refusal(bo.send({ type: 'linkObjective', objectiveId: deptObjective, supports: { kind: 'objective', id: '../etc' } }))).toBe('bad_command')
    expect(cascadeOf(bo).supports).toEqual({})

    // Not linked: publishing is refused and nothing changes.
    await lead.send({ type: 'changeStage', move: 'advance', expected: 'keyResults' })
    expect(await refusal(lead.send({ type: 'changeStage', move: 'advance', expected: 'review' }))).toBe('conflict')
    expect(stageOf(lead)).toBe('review')
    expect(cascadeOf(company.ceo).departments).toEqual([])
    // During Review only the facilitator may fix the link.
    expect(await refusal(bo.send({ type: 'linkObjective', objectiveId: deptObjective, supports: { kind: 'objective', id: company.objectiveId } }))).toBe(
      'forbidden',
    )
    await lead.send({ type: 'linkObjective', objectiveId: deptObjective, supports: { kind: 'keyResult', id: company.keyResultIds[0]! } })

    // Publishing submits the set to the company: the CEO sees it live.
    await lead.send({ type: 'changeStage', move: 'advance', expected: 'review' })
    await waitForClient(company.ceo, () => statusOf(company.ceo, dept.meetingId) === 'submitted')
    const entry = cascadeOf(company.ceo).departments[0]!
    expect(entry).toMatchObject({ department: 'Sales', quarter: '2027 Q1' })
    expect(entry.objectives[0]).toMatchObject({ id: deptObjective, title: 'Close deals faster', supports: { kind: 'keyResult', id: company.keyResultIds[0] } })
    expect(cascadeOf(lead).confirmation.status).toBe('submitted')

    // Only the company's facilitator decides. The department lead's token means nothing in the company meeting.
    const leadInCompany = clients.open(company.meeting.meetingId, dept.facilitatorToken)
    await waitForClient(leadInCompany, () => leadInCompany.isSynced)
    expect(leadInCompany.identity).toBeNull()
    expect(await refusal(leadInCompany.send({ type: 'confirmDepartmentSet', departmentMeetingId: dept.meetingId }))).toBe('not_joined')
    expect(await refusal(company.ana.send({ type: 'confirmDepartmentSet', departmentMeetingId: dept.meetingId }))).toBe('forbidden')
    expect(await refusal(company.ana.send({ type: 'sendBackDepartmentSet', departmentMeetingId: dept.meetingId, comment: 'No' }))).toBe('forbidden')
    expect(await refusal(lead.send({ type: 'confirmDepartmentSet', departmentMeetingId: dept.meetingId }))).toBe('not_found')
    expect(await refusal(company.ceo.send({ type: 'confirmDepartmentSet', departmentMeetingId: 'someOtherMeeting1' }))).toBe('not_found')
    // Sending back needs a comment.
    expect(await refusal(company.ceo.send({ type: 'sendBackDepartmentSet', departmentMeetingId: dept.meetingId, comment: '   ' }))).toBe('bad_command')
    expect(statusOf(company.ceo, dept.meetingId)).toBe('submitted')

    await company.ceo.send({ type: 'sendBackDepartmentSet', departmentMeetingId: dept.meetingId, comment: 'Support O1 itself, not a KR.' })
    await waitForClient(lead, () => cascadeOf(lead).confirmation.status === 'sent_back')
    expect(cascadeOf(lead).confirmation).toMatchObject({ status: 'sent_back', comment: 'Support O1 itself, not a KR.' })
    expect(await refusal(company.ceo.send({ type: 'confirmDepartmentSet', departmentMeetingId: dept.meetingId }))).toBe('conflict')

    // The department reopens (facilitator only), edits, publishes again: submitted again.
    expect(await refusal(bo.send({ type: 'reopenDepartmentSet' }))).toBe('forbidden')
    expect(await refusal(company.ceo.send({ type: 'reopenDepartmentSet' }))).toBe('conflict')
    await lead.send({ type: 'reopenDepartmentSet' })
    await waitForClient(bo, () => stageOf(bo) === 'keyResults')
    await bo.send({ type: 'linkObjective', objectiveId: deptObjective, supports: { kind: 'objective', id: company.objectiveId } })
    await publishFromKeyResults(lead)
    await waitForClient(company.ceo, () => statusOf(company.ceo, dept.meetingId) === 'submitted')
    expect(cascadeOf(company.ceo).departments[0]!.objectives[0]!.supports).toEqual({ kind: 'objective', id: company.objectiveId })
    expect(await refusal(lead.send({ type: 'reopenDepartmentSet' }))).toBe('conflict')

    await company.ceo.send({ type: 'confirmDepartmentSet', departmentMeetingId: dept.meetingId })
    await waitForClient(lead, () => cascadeOf(lead).confirmation.status === 'confirmed')
    expect(await refusal(company.ceo.send({ type: 'confirmDepartmentSet', departmentMeetingId: dept.meetingId }))).toBe('conflict')

    // Personal OKRs: the department facilitator records them, linked to a department OKR.
    const deptKr = cascadeOf(company.ceo).departments[0]!.objectives[0]!.keyResults[0]!.id
    expect(
      await refusal(
        bo.send({
          type: 'addPersonalObjective',
          person: 'Bo',
          title: 'Shorter demos',
          supports: { kind: 'keyResult', id: deptKr },
          keyResults: [{ statement: 'Demo in 20 minutes', confidence: 6 }],
        }),
      ),
    ).toBe('forbidden')
    expect(
      await refusal(
        lead.send({
          type: 'addPersonalObjective',
          person: 'Bo',
          title: 'Shorter demos',
          supports: { kind: 'keyResult', id: 'nowhere' },
          keyResults: [{ statement: 'Demo in 20 minutes', confidence: 6 }],
        }),
      ),
    ).toBe('not_found')
    const { personalId } = await lead.send({
      type: 'addPersonalObjective',
      person: 'Bo',
      title: 'Shorter demos',
      supports: { kind: 'keyResult', id: deptKr },
      keyResults: [{ statement: 'Demo in 20 minutes', confidence: 3 }],
    })
    await waitForClient(company.ceo, () => cascadeOf(company.ceo).departments[0]!.personal.length === 1)

    // The alignment view: company objective → department objective → personal objective, colours rolled up.
    const res = await fetch(`${t.httpUrl}/api/meetings/${company.meeting.meetingId}/alignment`)
    expect(res.status).toBe(200)
    const report = (await res.json()) as AlignmentResponse
    expect(report.tree.unaligned).toEqual([])
    const root = report.tree.roots[0]!
    expect(root).toMatchObject({ id: company.objectiveId, colour: 'red' })
    expect(root.children[0]).toMatchObject({ level: 'department', owner: 'Sales', confirmation: 'confirmed', colour: 'red' })
    expect(root.children[0]!.children[0]).toMatchObject({ level: 'personal', id: personalId, owner: 'Bo', colour: 'red', viaKeyResult: { id: deptKr } })
    expect(report.departments).toEqual([expect.objectContaining({ meetingId: dept.meetingId, status: 'confirmed', personalCount: 1 })])
    // Asked through the department's id, it answers the company's view and names the department.
    const viaDept = (await (await fetch(`${t.httpUrl}/api/meetings/${dept.meetingId}/alignment`)).json()) as AlignmentResponse
    expect(viaDept.department).toEqual({ meetingId: dept.meetingId, department: 'Sales' })
    expect(viaDept.tree).toEqual(report.tree)

    await lead.send({ type: 'removePersonalObjective', personalId })
    await waitForClient(company.ceo, () => cascadeOf(company.ceo).departments[0]!.personal.length === 0)
  })

  it('rolls confidence up from the weekly check-ins of the team spaces', async () => {
    const company = await publishedCompany(t, clients)
    const id = company.meeting.meetingId
    const alignment = async () => (await (await fetch(`${t.httpUrl}/api/meetings/${id}/alignment`)).json()) as AlignmentResponse
    // Published with 8, 6 and 2: as red as its reddest.
    expect((await alignment()).tree.roots[0]).toMatchObject({ colour: 'red' })

    const res = await fetch(`${t.httpUrl}/api/meetings/${id}/teams`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${company.meeting.facilitatorToken}` },
      body: JSON.stringify({ name: 'Growth', objectiveIds: [company.objectiveId] }),
    })
    expect(res.status).toBe(201)
    const team = (await res.json()) as CreateTeamResponse
    const editor = new TeamClient({ serverUrl: t.wsUrl, teamId: team.teamId, editorToken: team.editorToken, WebSocketPolyfill: WebSocket })
    try {
      await waitForTeam(editor, () => editor.isSynced && editor.identity !== null && editor.view() !== null, 10_000)
      const week = quarterWeeks('2027 Q1')[1] as string
      await editor.send({ type: 'setConfidence', weekId: week, keyResultId: company.keyResultIds[2]!, confidence: 9, reason: 'The pilot signed' })
    } finally {
      editor.destroy()
    }
    // The red key result is now 9: the objective is as yellow as its 6.
    expect((await alignment()).tree.roots[0]).toMatchObject({ colour: 'yellow' })
  })

  it('answers 404 for the alignment of a meeting that is not published', async () => {
    const draft = (await (await createMeeting(t)).json()) as CreateMeetingResponse
    expect((await fetch(`${t.httpUrl}/api/meetings/${draft.meetingId}/alignment`)).status).toBe(404)
    expect((await fetch(`${t.httpUrl}/api/meetings/doesNotExist123/alignment`)).status).toBe(404)
  })
})
