import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { MESSAGE_SYNC } from '../../../shared/protocol/wire.ts'
import { RawSocket } from '../helpers/rawSocket.ts'
import { facilitatorOf, joinAs, startTestServer, waitFor, waitUntil, type TestServer } from '../helpers/testServer.ts'
import { commandId } from '../hostile/arena.ts'
import type { ServerMessage } from '../../../shared/protocol/messages.ts'

let t: TestServer | undefined
const sockets: RawSocket[] = []
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close()
  await t?.close()
  t = undefined
})

async function open(meetingId: string): Promise<RawSocket> {
  const socket = await RawSocket.open((t as TestServer).wsUrl, meetingId)
  sockets.push(socket)
  return socket
}

/** A sync step 1 claiming a state vector of made-up clients: the server cannot answer it from "nothing new". */
function fakeSyncRequest(seed: number): Uint8Array {
  const sv = encoding.createEncoder()
  encoding.writeVarUint(sv, 3)
  for (let i = 0; i < 3; i++) {
    encoding.writeVarUint(sv, 1_000_000 + seed * 10 + i)
    encoding.writeVarUint(sv, 7)
  }
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1)
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(sv))
  return encoding.toUint8Array(encoder)
}

function replyCode(m: ServerMessage): string {
  if (m.kind === 'reply') return m.ok ? 'ok' : m.error.code
  return m.kind === 'notice' ? m.error.code : m.kind
}

describe('sync requests are limited per socket (issue 15, amplification)', () => {
  it('answers the first sync request and a few repeats, then refuses repeats with rate_limited', async () => {
    t = await startTestServer()
    const meeting = await t.createMeeting()
    const socket = await open(meeting.meetingId)
    for (let i = 0; i < 10; i++) socket.send(fakeSyncRequest(i))
    const notice = await socket.nextApp((m) => m.kind === 'notice' && m.error.code === 'rate_limited')
    expect(notice.kind === 'notice' && notice.error.message).toMatch(/sync requests/)
    await waitUntil(() => socket.frames.filter((f) => f.kind === 'app').length >= 6, 2000, 'six refusals')
    const answered = socket.frames.filter((f) => f.kind === 'sync' && f.syncType === syncProtocol.messageYjsSyncStep2).length
    expect(answered).toBe(4) // the first, then a burst of three repeats
  })
})

describe('joins are limited per address, and the facilitator can lock the meeting and remove people (issue 15)', () => {
  it('refuses joins past the per-address burst with rate_limited and a wait', async () => {
    t = await startTestServer({ joinBurstPerAddress: 3, joinsPerMinutePerAddress: 1 })
    const meeting = await t.createMeeting()
    const codes: string[] = []
    for (let i = 0; i < 5; i++) {
      const socket = await open(meeting.meetingId)
      codes.push(replyCode(await socket.request({ id: commandId('join-flood-xxxxxxxxxxxxxxxx'), type: 'join', name: `Bot ${i}` })))
    }
    expect(codes).toEqual(['ok', 'ok', 'ok', 'rate_limited', 'rate_limited'])
  })

  it('refuses every join with meeting_locked while locked, and lets people in again once unlocked', async () => {
    t = await startTestServer()
    const meeting = await t.createMeeting()
    const facilitator = await facilitatorOf(t, meeting)
    await facilitator.send({ type: 'updateSettings', isJoinLocked: true })
    const socket = await open(meeting.meetingId)
    const refused = await socket.request({ id: commandId('join-locked-xxxxxxxxxxxxxxxx'), type: 'join', name: 'Late Larry' })
    expect(replyCode(refused)).toBe('meeting_locked')
    await facilitator.send({ type: 'updateSettings', isJoinLocked: false })
    expect(replyCode(await socket.request({ id: commandId('join-open-xxxxxxxxxxxxxxxxxx'), type: 'join', name: 'Late Larry' }))).toBe('ok')
  })

  it('removes people: their tab is closed, their link stops working and the count drops', async () => {
    t = await startTestServer()
    const meeting = await t.createMeeting()
    const facilitator = await facilitatorOf(t, meeting)
    const bot = await joinAs(t, meeting.meetingId, 'Bot One')
    const stays = await joinAs(t, meeting.meetingId, 'Real Person')
    await waitFor(facilitator, () => facilitator.roster.filter((p) => p.role === 'participant').length === 2)
    const raw = await open(meeting.meetingId)
    expect(replyCode(await raw.request({ id: commandId('hello'), type: 'hello', token: bot.token }))).toBe('ok')
    expect(await facilitator.send({ type: 'removeParticipants', participantIds: [bot.identity.participantId] })).toEqual({ removed: 1 })
    expect((await raw.closed).code).toBe(4403)
    const again = await open(meeting.meetingId)
    expect(replyCode(await again.request({ id: commandId('hello'), type: 'hello', token: bot.token }))).toBe('invalid_token')
    await waitFor(facilitator, () => facilitator.roster.filter((p) => p.role === 'participant').length === 1)
    expect(stays.client.identity?.participantId).toBe(stays.identity.participantId)
  })
})

describe('messages are limited per participant, not only per socket (issue 15)', () => {
  it('gives one token on many sockets one person’s budget (production rate limits)', async () => {
    t = await startTestServer()
    const meeting = await t.createMeeting()
    const person = await joinAs(t, meeting.meetingId, 'Many Tabs')
    const tabs = await Promise.all(Array.from({ length: 10 }, () => open(meeting.meetingId)))
    for (const tab of tabs) expect(replyCode(await tab.request({ id: commandId('hello'), type: 'hello', token: person.token }))).toBe('ok')
    const started = performance.now()
    const ids = tabs.map((tab, i) =>
      Array.from({ length: 50 }, (_, k) => {
        const id = commandId(`q${i}-${k}`)
        tab.sendCommand({ id, type: 'findPeople', query: 'x', limit: 1 })
        return id
      }),
    )
    let accepted = 0
    for (const [i, tab] of tabs.entries()) {
      for (const id of ids[i] as string[]) {
        const reply = await tab.nextApp((m) => m.kind === 'reply' && m.id === id)
        if (replyCode(reply) === 'ok') accepted++
      }
    }
    // 500 sent; one socket alone may send 60 at once, one person 120 (plus 40 a second refilled meanwhile).
    const seconds = (performance.now() - started) / 1000
    expect(accepted).toBeLessThanOrEqual(120 + Math.ceil(40 * seconds) + 1)
    expect(accepted).toBeLessThan(500)
    expect(accepted).toBeGreaterThanOrEqual(120)
  })
})

describe('frame deadlines (issue 15, exhaustion)', () => {
  it('drops a socket whose frame arrives a byte at a time, and one that never completes a first message', async () => {
    t = await startTestServer({ frameTimeoutMs: 300 })
    const meeting = await t.createMeeting()
    const observer = await joinAs(t, meeting.meetingId, 'Patient Pat')

    const trickler = new WebSocket(`${t.wsUrl}/${meeting.meetingId}`)
    await new Promise((resolve) => trickler.once('open', resolve))
    const closed = new Promise<number>((resolve) => trickler.once('close', (code) => resolve(code)))
    // A masked binary frame of 10 bytes, of which only the header and 2 bytes ever arrive.
    const raw = (trickler as unknown as { _socket: { write(b: Buffer): void } })._socket
    raw.write(Buffer.from([0x82, 0x8a, 1, 2, 3, 4]))
    raw.write(Buffer.from([0]))
    raw.write(Buffer.from([0]))
    expect(await closed).toBe(1006)

    const silent = new WebSocket(`${t.wsUrl}/${meeting.meetingId}`)
    const silentClosed = new Promise<number>((resolve) => silent.once('close', (code) => resolve(code)))
    expect(await silentClosed).toBe(1006)

    // Someone who talks normally is not affected.
    await observer.client.send({ type: 'findPeople', query: 'Pat', limit: 1 })
    expect(observer.client.status).toBe('connected')
  })
})
