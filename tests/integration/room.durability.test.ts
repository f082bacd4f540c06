import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { MeetingClient } from '../../shared/client/MeetingClient.ts'
import { countPresence } from '../../shared/presence/roomCounts.ts'
import type { CreateMeetingResponse } from '../../shared/protocol/messages.ts'
import { startChildServer } from './helpers/childServer.ts'
import { readStoredMeeting } from './helpers/storedState.ts'
import {
  DEFAULT_MEETING,
  barrier,
  facilitatorOf,
  rosterEntryOf,
  hasView,
  joinAs,
  startTestServer,
  viewOf,
  waitFor,
  waitForEvent,
  waitUntil,
  type TestServer,
} from './helpers/testServer.ts'

const RECONNECT_TIMEOUT_MS = 10_000

let t: TestServer

beforeAll(async () => {
  t = await startTestServer()
})

afterEach(() => {
  t.closeClients()
})

afterAll(async () => {
  await t.close()
})

/**
 * Resolves once `client` has lost its socket, opened a new one, synced again and (if it holds a token) been
 * identified again by hello. Call it before the restart (a client that is not connected counts as dropped).
 */
function reconnected(client: MeetingClient): Promise<void> {
  return new Promise((resolve, reject) => {
    let hasDropped = client.status !== 'connected'
    let hasSyncedAgain = false
    let isIdentifiedAgain = !client.hasToken
    const check = () => {
      if (!hasDropped || !hasSyncedAgain || !isIdentifiedAgain || client.status !== 'connected') return
      cleanup()
      resolve()
    }
    const onStatus = (status: string) => {
      if (status === 'disconnected') hasDropped = true
      check()
    }
    const onSynced = (isSynced: boolean) => {
      if (hasDropped && isSynced) hasSyncedAgain = true
      check()
    }
    const onIdentity = (identity: unknown) => {
      if (hasDropped && identity !== null) isIdentifiedAgain = true
      check()
    }
    const timer = setTimeout(() => {
      cleanup()
      reject(new Error('client did not reconnect'))
    }, RECONNECT_TIMEOUT_MS)
    const cleanup = () => {
      clearTimeout(timer)
      client.off('status', onStatus)
      client.off('synced', onSynced)
      client.off('identity', onIdentity)
    }
    client.on('status', onStatus)
    client.on('synced', onSynced)
    client.on('identity', onIdentity)
  })
}

describe('restart (graceful)', () => {
  it('keeps every acknowledged command', async () => {
    const meeting = await t.createMeeting()
    const facilitator = await facilitatorOf(t, meeting)
    const ana = await joinAs(t, meeting.meetingId, 'Ana')
    const ben = await joinAs(t, meeting.meetingId, 'Ben')
    await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'mission' })
    await ana.client.send({ type: 'markDone', stage: 'submit', done: true })
    await ben.client.send({ type: 'rename', name: 'Benjamin' })
    const timer = await facilitator.send({ type: 'startTimer', seconds: 600 })

    await t.restart()

    const observer = t.client(meeting.meetingId, meeting.facilitatorToken)
    await waitFor(observer, () => observer.isSynced && hasView(observer))
    await waitFor(observer, () => observer.roster.length === 3)
    const view = viewOf(observer)
    expect(view.stage).toBe('submit')
    expect(view.timer).toEqual(timer)
    expect(view.presence).toMatchObject({ joined: 2, done: 1, doneStage: 'submit' })
    expect(rosterEntryOf(observer, ana.identity.participantId)).toMatchObject({ name: 'Ana', doneStage: 'submit' })
    expect(rosterEntryOf(observer, ben.identity.participantId)).toMatchObject({ name: 'Benjamin' })
    expect(readStoredMeeting(t.dataDir, meeting.meetingId).view.stage).toBe('submit')
  })

  it('lets existing clients reconnect, resync and carry on without being recreated', async () => {
    const meeting = await t.createMeeting()
    const facilitator = await facilitatorOf(t, meeting)
    const ana = await joinAs(t, meeting.meetingId, 'Ana')
    const back = Promise.all([reconnected(facilitator), reconnected(ana.client)])

    await t.restart()
    await back

    expect(facilitator.identity).toMatchObject({ role: 'facilitator' })
    expect(ana.client.identity?.participantId).toBe(ana.identity.participantId)
    expect(await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'mission' })).toEqual({ stage: 'submit' })
    await waitFor(ana.client, () => viewOf(ana.client).stage === 'submit')
    expect(await ana.client.send({ type: 'markDone', stage: 'submit', done: true })).toEqual({ done: true })
    await waitFor(facilitator, () => viewOf(facilitator).presence.done === 1 && rosterEntryOf(facilitator, ana.identity.participantId)?.doneStage === 'submit')
    // Presence was rebuilt from the reconnected sockets, not carried over from before the restart.
    await waitFor(facilitator, () => countPresence(viewOf(facilitator)).online === 1)
  })

  it('delivers, exactly once, a command sent while the server was restarting', async () => {
    const meeting = await t.createMeeting()
    const facilitator = await facilitatorOf(t, meeting)
    const ana = await joinAs(t, meeting.meetingId, 'Ana')
    const back = reconnected(facilitator)

    const restarting = t.restart()
    const advance = facilitator.send({ type: 'changeStage', move: 'advance', expected: 'mission' })
    await restarting
    await back

    expect(await advance).toEqual({ stage: 'submit' })
    await waitFor(ana.client, () => viewOf(ana.client).stage === 'submit')
    await barrier(facilitator)
    expect(viewOf(facilitator).stage).toBe('submit')
    expect(readStoredMeeting(t.dataDir, meeting.meetingId).view.stage).toBe('submit')
  })

  it('answers a command id resent after the restart from the log instead of applying it again', async () => {
    const meeting = await t.createMeeting()
    const facilitator = await facilitatorOf(t, meeting)
    const commandId = 'advance-from-mission-1'
    expect(await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'mission' }, commandId)).toEqual({
      stage: 'submit',
    })
    await waitFor(facilitator, () => viewOf(facilitator).stage === 'submit')
    const startedAt = viewOf(facilitator).stageStartedAt
    const back = reconnected(facilitator)

    await t.restart()
    await back

    // Applied again, this would be refused as stale (the meeting is no longer in mission).
    expect(await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'mission' }, commandId)).toEqual({
      stage: 'submit',
    })
    await barrier(facilitator)
    expect(viewOf(facilitator).stage).toBe('submit')
    expect(viewOf(facilitator).stageStartedAt).toBe(startedAt)
  })

  it('replays a join resent after the restart: same participant, a fresh token that works, the old one retired', async () => {
    const meeting = await t.createMeeting()
    const facilitator = await facilitatorOf(t, meeting)
    const first = t.client(meeting.meetingId)
    const joinId = 'join-ana-0001-0123456789abcdef'
    const original = await first.send({ type: 'join', name: 'Ana' }, joinId)
    t.disconnect(first)

    await t.restart()

    // The reply was "lost": a new socket resends the same join.
    const retry = t.client(meeting.meetingId)
    const replayed = await retry.send({ type: 'join', name: 'Ana' }, joinId)
    expect(replayed.participantId).toBe(original.participantId)
    expect(replayed.name).toBe('Ana')
    expect(replayed.token).not.toBe(original.token)
    expect(replayed.token.startsWith(`${original.participantId}.`)).toBe(true)

    const withNewToken = t.client(meeting.meetingId, replayed.token)
    await waitFor(withNewToken, () => withNewToken.identity !== null)
    expect(withNewToken.identity?.participantId).toBe(original.participantId)

    const withOldToken = t.client(meeting.meetingId, original.token)
    const [forgotten] = await waitForEvent<[string | null]>(withOldToken, 'token')
    expect(forgotten).toBeNull()

    await waitFor(facilitator, () => facilitator.isSynced && facilitator.roster.length === 2)
    const participants = facilitator.roster.filter((p) => p.role === 'participant')
    expect(participants.map((p) => [p.id, p.name])).toEqual([[original.participantId, 'Ana']])
  })
})

describe('kill -9', () => {
  const dataDirs: string[] = []
  const clients: MeetingClient[] = []

  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy()
    for (const d of dataDirs.splice(0)) rmSync(d, { recursive: true, force: true })
  })

  it('keeps every acknowledged command, and clients reconnect, resend and resync by themselves', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qd-kill-'))
    dataDirs.push(dataDir)
    let server = await startChildServer(dataDir)
    const wsUrl = server.wsUrl
    const newClient = (meetingId: string, token: string | null = null) => {
      const c = new MeetingClient({ serverUrl: wsUrl, meetingId, token, WebSocketPolyfill: WebSocket })
      clients.push(c)
      return c
    }
    try {
      const res = await fetch(`${server.httpUrl}/api/meetings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(DEFAULT_MEETING),
      })
      const meeting = (await res.json()) as CreateMeetingResponse
      const facilitator = newClient(meeting.meetingId, meeting.facilitatorToken)
      await waitFor(facilitator, () => facilitator.identity !== null && facilitator.isSynced)

      // Six people join, then each renames themselves over and over, one command at a time. (Six keeps the
      // clients, each with a process exit hook in y-websocket, under Node's listener warning.)
      const PEOPLE = 6
      const people = await Promise.all(
        Array.from({ length: PEOPLE }, async (_, i) => {
          const client = newClient(meeting.meetingId)
          const identity = await client.join(`P${i}-0`)
          return { i, client, participantId: identity.participantId, lastSent: 0, lastAcked: 0 }
        }),
      )
      let isStopping = false
      let acks = 0
      const loops = people.map(async (p) => {
        for (let k = 1; !isStopping; k++) {
          p.lastSent = k
          await p.client.send({ type: 'rename', name: `P${p.i}-${k}` })
          p.lastAcked = k
          acks++
        }
      })
      await waitUntil(() => acks >= 5 * PEOPLE, 10_000, 'renames acknowledged')
      // Commands in flight at the moment of the crash: a stage change and a join.
      const advance = facilitator.send({ type: 'changeStage', move: 'advance', expected: 'mission' })
      const latecomer = newClient(meeting.meetingId)
      const lateJoin = latecomer.join('Latecomer')
      const everyone = [facilitator, latecomer, ...people.map((p) => p.client)]
      const back = Promise.all(everyone.map(reconnected))

      await server.kill()
      isStopping = true

      // What the dead server left on disk holds every command it acknowledged.
      const stored = readStoredMeeting(dataDir, meeting.meetingId)
      for (const p of people) {
        const name = stored.people.find((q) => q.id === p.participantId)?.name ?? ''
        const storedK = Number(/^P\d+-(\d+)$/.exec(name)?.[1] ?? -1)
        expect(storedK).toBeGreaterThanOrEqual(p.lastAcked)
        expect(storedK).toBeLessThanOrEqual(p.lastSent)
      }

      server = await startChildServer(dataDir, server.port)
      await back

      // Every command that was in flight is answered once the server is back, and applied exactly once.
      await Promise.all(loops)
      expect(await advance).toEqual({ stage: 'submit' })
      const late = await lateJoin
      for (const p of people) expect(p.lastAcked).toBe(p.lastSent)

      const observer = newClient(meeting.meetingId, meeting.facilitatorToken)
      await waitFor(observer, () => observer.isSynced && hasView(observer) && countPresence(viewOf(observer)).online === PEOPLE + 1, 10_000)
      await waitFor(observer, () => observer.roster.length === PEOPLE + 2, 10_000)
      const view = viewOf(observer)
      expect(view.stage).toBe('submit')
      const participants = observer.roster.filter((p) => p.role === 'participant')
      expect(participants).toHaveLength(PEOPLE + 1)
      expect(participants.filter((p) => p.name === 'Latecomer').map((p) => p.id)).toEqual([late.participantId])
      for (const p of people) {
        expect(rosterEntryOf(observer, p.participantId)?.name).toBe(`P${p.i}-${p.lastSent}`)
        expect(p.client.identity?.participantId).toBe(p.participantId)
      }
      // The clients that lived through the crash converge on the same meeting, and each knows its own name.
      for (const c of everyone) {
        await waitFor(c, () => viewOf(c).stage === 'submit' && viewOf(c).presence.joined === PEOPLE + 1)
        expect(c.me?.name).toBe(rosterEntryOf(observer, c.identity?.participantId ?? '')?.name)
      }
    } finally {
      await server.kill()
    }
  }, 60_000)
})
