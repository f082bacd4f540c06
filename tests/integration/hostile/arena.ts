import { join } from 'node:path'
import Database from 'better-sqlite3'
import { expect } from 'vitest'
import * as Y from 'yjs'
import type { Config } from '../../../server/config.ts'
import type { MeetingClient } from '../../../shared/client/MeetingClient.ts'
import { newCommandId } from '../../../shared/client/commandId.ts'
import { readMeetingView } from '../../../shared/meeting/meetingDoc.ts'
import type { CreateMeetingResponse, ServerMessage } from '../../../shared/protocol/messages.ts'
import { MESSAGE_AWARENESS } from '../../../shared/protocol/wire.ts'
import { RawSocket } from '../helpers/rawSocket.ts'
import { barrier, facilitatorOf, joinAs, startTestServer, viewOf, waitFor, type Joined, type TestServer } from '../helpers/testServer.ts'

/**
 * One meeting under attack, with the people who must not notice: a facilitator, a participant (`observer`,
 * a standard MeetingClient) and an anonymous raw socket (`watcher`) that records every frame the server relays.
 */
export interface Arena {
  t: TestServer
  meeting: CreateMeetingResponse
  facilitator: MeetingClient
  observer: Joined
  watcher: RawSocket
  /** Every raw socket opened here, closed by `closeArena`. */
  sockets: RawSocket[]
  /** Opens a raw socket to the arena's meeting (closed by `closeArena`). */
  open(meetingId?: string): Promise<RawSocket>
  /** A raw socket that said hello with `token` and was accepted. */
  openAs(token: string, meetingId?: string): Promise<RawSocket>
}

/**
 * The arena's own clients are robots making dozens of round trips a second to check on the meeting, far more
 * than any person; the per-connection rate limit is raised for them unless a test sets it (limits.test.ts does).
 */
const ROBOT_RATE_LIMIT: Partial<Config> = { rateLimitMessagesPerSecond: 1000, rateLimitBurst: 1000 }

export async function openArena(overrides: Partial<Config> = {}): Promise<Arena> {
  const t = await startTestServer({ ...ROBOT_RATE_LIMIT, ...overrides })
  const meeting = await t.createMeeting()
  const facilitator = await facilitatorOf(t, meeting)
  const observer = await joinAs(t, meeting.meetingId, 'Olive Observer')
  const sockets: RawSocket[] = []
  const open = async (meetingId = meeting.meetingId) => {
    const socket = await RawSocket.open(t.wsUrl, meetingId)
    sockets.push(socket)
    return socket
  }
  const watcher = await open()
  await watcher.sync()
  return {
    t,
    meeting,
    facilitator,
    observer,
    watcher,
    sockets,
    open,
    async openAs(token, meetingId = meeting.meetingId) {
      const socket = await open(meetingId)
      const reply = await socket.request({ id: commandId('hello'), type: 'hello', token })
      expect(reply).toMatchObject({ kind: 'reply', ok: true })
      return socket
    },
  }
}

export async function closeArena(arena: Arena | undefined): Promise<void> {
  if (!arena) return
  for (const s of arena.sockets) s.close()
  await arena.t.close()
}

/** Every row the store keeps for a meeting, in every table that has a `meeting_id`, blobs as hex. */
export function storedRows(dataDir: string, meetingId: string): Record<string, unknown[]> {
  const db = new Database(join(dataDir, 'quarterdeck.sqlite'), { readonly: true, fileMustExist: true })
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
    const rows: Record<string, unknown[]> = {}
    for (const { name } of tables) {
      const columns = db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]
      if (!columns.some((c) => c.name === 'meeting_id')) continue
      const found = db.prepare(`SELECT * FROM "${name}" WHERE meeting_id = ? ORDER BY rowid`).all(meetingId) as Record<string, unknown>[]
      rows[name] = found.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('hex') : v])))
    }
    return rows
  } finally {
    db.close()
  }
}

export interface Snapshot {
  /** The stored rows, byte for byte (doc updates, credentials, command log, …). */
  stored: Record<string, unknown[]>
  /** The observer's doc: its state vector and what it reads from it. */
  observerStateVector: string
  observerView: unknown
  /** The watcher's copy of the doc, built only from what the server sent it. */
  watcherState: string
}

/** What the server has stored and what its clients hold, once everything sent so far has been handled. */
export async function snapshot(arena: Arena): Promise<Snapshot> {
  await barrier(arena.observer.client)
  await rawBarrier(arena.watcher)
  return {
    stored: storedRows(arena.t.dataDir, arena.meeting.meetingId),
    observerStateVector: Buffer.from(Y.encodeStateVector(arena.observer.client.doc)).toString('hex'),
    observerView: readMeetingView(arena.observer.client.doc),
    watcherState: Buffer.from(Y.encodeStateVector(arena.watcher.doc)).toString('hex'),
  }
}

let legitChanges = 0

/**
 * The checks after every hostile case: nothing stored or seen changed, the server answers /healthz, the observer
 * and watcher are still connected, and a legitimate change made afterwards still reaches both of them.
 */
export async function expectUnharmed(arena: Arena, before: Snapshot): Promise<void> {
  await expectUnchanged(arena, before)
  await expectServing(arena)
}

/** Nothing stored, nothing the observer or the watcher holds, differs from `before`. */
export async function expectUnchanged(arena: Arena, before: Snapshot): Promise<void> {
  const after = await snapshot(arena)
  expect(after.stored).toEqual(before.stored)
  expect(after.observerStateVector).toBe(before.observerStateVector)
  expect(after.observerView).toEqual(before.observerView)
  expect(after.watcherState).toBe(before.watcherState)
}

/** The server is up, the bystanders are connected, and a legitimate change still reaches them. */
export async function expectServing(arena: Arena): Promise<void> {
  const health = await fetch(`${arena.t.httpUrl}/healthz`)
  expect(health.status).toBe(200)
  expect(arena.observer.client.status).toBe('connected')
  expect(arena.watcher.ws.readyState).toBe(arena.watcher.ws.OPEN)
  // Presence is never relayed, so nobody's awareness (forged or not) may reach the people watching.
  expect(arena.watcher.frames.some((f) => f.kind === 'other' && f.messageType === MESSAGE_AWARENESS)).toBe(false)
  expect(arena.observer.client.provider.awareness.getStates().size).toBe(0)

  const seconds = 60 + (legitChanges++ % 10_000)
  const timer = await arena.facilitator.send({ type: 'startTimer', seconds })
  await waitFor(arena.observer.client, () => {
    const seen = viewOf(arena.observer.client).timer
    return seen?.startedAt === timer.startedAt && seen.durationMs === timer.durationMs
  })
  expect(viewOf(arena.observer.client).timer).toEqual(timer)
  await rawBarrier(arena.watcher)
  expect(readMeetingView(arena.watcher.doc)?.timer).toEqual(timer)
}

/**
 * A round trip on a raw socket with a command refused at parse time: once its reply is back, everything the
 * socket sent before has been handled, committed and broadcast.
 */
export async function rawBarrier(socket: RawSocket): Promise<void> {
  const id = commandId('barrier')
  const reply = await socket.request({ id, type: 'startTimer', seconds: 1 })
  expect(reply).toMatchObject({ kind: 'reply', id, ok: false, error: { code: 'bad_command' } })
}

/**
 * After a hostile frame: either the server closed the socket (resolves with its code) or the socket still
 * answers a round trip (resolves with null).
 */
export async function closedOrAlive(socket: RawSocket): Promise<{ code: number; reason: string } | null> {
  const outcome = await rawBarrier(socket).then(
    () => 'alive' as const,
    (error: unknown) => error,
  )
  if (outcome === 'alive') return null
  if (socket.ws.readyState === socket.ws.OPEN) throw outcome
  return socket.closed
}

/** A command id as unguessable as the protocol asks of joins, readable in failures thanks to its label. */
export function commandId(label: string): string {
  return `${label}-${newCommandId()}`
}

export function isReply(id: string) {
  return (m: ServerMessage) => m.kind === 'reply' && m.id === id
}

export function isNotice(code: string) {
  return (m: ServerMessage) => m.kind === 'notice' && m.error.code === code
}
