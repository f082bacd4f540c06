import { connect } from 'node:net'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { loadConfig } from '../../../server/config.ts'
import { CommandFailure, MeetingClient } from '../../../shared/client/MeetingClient.ts'
import type { ServerMessage } from '../../../shared/protocol/messages.ts'
import { MAX_OBJECTIVE_TITLE_LENGTH, MAX_OBJECTIVE_WHY_LENGTH } from '../../../shared/submissions/submissionTypes.ts'
import { RawSocket } from '../helpers/rawSocket.ts'
import { hasView, joinAs, waitFor, waitUntil } from '../helpers/testServer.ts'
import { closeArena, closedOrAlive, commandId, expectServing, expectUnharmed, openArena, rawBarrier, snapshot, storedRows, type Arena } from './arena.ts'

const DEFAULTS = loadConfig({})
let arena: Arena | undefined

afterEach(async () => {
  await closeArena(arena)
  arena = undefined
})

function joinReply(reply: ServerMessage): { participantId: string; token: string } {
  if (reply.kind !== 'reply' || !reply.ok) throw new Error(`join failed: ${JSON.stringify(reply)}`)
  return reply.result as { participantId: string; token: string }
}

/** A string as lib0 encodes it inside a Yjs update: its length, then UTF-8. */
function varStringBytes(text: string): Buffer {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, text)
  return Buffer.from(encoding.toUint8Array(encoder))
}

/** Collects the replies to `ids` on `socket`, in arrival order. */
async function repliesTo(socket: RawSocket, ids: readonly string[]): Promise<Map<string, ServerMessage>> {
  const wanted = new Set(ids)
  const replies = new Map<string, ServerMessage>()
  while (replies.size < wanted.size) {
    const message = await socket.nextApp((m) => m.kind === 'reply' && m.id !== null && wanted.has(m.id))
    if (message.kind === 'reply' && message.id !== null) replies.set(message.id, message)
  }
  return replies
}

describe('the per-connection rate limit (production defaults)', () => {
  it('refuses commands over the limit with rate_limited, names them, and applies none of them', async () => {
    // The arena's own robots stay under the defaults here: a few round trips per check.
    arena = await openArena({
      rateLimitMessagesPerSecond: DEFAULTS.rateLimitMessagesPerSecond,
      rateLimitBurst: DEFAULTS.rateLimitBurst,
    })
    const a = arena
    const eager = await a.open()
    const { participantId } = joinReply(await eager.request({ id: commandId('join-eager'), type: 'join', name: 'Eager' }))
    const count = DEFAULTS.rateLimitBurst * 2
    const ids = Array.from({ length: count }, (_, i) => `rename-${i}`)
    for (const [i, id] of ids.entries()) eager.sendCommand({ id, type: 'rename', name: `Eager ${i}` })
    const replies = await repliesTo(eager, ids)

    const accepted = ids.filter((id) => replies.get(id)?.kind === 'reply' && (replies.get(id) as { ok: boolean }).ok)
    const limited = ids.filter((id) => {
      const r = replies.get(id)
      return r?.kind === 'reply' && !r.ok && r.error.code === 'rate_limited'
    })
    expect(accepted.length + limited.length).toBe(count)
    expect(accepted.length).toBeGreaterThanOrEqual(DEFAULTS.rateLimitBurst - 1)
    expect(limited.length).toBeGreaterThan(0)
    const refusal = replies.get(limited[0] as string)
    expect(refusal).toMatchObject({ ok: false, error: { code: 'rate_limited' } })
    expect((refusal as { error: { message: string } }).error.message).toMatch(/Too many messages .* not applied/)

    // Only accepted renames took effect: the last accepted name is the one everybody sees.
    const lastAccepted = Number((accepted.at(-1) as string).split('-')[1])
    const facilitator = a.facilitator
    await waitFor(facilitator, () => facilitator.roster.some((p) => p.id === participantId && p.name === `Eager ${lastAccepted}`))
    // No refused name was ever stored, not even briefly: none is in any stored update.
    const storedBlobs = (storedRows(a.t.dataDir, a.meeting.meetingId).doc_updates ?? []).map((r) =>
      Buffer.from(String((r as { update_blob: string }).update_blob), 'hex'),
    )
    const isStored = (name: string) => storedBlobs.some((blob) => blob.includes(varStringBytes(name)))
    for (const id of limited) expect(isStored(`Eager ${id.split('-')[1]}`), `refused ${id} stored`).toBe(false)
    expect(isStored(`Eager ${lastAccepted}`)).toBe(true)

    // The limit is a pace, not a ban: once tokens come back, commands go through again.
    await waitUntil(
      async () => {
        const reply = await eager.request({ id: commandId('retry'), type: 'rename', name: 'Eager Again' })
        return reply.kind === 'reply' && reply.ok
      },
      5000,
      'a rename accepted after the limit',
    )
    expect(eager.ws.readyState).toBe(eager.ws.OPEN)
    await expectServing(a)
  })

  it('still answers the hello and the sync request of a client that reconnects with a long queue', async () => {
    arena = await openArena({
      rateLimitMessagesPerSecond: DEFAULTS.rateLimitMessagesPerSecond,
      rateLimitBurst: DEFAULTS.rateLimitBurst,
    })
    const a = arena
    const first = await a.open()
    const { token, participantId } = joinReply(await first.request({ id: commandId('join-queue'), type: 'join', name: 'Queued' }))
    first.close()
    // Offline, the person clicked far more than the burst allows; MeetingClient resends it all on connect, before
    // y-websocket's sync request.
    const client = new MeetingClient({ serverUrl: a.t.wsUrl, meetingId: a.meeting.meetingId, token, WebSocketPolyfill: WebSocket, connect: false })
    const queued = Array.from({ length: DEFAULTS.rateLimitBurst * 2 }, (_, i) =>
      client.send({ type: 'rename', name: `Queued ${i}` }).then(
        () => 'ok',
        (error: unknown) => (error instanceof CommandFailure ? error.code : 'thrown'),
      ),
    )
    try {
      client.provider.connect()
      const outcomes = await Promise.all(queued)
      expect(outcomes).toContain('ok')
      expect(outcomes).toContain('rate_limited')
      expect(outcomes.every((o) => o === 'ok' || o === 'rate_limited')).toBe(true)
      await waitFor(client, () => client.isSynced && client.identity?.participantId === participantId && hasView(client))
    } finally {
      client.destroy()
    }
    await expectServing(a)
  })

  it('closes a flooding socket with 1008 and a reason, and nobody else notices', async () => {
    arena = await openArena({
      rateLimitMessagesPerSecond: DEFAULTS.rateLimitMessagesPerSecond,
      rateLimitBurst: DEFAULTS.rateLimitBurst,
      rateLimitFloodFactor: DEFAULTS.rateLimitFloodFactor,
      rateLimitFloodSeconds: DEFAULTS.rateLimitFloodSeconds,
    })
    const a = arena
    const flooder = await a.open()
    const before = await snapshot(a)
    const floodRate = DEFAULTS.rateLimitMessagesPerSecond * DEFAULTS.rateLimitFloodFactor
    const floodBudget = floodRate * DEFAULTS.rateLimitFloodSeconds
    const startedAt = performance.now()
    for (let i = 0; i < floodBudget * 3; i++) flooder.sendCommand({ id: `flood-${i}`, type: 'markDone', stage: 'mission', done: true })
    const closed = await flooder.closed
    const elapsedSeconds = (performance.now() - startedAt) / 1000
    expect(closed.code).toBe(1008)
    expect(closed.reason).toMatch(/flood/i)
    const codes = flooder.frames.flatMap((f) => (f.kind === 'app' && f.message.kind === 'reply' && !f.message.ok ? [f.message.error.code] : []))
    expect(codes).toContain('not_joined')
    expect(codes).toContain('rate_limited')
    // It was answered until the flood was called (plus what the flood bucket refilled while a loaded server worked
    // through the frames), then no more.
    expect(codes.length).toBeLessThanOrEqual(floodBudget * 1.1 + floodRate * elapsedSeconds)
    await expectUnharmed(a, before)
  })
})

describe('the connection cap per address', () => {
  it('refuses the connection over the cap with HTTP 429, and frees the slot when one closes', async () => {
    // The arena holds three connections (facilitator, observer, watcher).
    arena = await openArena({ maxConnectionsPerAddress: 5 })
    const a = arena
    const before = await snapshot(a)
    const fourth = await a.open()
    const fifth = await a.open()
    await expect(RawSocket.open(a.t.wsUrl, a.meeting.meetingId)).rejects.toThrow(/unexpected response 429/)
    // A MeetingClient over the cap is refused the same way and nobody else is disturbed.
    await expect(RawSocket.open(a.t.wsUrl, a.meeting.meetingId)).rejects.toThrow(/429/)
    fifth.close()
    let sixth: RawSocket | null = null
    await waitUntil(
      async () => {
        sixth = await RawSocket.open(a.t.wsUrl, a.meeting.meetingId).catch(() => null)
        return sixth !== null
      },
      5000,
      'a slot freed by a closed socket',
    )
    expect(await closedOrAlive(fourth)).toBeNull()
    ;(sixth as RawSocket | null)?.close()
    await expectUnharmed(a, before)
  })

  it('frees the slot of every connection however it ends: unknown meetings, failed handshakes', async () => {
    arena = await openArena({ maxConnectionsPerAddress: 4 })
    const a = arena
    const before = await snapshot(a)
    for (let i = 0; i < 10; i++) {
      const unknown = await RawSocket.open(a.t.wsUrl, `nosuchmeeting${i}`)
      expect((await unknown.closed).code).toBe(4404)
      const status = await failedHandshake(a.t.httpUrl, a.meeting.meetingId)
      expect(status).toMatch(/^HTTP\/1\.1 400/)
    }
    let last: RawSocket | null = null
    await waitUntil(
      async () => {
        last = await RawSocket.open(a.t.wsUrl, a.meeting.meetingId).catch(() => null)
        return last !== null
      },
      5000,
      'the last free slot',
    )
    expect(await closedOrAlive(last as unknown as RawSocket)).toBeNull()
    await expect(RawSocket.open(a.t.wsUrl, a.meeting.meetingId)).rejects.toThrow(/429/)
    await expectUnharmed(a, before)
  })
})

/** An upgrade request with a malformed Sec-WebSocket-Key; resolves with the status line of the answer. */
function failedHandshake(httpUrl: string, meetingId: string): Promise<string> {
  const { port } = new URL(httpUrl)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(
        `GET /ws/${meetingId} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          'Sec-WebSocket-Key: not-a-key\r\nSec-WebSocket-Version: 13\r\n\r\n',
      )
    })
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')))
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''))
    socket.on('error', reject)
  })
}

describe('the participant cap per meeting', () => {
  it('refuses the join over the cap with meeting_full, and lets people already in come back', async () => {
    // The observer is the first participant; the facilitator does not count.
    arena = await openArena({ maxParticipantsPerMeeting: 3 })
    const a = arena
    const second = await a.open()
    joinReply(await second.request({ id: commandId('join-2'), type: 'join', name: 'Second' }))
    const third = await a.open()
    const { token } = joinReply(await third.request({ id: commandId('join-3'), type: 'join', name: 'Third' }))
    const before = await snapshot(a)

    const fourth = await a.open()
    expect(await fourth.request({ id: commandId('join-4'), type: 'join', name: 'Fourth' })).toMatchObject({
      ok: false,
      error: { code: 'meeting_full', message: 'This meeting is full (3 people).' },
    })
    expect(await closedOrAlive(fourth)).toBeNull()
    await expectUnharmed(a, before)

    // Someone already in can still reconnect with their token.
    const back = await a.open()
    expect(await back.request({ id: 'hello-3', type: 'hello', token })).toMatchObject({ ok: true, result: { name: 'Third' } })
  })
})

/** Proposals one participant keeps open at a time (the facilitator's largest limit). */
const PROPOSALS_PER_PUMPER = 10
/** Participants rewriting their proposals at once: more bytes per round trip. */
const PUMPERS = 4

describe('a slow reader', () => {
  it('is dropped once its backlog passes the limit, and the server’s memory stays bounded', async () => {
    const maxSocketBufferBytes = 256 * 1024
    // Pumpers (participants) keep rewriting their open proposals as fast as the server takes it: no rate limit for
    // them. Each commit tick is encoded once from what it added, so changes that overwrite each other within a tick
    // (a timer restarted 1,000 times) shrink to almost nothing; ~650 new bytes per proposal per round do not.
    arena = await openArena({ maxSocketBufferBytes, rateLimitMessagesPerSecond: 1e6, rateLimitBurst: 1e6 })
    const a = arena
    await a.facilitator.send({ type: 'updateSettings', isOpenSubmissions: true, maxSubmissionsPerPerson: PROPOSALS_PER_PUMPER })
    await a.facilitator.send({ type: 'changeStage', move: 'advance', expected: 'mission' })
    const tokens = [a.observer.token]
    for (let i = 1; i < PUMPERS; i++) tokens.push((await joinAs(a.t, a.meeting.meetingId, `Pumper ${i}`)).token)
    const pumpers = await Promise.all(tokens.map((token) => a.openAs(token)))
    const slow = await a.open()
    await slow.sync()
    // Synced, so the broadcasts they receive apply to their docs at once instead of piling up as pending structs.
    for (const pumper of pumpers) await pumper.sync()
    const connectionsBefore = a.t.server.socketBacklog().sockets
    const rssBefore = process.memoryUsage().rss

    const proposal = (round: number, i: number) => ({
      title: `Proposal ${round}-${i} `.padEnd(MAX_OBJECTIVE_TITLE_LENGTH, 'x'),
      why: `Because ${round}-${i} `.padEnd(MAX_OBJECTIVE_WHY_LENGTH, 'y'),
    })
    /** Sends one round of commands on `pumper`; resolves with the replies' results once the last is answered. */
    const sendRound = async (pumper: RawSocket, commands: ({ id: string } & Record<string, unknown>)[]) => {
      for (const command of commands) pumper.sendCommand(command)
      const last = commands.at(-1)?.id
      await pumper
        .nextApp((m) => m.kind === 'reply' && m.id === last, 10_000)
        .catch(async (e: unknown) => {
          throw new Error(`pumper: ${String(e)} ${JSON.stringify(await pumper.closed)} watcher ${a.watcher.ws.readyState}`)
        })
      const ids = new Set(commands.map((c) => c.id))
      return pumper.frames.flatMap((f) => (f.kind === 'app' && f.message.kind === 'reply' && f.message.ok && ids.has(f.message.id) ? [f.message.result] : []))
    }
    const submissionIds = await Promise.all(
      pumpers.map(async (pumper, p) => {
        const submits = Array.from({ length: PROPOSALS_PER_PUMPER }, (_, i) => ({ id: `submit-${p}-${i}`, type: 'submitObjective', ...proposal(0, i) }))
        return (await sendRound(pumper, submits)).map((r) => (r as { submissionId: string }).submissionId)
      }),
    )

    slow.pauseReading()
    let broadcastBytes = 0
    let maxBacklog = 0
    let batches = 0
    let droppedAfterBytes: number | null = null
    const countBroadcast = () => {
      broadcastBytes = a.watcher.frames.reduce((n, f) => n + (f.kind === 'sync' ? f.payload.byteLength : 0), 0)
    }
    // Keep going well past the drop to show the backlog stays bounded, but never forever.
    const MAX_BYTES = 64 * 1024 * 1024
    const extraAfterDrop = 2 * 1024 * 1024
    while (broadcastBytes < MAX_BYTES) {
      const round = batches + 1
      await Promise.all(
        pumpers.map((pumper, p) =>
          sendRound(
            pumper,
            (submissionIds[p] ?? []).map((submissionId, i) => ({ id: `edit-${round}-${p}-${i}`, type: 'editSubmission', submissionId, ...proposal(round, i) })),
          ),
        ),
      )
      await rawBarrier(a.watcher).catch(async (e: unknown) => {
        throw new Error(`watcher: ${String(e)} ${JSON.stringify(await a.watcher.closed)}`)
      })
      batches++
      countBroadcast()
      maxBacklog = Math.max(maxBacklog, a.t.server.socketBacklog().maxBytes)
      if (droppedAfterBytes === null && a.t.server.socketBacklog().sockets < connectionsBefore) droppedAfterBytes = broadcastBytes
      if (droppedAfterBytes !== null && broadcastBytes > droppedAfterBytes + extraAfterDrop) break
    }
    expect(droppedAfterBytes, `slow reader not dropped after ${broadcastBytes} bytes of broadcasts`).not.toBeNull()
    // The kernel holds a few MB per socket on loopback; the server itself never held more than its limit plus one
    // broadcast for the slow socket.
    expect(maxBacklog).toBeLessThanOrEqual(maxSocketBufferBytes + 1024 * 1024)
    expect(a.t.server.socketBacklog().totalBytes).toBeLessThan(maxSocketBufferBytes)
    // A coarse bound: the pumpers and the watcher live in this process too and keep every frame they received.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(384 * 1024 * 1024)

    slow.resumeReading()
    expect((await slow.closed).code).toBe(1006)
    console.info(
      `slow reader: dropped after ${((droppedAfterBytes as number) / 1e6).toFixed(1)} MB of broadcasts ` +
        `(${batches} batches, ${((broadcastBytes as number) / 1e6).toFixed(1)} MB in all); largest server-side backlog ${(maxBacklog / 1024).toFixed(0)} KB`,
    )
    await expectServing(a)
  }, 180_000)
})
