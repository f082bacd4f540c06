import type { RosterEntry } from '../../../shared/presence/presenceTypes.ts'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import WebSocket from 'ws'
import { waitForClient } from '../../../shared/client/waitForClient.ts'
import { loadConfig, type Config } from '../../../server/config.ts'
import { startServer, type RunningServer } from '../../../server/createServer.ts'
import { CommandFailure, MeetingClient } from '../../../shared/client/MeetingClient.ts'
import { readMeetingView } from '../../../shared/meeting/meetingDoc.ts'
import type { MeetingView } from '../../../shared/meeting/meetingView.ts'
import type { CreateMeetingResponse, IdentityResult } from '../../../shared/protocol/messages.ts'

export interface TestServer {
  server: RunningServer
  dataDir: string
  wsUrl: string
  /** `http://127.0.0.1:<port>` */
  httpUrl: string
  createMeeting(body?: Partial<Record<string, unknown>>): Promise<CreateMeetingResponse>
  client(meetingId: string, token?: string | null): MeetingClient
  /** Closes one client's socket (like closing a tab) and forgets it. */
  disconnect(client: MeetingClient): void
  /** Closes every client made so far (for afterEach). */
  closeClients(): void
  restart(): Promise<void>
  close(): Promise<void>
}

/** Limits per address that a test's crowd (all on 127.0.0.1) would hit; tests of those limits set them back. */
export const LOOPBACK_CROWD: Partial<Config> = { meetingCreationBurst: 100_000, joinBurstPerAddress: 100_000 }

export const DEFAULT_MEETING = {
  title: 'Company OKRs',
  quarter: '2027 Q1',
  mission: { value: 'help teams decide', field: 'software', impact: 'so work means something' },
  objectiveCount: 3,
}

/** A real server on a free port with its own data directory. */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qd-test-'))
  // Every test client comes from 127.0.0.1: the per-address creation and join limits are raised unless a test sets them.
  const config: Config = { ...loadConfig({}), port: 0, host: '127.0.0.1', dataDir, staticDir: '/nonexistent', ...LOOPBACK_CROWD, ...overrides }
  const clients = new Set<MeetingClient>()
  let server = await startServer(config, pino({ level: 'silent' }))
  let port = new URL(server.url).port
  const harness: TestServer = {
    get server() {
      return server
    },
    dataDir,
    get wsUrl() {
      return `ws://127.0.0.1:${port}/ws`
    },
    get httpUrl() {
      return `http://127.0.0.1:${port}`
    },
    async createMeeting(body = {}) {
      const res = await fetch(`${harness.httpUrl}/api/meetings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...DEFAULT_MEETING, ...body }),
      })
      if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`)
      return (await res.json()) as CreateMeetingResponse
    },
    client(meetingId, token = null) {
      const c = new MeetingClient({ serverUrl: harness.wsUrl, meetingId, token, WebSocketPolyfill: WebSocket })
      clients.add(c)
      return c
    },
    disconnect(client) {
      clients.delete(client)
      client.destroy()
    },
    closeClients() {
      for (const c of clients) c.destroy()
      clients.clear()
    },
    async restart() {
      await server.close()
      server = await startServer({ ...config, port: Number(port) }, pino({ level: 'silent' }))
      port = new URL(server.url).port
    },
    async close() {
      for (const c of clients) c.destroy()
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return harness
}

/** Resolves when `predicate` holds, re-checking on every doc update; rejects after `timeoutMs`. */
export function waitFor(client: MeetingClient, predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  return waitForClient(client, predicate, timeoutMs)
}

type ClientEventName = 'status' | 'synced' | 'identity' | 'token' | 'notice' | 'pending'

/** Resolves with the arguments of the next `event` on `client` for which `predicate` holds. */
export function waitForEvent<A extends unknown[]>(
  client: MeetingClient,
  event: ClientEventName,
  predicate: (...args: A) => boolean = () => true,
  timeoutMs = 5000,
): Promise<A> {
  return new Promise((resolve, reject) => {
    const listener = (...args: unknown[]) => {
      if (!predicate(...(args as A))) return
      cleanup()
      resolve(args as A)
    }
    const timer = setTimeout(() => {
      cleanup()
      reject(new Error(`waitForEvent(${event}) timed out`))
    }, timeoutMs)
    const cleanup = () => {
      clearTimeout(timer)
      client.off(event, listener as never)
    }
    client.on(event, listener as never)
  })
}

/**
 * Polls a condition that no client event reports (for example the server's own connection count). Polling waits
 * for a condition; it is not a sleep that hopes something has happened.
 */
export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await check()) return
    if (Date.now() > deadline) throw new Error(`waitUntil timed out: ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** The meeting as `client` sees it; throws if the client has not synced a meeting yet. */
export function viewOf(client: MeetingClient): MeetingView {
  const view = readMeetingView(client.doc)
  if (!view) throw new Error('client has no meeting yet')
  return view
}

export function hasView(client: MeetingClient): boolean {
  return readMeetingView(client.doc) !== null
}

/**
 * A round trip on `client`'s socket: sends a command the server refuses without touching the meeting and waits
 * for the refusal. The server reads a socket's frames in order and commits (then broadcasts) before it reads the
 * next batch of frames, so anything an earlier frame changed has reached this client when the barrier returns.
 */
export async function barrier(client: MeetingClient): Promise<void> {
  try {
    await client.send({ type: 'startTimer', seconds: 1 })
  } catch (error) {
    if (error instanceof CommandFailure && error.code === 'bad_command') return
    throw error
  }
  throw new Error('barrier command was accepted')
}

export interface Joined {
  client: MeetingClient
  identity: IdentityResult
  token: string
}

/** A new client that joins `meetingId` as `name` and has synced the meeting. */
export async function joinAs(t: TestServer, meetingId: string, name: string): Promise<Joined> {
  const client = t.client(meetingId)
  const tokenSeen = waitForEvent<[string | null]>(client, 'token', (token) => token !== null)
  const identity = await client.join(name)
  const [token] = await tokenSeen
  await waitFor(client, () => client.isSynced && client.me?.id === identity.participantId)
  return { client, identity, token: token as string }
}

/** Someone in the facilitator's roster feed (names are not in the shared doc). */
export function rosterEntryOf(facilitator: MeetingClient, participantId: string): RosterEntry | undefined {
  return facilitator.roster.find((p) => p.id === participantId)
}

/** A client holding the facilitator token, identified and synced. */
export async function facilitatorOf(t: TestServer, meeting: CreateMeetingResponse): Promise<MeetingClient> {
  const client = t.client(meeting.meetingId, meeting.facilitatorToken)
  await waitFor(client, () => client.isSynced && client.identity?.role === 'facilitator' && hasView(client))
  return client
}
