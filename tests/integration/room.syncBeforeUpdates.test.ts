import * as syncProtocol from 'y-protocols/sync'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { readMeetingView } from '../../shared/meeting/meetingDoc.ts'
import { RawSocket } from './helpers/rawSocket.ts'
import { barrier, facilitatorOf, startTestServer, viewOf, waitFor, type TestServer } from './helpers/testServer.ts'

let t: TestServer
const sockets: RawSocket[] = []

beforeAll(async () => {
  t = await startTestServer()
})

afterEach(() => {
  for (const s of sockets.splice(0)) s.close()
  t.closeClients()
})

afterAll(async () => {
  await t.close()
})

/**
 * An update sent to a socket that lacks the doc is held back by Yjs (its predecessors are missing) while its
 * deletions apply at once: a reconnecting client briefly saw the stage it replaced vanish, and the meeting with it.
 */
describe('a socket that has not synced yet', () => {
  it('receives no updates until it was sent its sync step 2, then the whole meeting in that answer', async () => {
    const meeting = await t.createMeeting()
    const facilitator = await facilitatorOf(t, meeting)
    const raw = await RawSocket.open(t.wsUrl, meeting.meetingId)
    sockets.push(raw)

    expect(await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'mission' })).toEqual({ stage: 'submit' })
    await facilitator.send({ type: 'startTimer', seconds: 60 })
    await waitFor(facilitator, () => viewOf(facilitator).timer !== null)
    await barrier(facilitator)
    expect(raw.frames.filter((f) => f.kind === 'sync')).toEqual([])

    const doc = await raw.sync()
    expect(readMeetingView(doc)?.stage).toBe('submit')
    const answers = raw.frames.filter((f) => f.kind === 'sync' && f.syncType === syncProtocol.messageYjsSyncStep2)
    expect(answers.length).toBeGreaterThan(0)

    // From then on it hears every change.
    await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'submit' })
    await raw.waitForFrame((f) => f.kind === 'sync' && f.syncType === syncProtocol.messageYjsUpdate)
    expect(readMeetingView(raw.doc)?.stage).toBe('group')
  })
})
