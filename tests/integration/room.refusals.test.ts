import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { meetingMaps } from '../../shared/meeting/meetingDoc.ts'
import { MAX_COMMAND_BYTES, MAX_FRAME_BYTES } from '../../shared/protocol/limits.ts'
import { MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_SYNC } from '../../shared/protocol/wire.ts'
import type { CreateMeetingResponse } from '../../shared/protocol/messages.ts'
import { RawSocket, frameOf } from './helpers/rawSocket.ts'
import { readStoredMeeting } from './helpers/storedState.ts'
import { barrier, facilitatorOf, joinAs, startTestServer, viewOf, type TestServer } from './helpers/testServer.ts'

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

async function open(meetingId: string): Promise<RawSocket> {
  const socket = await RawSocket.open(t.wsUrl, meetingId)
  sockets.push(socket)
  return socket
}

/** A raw socket that has joined `meeting` as a participant. */
async function joinedSocket(meeting: CreateMeetingResponse, name = 'Mallory'): Promise<RawSocket> {
  const socket = await open(meeting.meetingId)
  const reply = await socket.request({ id: `join-${name}-0123456789abcdef`, type: 'join', name })
  expect(reply).toMatchObject({ kind: 'reply', ok: true })
  return socket
}

/**
 * Round trip on a raw socket: a command that is refused at parse time. Everything the socket sent before it has
 * been handled, committed and broadcast once its reply arrives.
 */
async function rawBarrier(socket: RawSocket): Promise<void> {
  const reply = await socket.request({ id: 'barrier', type: 'startTimer', seconds: 1 })
  expect(reply).toMatchObject({ ok: false, error: { code: 'bad_command' } })
}

/** Snapshot of what the server stored and what an observing facilitator sees. */
async function snapshot(meeting: CreateMeetingResponse, observer: Awaited<ReturnType<typeof facilitatorOf>>) {
  await barrier(observer)
  return { stored: readStoredMeeting(t.dataDir, meeting.meetingId).update, view: viewOf(observer) }
}

describe('malformed and forbidden messages', () => {
  it('refuses a command that is not valid JSON with a notice, and keeps the socket open', async () => {
    const meeting = await t.createMeeting()
    const socket = await open(meeting.meetingId)
    socket.sendAppText('{"id":"x1","type":"join","name":')
    const message = await socket.nextMessage()
    expect(message).toEqual({ kind: 'notice', error: { code: 'bad_message', message: 'The command is not valid JSON.' } })
    const reply = await socket.request({ id: 'after-0123456789abcdef0123', type: 'join', name: 'Still here' })
    expect(reply).toMatchObject({ kind: 'reply', id: 'after-0123456789abcdef0123', ok: true })
  })

  it('refuses an unknown message type', async () => {
    const meeting = await t.createMeeting()
    const socket = await open(meeting.meetingId)
    socket.send(frameOf(7, 1, 2, 3))
    expect(await socket.nextMessage()).toEqual({
      kind: 'notice',
      error: { code: 'bad_message', message: 'Unknown message type 7.' },
    })
  })

  it('refuses the y-websocket auth message: identity goes through hello', async () => {
    const meeting = await t.createMeeting()
    const socket = await open(meeting.meetingId)
    socket.send(frameOf(MESSAGE_AUTH, 0))
    expect(await socket.nextMessage()).toMatchObject({ kind: 'notice', error: { code: 'bad_message' } })
  })

  it('ignores awareness messages without relaying them to anyone', async () => {
    const meeting = await t.createMeeting()
    const sender = await open(meeting.meetingId)
    const listener = await open(meeting.meetingId)
    sender.send(frameOf(MESSAGE_AWARENESS, 1, 2, 3))
    await rawBarrier(sender)
    await rawBarrier(listener)
    expect(listener.frames.filter((f) => f.kind === 'other')).toEqual([])
    expect(sender.frames.filter((f) => f.kind === 'app' && f.message.kind === 'notice')).toEqual([])
  })

  it('answers a schema-invalid command with bad_command, naming the field and echoing the id', async () => {
    const meeting = await t.createMeeting()
    const socket = await open(meeting.meetingId)
    const reply = await socket.request({ id: 'bad-1-0123456789abcdef0123', type: 'join', name: 'x'.repeat(61) })
    expect(reply).toEqual({
      kind: 'reply',
      id: 'bad-1-0123456789abcdef0123',
      ok: false,
      error: { code: 'bad_command', message: 'Name is at most 60 characters.' },
    })
  })

  it.each([
    ['an unknown command type', { id: 'c1', type: 'deleteMeeting' }],
    ['an extra key', { id: 'c1', type: 'join', name: 'Ana', role: 'facilitator' }],
    ['a wrong type', { id: 'c1', type: 'markDone', stage: 'submit', done: 'yes' }],
    ['a control character in a name', { id: 'c1', type: 'join', name: 'Ana\u0000' }],
  ])('refuses %s with bad_command and changes nothing', async (_label, command) => {
    const meeting = await t.createMeeting()
    const observer = await facilitatorOf(t, meeting)
    const before = await snapshot(meeting, observer)
    const socket = await open(meeting.meetingId)
    const reply = await socket.request(command)
    expect(reply).toMatchObject({ kind: 'reply', id: 'c1', ok: false, error: { code: 'bad_command' } })
    expect(await snapshot(meeting, observer)).toEqual(before)
  })

  it('answers a command that is not an object with a reply without id', async () => {
    const meeting = await t.createMeeting()
    const socket = await open(meeting.meetingId)
    socket.sendCommand(['join', 'Ana'])
    expect(await socket.nextMessage()).toMatchObject({ kind: 'reply', id: null, ok: false, error: { code: 'bad_command' } })
    socket.sendCommand(null)
    expect(await socket.nextMessage()).toMatchObject({ kind: 'reply', id: null, ok: false, error: { code: 'bad_command' } })
  })

  it.each([
    ['changeStage', { type: 'changeStage', move: 'advance', expected: 'mission' }],
    ['markDone', { type: 'markDone', stage: 'mission', done: true }],
    ['rename', { type: 'rename', name: 'Ghost' }],
    ['startTimer', { type: 'startTimer', seconds: 60 }],
    ['stopTimer', { type: 'stopTimer' }],
  ])('refuses %s before join with not_joined and changes nothing', async (_label, command) => {
    const meeting = await t.createMeeting()
    const observer = await facilitatorOf(t, meeting)
    const before = await snapshot(meeting, observer)
    const socket = await open(meeting.meetingId)
    const reply = await socket.request({ id: 'anon-1', ...command })
    expect(reply).toMatchObject({ kind: 'reply', id: 'anon-1', ok: false, error: { code: 'not_joined' } })
    expect(await snapshot(meeting, observer)).toEqual(before)
  })

  it('refuses a command over the size limit before parsing it', async () => {
    const meeting = await t.createMeeting()
    const socket = await open(meeting.meetingId)
    socket.sendCommand({ id: 'big', type: 'join', name: 'x'.repeat(MAX_COMMAND_BYTES) })
    expect(await socket.nextMessage()).toMatchObject({ kind: 'notice', error: { code: 'too_large' } })
  })

  it('closes the socket on a frame over the frame limit (1009)', async () => {
    const meeting = await t.createMeeting()
    const socket = await open(meeting.meetingId)
    socket.send(new Uint8Array(MAX_FRAME_BYTES + 1))
    expect((await socket.closed).code).toBe(1009)
  })

  it('closes the socket on a text frame (1003)', async () => {
    const meeting = await t.createMeeting()
    const socket = await open(meeting.meetingId)
    socket.sendText('{"id":"t1","type":"join","name":"Ana"}')
    expect(await socket.closed).toEqual({ code: 1003, reason: 'Binary frames only.' })
  })

  it('closes the socket on an empty frame (1007)', async () => {
    const meeting = await t.createMeeting()
    const socket = await open(meeting.meetingId)
    socket.send(new Uint8Array(0))
    expect((await socket.closed).code).toBe(1007)
  })

  it('closes the socket on a truncated sync message (1007)', async () => {
    const meeting = await t.createMeeting()
    const socket = await open(meeting.meetingId)
    socket.send(frameOf(MESSAGE_SYNC, 0, 5, 1))
    expect((await socket.closed).code).toBe(1007)
  })

  it('refuses an unknown sync message type', async () => {
    const meeting = await t.createMeeting()
    const socket = await open(meeting.meetingId)
    socket.send(frameOf(MESSAGE_SYNC, 9, 0))
    expect(await socket.nextMessage()).toMatchObject({ kind: 'notice', error: { code: 'bad_message' } })
  })
})

describe('client Yjs updates to the meeting doc', () => {
  it('refuses an update that changes the meeting, and the stored meeting stays exactly as it was', async () => {
    const meeting = await t.createMeeting()
    const observer = await facilitatorOf(t, meeting)
    const socket = await joinedSocket(meeting)
    const doc = await socket.sync()
    expect(meetingMaps(doc).meeting.get('stage')).toMatchObject({ stage: 'mission' })
    const before = await snapshot(meeting, observer)

    // A client promoting itself and jumping to "published", sent as y-websocket would send a local change.
    const attacker = new Y.Doc()
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(doc))
    const sentUpdates: Uint8Array[] = []
    attacker.on('update', (u: Uint8Array) => sentUpdates.push(u))
    attacker.transact(() => {
      meetingMaps(attacker).meeting.set('stage', { stage: 'published', startedAt: 0 })
      meetingMaps(attacker).meeting.set('presence', { joined: 0, online: 0, doneStage: 'mission', done: 0, votedRound: 0, voted: 0 })
    })
    expect(sentUpdates).toHaveLength(1)
    socket.sendUpdate(sentUpdates[0] as Uint8Array)

    expect(await socket.nextMessage()).toEqual({
      kind: 'notice',
      error: { code: 'update_refused', message: 'The meeting document is read-only: changes go through commands.' },
    })
    await rawBarrier(socket)
    const after = await snapshot(meeting, observer)
    expect(after).toEqual(before)
    expect(Y.decodeStateVector(Y.encodeStateVector(readStoredMeeting(t.dataDir, meeting.meetingId).doc)).has(attacker.clientID)).toBe(false)
    expect(viewOf(observer).stage).toBe('mission')
    expect(meetingMaps(socket.doc).meeting.get('stage')).toMatchObject({ stage: 'mission' })
  })

  it('refuses an update that only deletes (removing the meeting record)', async () => {
    const meeting = await t.createMeeting()
    const observer = await facilitatorOf(t, meeting)
    const socket = await open(meeting.meetingId)
    const doc = await socket.sync()
    const before = await snapshot(meeting, observer)

    const attacker = new Y.Doc()
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(doc))
    const sentUpdates: Uint8Array[] = []
    attacker.on('update', (u: Uint8Array) => sentUpdates.push(u))
    meetingMaps(attacker).meeting.delete('record')
    expect(Y.decodeUpdate(sentUpdates[0] as Uint8Array).structs).toHaveLength(0)
    socket.sendUpdate(sentUpdates[0] as Uint8Array)

    expect(await socket.nextMessage()).toMatchObject({ kind: 'notice', error: { code: 'update_refused' } })
    await rawBarrier(socket)
    expect(await snapshot(meeting, observer)).toEqual(before)
    expect(meetingMaps(observer.doc).meeting.has('record')).toBe(true)
  })

  it('refuses the same write sent as a sync step 2', async () => {
    const meeting = await t.createMeeting()
    const observer = await facilitatorOf(t, meeting)
    const socket = await open(meeting.meetingId)
    const doc = await socket.sync()
    const before = await snapshot(meeting, observer)
    const attacker = new Y.Doc()
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(doc))
    meetingMaps(attacker).meeting.set('title', 'Hacked')
    socket.sendSyncStep2(attacker)
    expect(await socket.nextMessage()).toMatchObject({ kind: 'notice', error: { code: 'update_refused' } })
    await rawBarrier(socket)
    expect(await snapshot(meeting, observer)).toEqual(before)
    expect(viewOf(observer).title).toBe('Company OKRs')
  })

  it('refuses bytes that are not a Yjs update', async () => {
    const meeting = await t.createMeeting()
    const socket = await open(meeting.meetingId)
    socket.sendUpdate(new Uint8Array([1, 2, 3]))
    expect(await socket.nextMessage()).toEqual({
      kind: 'notice',
      error: { code: 'update_refused', message: 'The update is not a valid Yjs update.' },
    })
  })

  it('accepts, silently, a synced client sending back the state it got from the server', async () => {
    const meeting = await t.createMeeting()
    await joinAs(t, meeting.meetingId, 'Ana')
    const socket = await open(meeting.meetingId)
    const doc = await socket.sync()
    socket.sendSyncStep2(doc)
    socket.sendUpdate(Y.encodeStateAsUpdate(doc))
    await rawBarrier(socket)
    const notices = socket.frames.filter((f) => f.kind === 'app' && f.message.kind === 'notice')
    expect(notices).toEqual([])
  })

  it('keeps a standard client that wrote to its doc from changing anyone else’s view', async () => {
    const meeting = await t.createMeeting()
    const observer = await facilitatorOf(t, meeting)
    const ana = await joinAs(t, meeting.meetingId, 'Ana')
    const before = await snapshot(meeting, observer)
    const refusal = new Promise<string>((resolve) => ana.client.on('notice', (e) => resolve(e.code)))
    // A tampering browser writes straight into its Y.Doc; y-websocket forwards the change to the server.
    meetingMaps(ana.client.doc).meeting.set('stage', { stage: 'vote', startedAt: 0 })
    expect(await refusal).toBe('update_refused')
    await barrier(ana.client)
    expect(await snapshot(meeting, observer)).toEqual(before)
    expect(viewOf(observer).stage).toBe('mission')
  })
})

describe('sockets to meetings that do not exist', () => {
  it('closes a socket to an unknown meeting with code 4404', async () => {
    const socket = await open('NoSuchMeeting00000000')
    expect(await socket.closed).toEqual({ code: 4404, reason: 'No such meeting.' })
  })

  it('refuses the upgrade for a malformed meeting path', async () => {
    await expect(RawSocket.open(t.wsUrl, 'bad!id')).rejects.toThrow('unexpected response 404')
  })

  it('stops a MeetingClient from retrying an unknown meeting', async () => {
    const client = t.client('NoSuchMeeting11111111')
    const closed = await new Promise<{ code: number }>((resolve) => client.provider.on('closed', (e) => resolve(e)))
    expect(closed.code).toBe(4404)
    expect(client.provider.shouldConnect).toBe(false)
  })
})
