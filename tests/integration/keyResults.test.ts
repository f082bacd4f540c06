import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import WebSocket from 'ws'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { KeyResultDocClient } from '../../shared/client/KeyResultDocClient.ts'
import type { MeetingClient } from '../../shared/client/MeetingClient.ts'
import { readStatement, statementsOf } from '../../shared/keyResults/keyResultDoc.ts'
import { MESSAGE_SYNC, encodeAppMessage } from '../../shared/protocol/wire.ts'
import { facilitatorOf, joinAs, startTestServer, viewOf, waitFor, waitUntil, type TestServer } from './helpers/testServer.ts'
import { RawSocket } from './helpers/rawSocket.ts'
import { oneObjectiveToKeyResults } from './helpers/oneObjectiveToKeyResults.ts'

let t: TestServer
const docs: KeyResultDocClient[] = []
beforeAll(async () => {
  t = await startTestServer()
})
afterAll(async () => {
  for (const d of docs) d.destroy()
  await t.close()
})

/** A meeting taken through submit, group and vote to Key results with one chosen objective. */
async function meetingInKeyResults() {
  const meeting = await t.createMeeting({ objectiveCount: 1 })
  const facilitator = await facilitatorOf(t, meeting)
  const ana = await joinAs(t, meeting.meetingId, 'Ana')
  const ben = await joinAs(t, meeting.meetingId, 'Ben')
  const advance = async (expected: string) => facilitator.send({ type: 'changeStage', move: 'advance', expected: expected as 'mission' })
  const objectiveId = await oneObjectiveToKeyResults(facilitator, ana.client, { title: 'Make trials convert', why: 'Trials doubled, sales did not' })
  return { meeting, facilitator, ana, ben, objectiveId, advance }
}

function krDoc(meetingId: string, objectiveId: string, token: string | null) {
  const d = new KeyResultDocClient({ serverUrl: t.wsUrl, meetingId, objectiveId, token, WebSocketPolyfill: WebSocket })
  docs.push(d)
  return d
}

const synced = (d: KeyResultDocClient) => waitUntil(() => d.provider.synced, 5000, 'kr doc synced')

describe('key-result documents', () => {
  it('lets two people co-edit one statement character by character, and both see the merged text', async () => {
    const { meeting, facilitator, ana, ben, objectiveId } = await meetingInKeyResults()
    const { keyResultId } = await ana.client.send({ type: 'proposeKeyResult', objectiveId, statement: 'Trial-to-paid' })
    const a = krDoc(meeting.meetingId, objectiveId, ana.token)
    const b = krDoc(meeting.meetingId, objectiveId, ben.token)
    await synced(a)
    await synced(b)
    await waitUntil(() => a.statement(keyResultId) !== undefined && b.statement(keyResultId) !== undefined)
    a.statement(keyResultId)!.insert('Trial-to-paid'.length, ' from 4 %')
    b.statement(keyResultId)!.insert(0, '✓ ')
    const expected = '✓ Trial-to-paid from 4 %'
    await waitUntil(() => a.statement(keyResultId)!.toString() === expected && b.statement(keyResultId)!.toString() === expected)
    // Stored: a fresh reader gets the same text.
    const c = krDoc(meeting.meetingId, objectiveId, null)
    await synced(c)
    await waitUntil(() => readStatement(c.doc, keyResultId) === expected)
    expect(viewOf(facilitator).keyResults[0]).toMatchObject({ id: keyResultId, confidence: 5 })
  })

  it('refuses edits before joining, after the stage, and of the doc’s structure — and keeps the text unchanged', async () => {
    const { meeting, ana, objectiveId, advance } = await meetingInKeyResults()
    const { keyResultId } = await ana.client.send({ type: 'proposeKeyResult', objectiveId, statement: 'NPS from 20 to 45' })
    const raw = await RawSocket.open(`${t.wsUrl}/${meeting.meetingId}/kr`, objectiveId)
    const doc = await raw.sync()
    await waitUntil(() => statementsOf(doc).has(keyResultId))
    const sendEdit = (edit: (d: Y.Doc) => void) => {
      const before = Y.encodeStateVector(doc)
      edit(doc)
      raw.sendUpdate(Y.encodeStateAsUpdate(doc, before))
    }
    sendEdit((d) => statementsOf(d).get(keyResultId)!.insert(0, 'anonymous '))
    await raw.nextApp((m) => m.kind === 'notice' && m.error.code === 'not_joined')

    raw.sendCommand({ id: 'hello-raw', type: 'hello', token: ana.token })
    await raw.nextApp((m) => m.kind === 'reply' && m.id === 'hello-raw' && m.ok)
    sendEdit((d) => d.getMap('sneaky').set('x', 1))
    await raw.nextApp((m) => m.kind === 'notice' && m.error.code === 'update_refused')
    sendEdit((d) => statementsOf(d).set('forged', new Y.Text('forged')))
    await raw.nextApp((m) => m.kind === 'notice' && m.error.code === 'update_refused')

    const reader = krDoc(meeting.meetingId, objectiveId, null)
    await synced(reader)
    expect(readStatement(reader.doc, keyResultId)).toBe('NPS from 20 to 45')
    expect([...statementsOf(reader.doc).keys()]).toEqual([keyResultId])

    await advance('keyResults')
    await waitFor(ana.client, () => viewOf(ana.client).stage === 'review')
    const a = krDoc(meeting.meetingId, objectiveId, ana.token)
    await synced(a)
    const encoder = encoding.createEncoder()
    const late = new Y.Doc()
    Y.applyUpdate(late, Y.encodeStateAsUpdate(a.doc))
    const sv = Y.encodeStateVector(late)
    statementsOf(late).get(keyResultId)!.insert(0, 'too late ')
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(late, sv))
    const raw2 = await RawSocket.open(`${t.wsUrl}/${meeting.meetingId}/kr`, objectiveId)
    await raw2.sync()
    raw2.send(encodeAppMessage({ id: 'hello-2', type: 'hello', token: ana.token }))
    await raw2.nextApp((m) => m.kind === 'reply' && m.id === 'hello-2')
    raw2.send(encoding.toUint8Array(encoder))
    await raw2.nextApp((m) => m.kind === 'notice' && m.error.code === 'wrong_stage')
    const reader2 = krDoc(meeting.meetingId, objectiveId, null)
    await synced(reader2)
    expect(readStatement(reader2.doc, keyResultId)).toBe('NPS from 20 to 45')
    raw.close()
    raw2.close()
  })

  it('has no document for an objective the vote did not choose (socket closed 4404)', async () => {
    const { meeting } = await meetingInKeyResults()
    const raw = await RawSocket.open(`${t.wsUrl}/${meeting.meetingId}/kr`, 'not-an-objective')
    expect((await raw.closed).code).toBe(4404)
  })

  it('accepts at most four key results per objective, only from the facilitator', async () => {
    const { facilitator, ana, objectiveId } = await meetingInKeyResults()
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await ana.client.send({ type: 'proposeKeyResult', objectiveId, statement: `KR ${i}` })).keyResultId)
    await expect(ana.client.send({ type: 'acceptKeyResult', keyResultId: ids[0]!, accepted: true })).rejects.toMatchObject({ code: 'forbidden' })
    for (const id of ids.slice(0, 4)) await facilitator.send({ type: 'acceptKeyResult', keyResultId: id, accepted: true })
    await expect(facilitator.send({ type: 'acceptKeyResult', keyResultId: ids[4]!, accepted: true })).rejects.toMatchObject({ code: 'limit_reached' })
  })

  it('publishes accepted key results with their statements, and serves the exports', async () => {
    const { meeting, facilitator, ana, objectiveId, advance } = await meetingInKeyResults()
    const { keyResultId } = await ana.client.send({ type: 'proposeKeyResult', objectiveId, statement: 'Trial-to-paid from 4 % to 7 %' })
    await ana.client.send({ type: 'updateKeyResult', keyResultId, baseline: '4', target: '7', unit: '%', owner: 'Ana', confidence: 3 })
    await facilitator.send({ type: 'acceptKeyResult', keyResultId, accepted: true })
    await advance('keyResults')
    await advance('review')
    await waitFor(facilitator, () => viewOf(facilitator).published !== null)
    const csvBytes = Buffer.from(await (await fetch(`${t.httpUrl}/api/meetings/${meeting.meetingId}/export.csv`)).arrayBuffer())
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // the BOM Excel needs, as sent on the wire
    const csv = csvBytes.subarray(3).toString('utf8')
    expect(csv).toContain('Make trials convert')
    expect(csv).toContain('Trial-to-paid from 4 % to 7 %,,4,7,%,Ana,3,red')
    const published = await (await fetch(`${t.httpUrl}/api/meetings/${meeting.meetingId}/published`)).json()
    expect(published.summary).toMatchObject({ participants: 2, submissions: 1 })
    expect((await fetch(`${t.httpUrl}/api/meetings/nonexistent12345/published`)).status).toBe(404)
  })
})

export type { MeetingClient }
