import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateMeetingResponse, ServerMessage } from '../../../shared/protocol/messages.ts'
import type { RawSocket } from '../helpers/rawSocket.ts'
import { facilitatorOf, viewOf, waitFor } from '../helpers/testServer.ts'
import { closeArena, closedOrAlive, commandId, expectUnharmed, openArena, rawBarrier, snapshot, storedRows, type Arena } from './arena.ts'

let arena: Arena
/** A second meeting, whose tokens must mean nothing in the arena's meeting. */
let other: CreateMeetingResponse
let otherParticipantToken: string
/** A participant of the arena's meeting, on a raw socket: the one who tries what participants may not. */
let mallory: RawSocket
let malloryToken: string

const id = commandId

beforeAll(async () => {
  arena = await openArena()
  other = await arena.t.createMeeting({ title: 'Another company' })
  const otherSocket = await arena.open(other.meetingId)
  otherParticipantToken = tokenOf(await otherSocket.request({ id: id('join'), type: 'join', name: 'Oscar' }))
  mallory = await arena.open()
  malloryToken = tokenOf(await mallory.request({ id: id('join'), type: 'join', name: 'Mallory' }))
})

afterAll(async () => {
  await closeArena(arena)
})

function tokenOf(reply: ServerMessage): string {
  if (reply.kind !== 'reply' || !reply.ok) throw new Error(`join failed: ${JSON.stringify(reply)}`)
  return (reply.result as { token: string }).token
}

/** Sends `command` on `socket` and returns the refusal's code (failing the test if it was accepted). */
async function refusalCode(socket: RawSocket, command: Record<string, unknown>): Promise<string> {
  const commandId = id(String(command.type))
  const reply = await socket.request({ ...command, id: commandId })
  if (reply.kind !== 'reply' || reply.ok) throw new Error(`expected a refusal, got ${JSON.stringify(reply)}`)
  return reply.error.code
}

describe('a participant trying what only the facilitator may do', () => {
  it.each([
    [{ type: 'changeStage', move: 'advance', expected: 'mission' }],
    [{ type: 'changeStage', move: 'back', expected: 'mission' }],
    [{ type: 'startTimer', seconds: 60 }],
    [{ type: 'stopTimer' }],
    [{ type: 'updateSettings', isOpenSubmissions: true }],
    [{ type: 'readAudit' }],
  ])('is refused with forbidden: %j', async (command) => {
    const before = await snapshot(arena)
    expect(await refusalCode(mallory, command)).toBe('forbidden')
    await expectUnharmed(arena, before)
  })

  it('is refused in the wrong stage: markDone and proposals in the mission stage', async () => {
    const before = await snapshot(arena)
    expect(await refusalCode(mallory, { type: 'markDone', stage: 'mission', done: true })).toBe('wrong_stage')
    expect(await refusalCode(mallory, { type: 'markDone', stage: 'submit', done: true })).toBe('wrong_stage')
    expect(await refusalCode(mallory, { type: 'submitObjective', title: 'Take over', why: '' })).toBe('wrong_stage')
    await expectUnharmed(arena, before)
  })

  it('cannot join a second time on a socket that already has an identity', async () => {
    const before = await snapshot(arena)
    expect(await refusalCode(mallory, { type: 'join', name: 'Mallory again' })).toBe('forbidden')
    await expectUnharmed(arena, before)
  })
})

describe('the facilitator, in the wrong stage or out of turn', () => {
  it('is refused a stale stage move, a move before the first stage, and marking themselves done', async () => {
    const facilitator = await arena.openAs(arena.meeting.facilitatorToken)
    const before = await snapshot(arena)
    expect(await refusalCode(facilitator, { type: 'changeStage', move: 'advance', expected: 'vote' })).toBe('stale_stage')
    expect(await refusalCode(facilitator, { type: 'changeStage', move: 'back', expected: 'mission' })).toBe('no_previous_stage')
    expect(await refusalCode(facilitator, { type: 'markDone', stage: 'mission', done: true })).toBe('forbidden')
    await expectUnharmed(arena, before)
  })
})

describe('someone without an identity', () => {
  it('is refused every command that needs one with not_joined', async () => {
    const anonymous = await arena.open()
    const before = await snapshot(arena)
    for (const command of [
      { type: 'rename', name: 'Nobody' },
      { type: 'markDone', stage: 'mission', done: true },
      { type: 'changeStage', move: 'advance', expected: 'mission' },
      { type: 'startTimer', seconds: 60 },
      { type: 'submitObjective', title: 'Anonymous idea', why: '' },
    ]) {
      expect(await refusalCode(anonymous, command)).toBe('not_joined')
    }
    await expectUnharmed(arena, before)
  })
})

describe('replayed and forged tokens', () => {
  it('refuses a token from another meeting with invalid_token, and the socket stays anonymous', async () => {
    const socket = await arena.open()
    const before = await snapshot(arena)
    expect(await refusalCode(socket, { type: 'hello', token: otherParticipantToken })).toBe('invalid_token')
    expect(await refusalCode(socket, { type: 'hello', token: other.facilitatorToken })).toBe('invalid_token')
    expect(await refusalCode(socket, { type: 'rename', name: 'Oscar in disguise' })).toBe('not_joined')
    await expectUnharmed(arena, before)
  })

  it('refuses garbled tokens: a wrong secret, a borrowed secret, a missing secret', async () => {
    const socket = await arena.open()
    const before = await snapshot(arena)
    const [facilitatorId] = arena.meeting.facilitatorToken.split('.')
    const [, mallorySecret] = malloryToken.split('.')
    const garbled = [
      `${facilitatorId}.${'A'.repeat(43)}`,
      `${facilitatorId}.${mallorySecret}`,
      `${arena.observer.identity.participantId}.${mallorySecret}`,
      `${facilitatorId}.....`,
      `${facilitatorId}${'x'.repeat(20)}`,
      `.${facilitatorId}${'x'.repeat(20)}`,
      malloryToken.slice(0, -1) + (malloryToken.endsWith('A') ? 'B' : 'A'),
    ]
    for (const token of garbled) {
      expect({ token, code: await refusalCode(socket, { type: 'hello', token }) }).toEqual({ token, code: 'invalid_token' })
    }
    // Tokens that are not even token-shaped are refused by the schema.
    for (const token of [`${facilitatorId}.`, 'short', 'has spaces in it but is long', 'x'.repeat(500), 42]) {
      expect(await refusalCode(socket, { type: 'hello', token })).toBe('bad_command')
    }
    expect(await refusalCode(socket, { type: 'changeStage', move: 'advance', expected: 'mission' })).toBe('not_joined')
    await expectUnharmed(arena, before)
  })

  it('refuses a facilitator command sent with a participant token', async () => {
    const socket = await arena.openAs(malloryToken)
    const before = await snapshot(arena)
    expect(await refusalCode(socket, { type: 'changeStage', move: 'advance', expected: 'mission' })).toBe('forbidden')
    expect(await refusalCode(socket, { type: 'startTimer', seconds: 120 })).toBe('forbidden')
    // A failed hello with the facilitator's id does not change who the socket is.
    const [facilitatorId] = arena.meeting.facilitatorToken.split('.')
    expect(await refusalCode(socket, { type: 'hello', token: `${facilitatorId}.${'B'.repeat(43)}` })).toBe('invalid_token')
    expect(await refusalCode(socket, { type: 'changeStage', move: 'advance', expected: 'mission' })).toBe('forbidden')
    expect(await closedOrAlive(socket)).toBeNull()
    await expectUnharmed(arena, before)
  })

  it('answers a reused command id from another person as theirs, never with someone else’s result', async () => {
    const ana = await arena.open()
    const ben = await arena.open()
    const anaToken = tokenOf(await ana.request({ id: id('join'), type: 'join', name: 'Ana' }))
    const benJoin = await ben.request({ id: id('join'), type: 'join', name: 'Ben' })
    tokenOf(benJoin)
    const shared = 'same-id-for-both'
    expect(await ana.request({ id: shared, type: 'rename', name: 'Ana Renamed' })).toMatchObject({ ok: true, result: { name: 'Ana Renamed' } })
    expect(await ben.request({ id: shared, type: 'rename', name: 'Ben Renamed' })).toMatchObject({ ok: true, result: { name: 'Ben Renamed' } })
    // Ana's resend of the same id is answered from the log, not applied again over a newer name.
    expect(await ana.request({ id: 'later', type: 'rename', name: 'Ana Later' })).toMatchObject({ ok: true })
    expect(await ana.request({ id: shared, type: 'rename', name: 'Ana Renamed' })).toMatchObject({ ok: true, result: { name: 'Ana Renamed' } })
    const facilitator = arena.facilitator
    await waitFor(facilitator, () => facilitator.roster.some((p) => p.name === 'Ben Renamed'))
    await waitFor(facilitator, () => facilitator.roster.some((p) => p.name === 'Ana Later'))
    const names = facilitator.roster.map((p) => p.name)
    expect(names).toContain('Ana Later')
    expect(names).not.toContain('Ana Renamed')
    expect(anaToken).not.toBe(malloryToken)
  })
})

describe('a published meeting', () => {
  it('refuses joins, stage moves back and done marks', async () => {
    const published = await arena.t.createMeeting({ title: 'Done and dusted' })
    // Arrange a published meeting server-side: getting there (votes, key results) is other suites' business.
    const room = arena.t.server.rooms.get(published.meetingId)
    if (!room) throw new Error('meeting not loaded')
    room.doc.transact(() => room.maps.meeting.set('stage', { stage: 'published', startedAt: Date.now() }))
    const facilitator = await facilitatorOf(arena.t, published)
    await waitFor(facilitator, () => viewOf(facilitator).stage === 'published')
    const arenaBefore = await snapshot(arena)
    const late = await arena.open(published.meetingId)
    const fac = await arena.openAs(published.facilitatorToken, published.meetingId)
    await rawBarrier(fac)
    const before = storedRows(arena.t.dataDir, published.meetingId)
    expect(await refusalCode(late, { type: 'join', name: 'Latecomer' })).toBe('wrong_stage')
    expect(await refusalCode(fac, { type: 'changeStage', move: 'back', expected: 'published' })).toBe('published_is_final')
    expect(await refusalCode(fac, { type: 'changeStage', move: 'advance', expected: 'published' })).toBe('no_next_stage')
    expect(await refusalCode(fac, { type: 'markDone', stage: 'published', done: true })).toBe('forbidden')
    expect(await closedOrAlive(fac)).toBeNull()
    expect(storedRows(arena.t.dataDir, published.meetingId)).toEqual(before)
    await expectUnharmed(arena, arenaBefore)
  })
})
