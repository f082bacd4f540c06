import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitForClient } from '../../shared/client/waitForClient.ts'
import type { AlignmentResponse } from '../../server/cascade/alignmentRoute.ts'
import type { CreateMeetingResponse } from '../../shared/protocol/messages.ts'
import { startChildServer, type ChildServer } from './helpers/childServer.ts'
import { Clients, cascadeOf, createMeeting, draftKeyResults, publishFromKeyResults, publishedCompany, stageOf, toKeyResults } from './helpers/cascadeFlow.ts'

let dataDir: string
let server: ChildServer
let clients: Clients

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'qd-cascade-'))
  server = await startChildServer(dataDir)
  clients = new Clients(() => server)
})

afterAll(async () => {
  clients.closeAll()
  await server.kill()
  rmSync(dataDir, { recursive: true, force: true })
})

/** kill -9, then the same data directory on a fresh process. */
async function crashAndRestart(): Promise<void> {
  clients.closeAll()
  await server.kill()
  server = await startChildServer(dataDir)
}

describe('cascade durability', () => {
  it('keeps an acknowledged submission and decision in both meetings through kill -9', async () => {
    const company = await publishedCompany(server, clients)
    const companyId = company.meeting.meetingId
    // Nobody holds the company meeting open after this restart: the department's publish must load it to write it.
    await crashAndRestart()

    const res = await createMeeting(server, { title: 'Sales OKRs', cascade: { companyMeetingId: companyId, department: 'Sales' } })
    const dept = (await res.json()) as CreateMeetingResponse
    let lead = await clients.facilitator(dept)
    const bo = await clients.participant(dept.meetingId, 'Bo')
    const objectiveId = await toKeyResults(lead, bo, 'Close deals faster')
    await draftKeyResults(lead, bo, objectiveId, 'Sales KR')
    await bo.send({ type: 'linkObjective', objectiveId, supports: { kind: 'objective', id: company.objectiveId } })
    await publishFromKeyResults(lead) // acknowledged: both meetings' writes are on disk
    await crashAndRestart()

    let ceo = await clients.facilitator(company.meeting)
    expect(cascadeOf(ceo).departments.map((d) => [d.id, d.confirmation.status])).toEqual([[dept.meetingId, 'submitted']])
    await ceo.send({ type: 'confirmDepartmentSet', departmentMeetingId: dept.meetingId })
    await crashAndRestart()

    lead = await clients.facilitator(dept)
    ceo = await clients.facilitator(company.meeting)
    expect(stageOf(lead)).toBe('published')
    expect(cascadeOf(lead).confirmation.status).toBe('confirmed')
    expect(cascadeOf(ceo).departments[0]?.confirmation.status).toBe('confirmed')
    await waitForClient(lead, () => lead.isSynced)

    const report = (await (await fetch(`${server.httpUrl}/api/meetings/${companyId}/alignment`)).json()) as AlignmentResponse
    expect(report.tree.roots[0]?.children.map((c) => [c.id, c.owner, c.confirmation])).toEqual([[objectiveId, 'Sales', 'confirmed']])
  }, 120_000)
})
