import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { MeetingClient } from '../../shared/client/MeetingClient.ts'
import type { CreateMeetingResponse } from '../../shared/protocol/messages.ts'
import { PostgresMeetingStore } from '../../server/cluster/postgres/PostgresMeetingStore.ts'
import { vaultMaps } from '../../server/meeting/vaultDoc.ts'
import { CrashableServer } from '../integration/crash/crashableServer.ts'
import { DEFAULT_MEETING } from '../integration/helpers/testServer.ts'
import { freshDatabase } from './helpers/freshDatabase.ts'
import { ThrowawayPostgres } from './helpers/ThrowawayPostgres.ts'
import { waitFor } from './helpers/waitFor.ts'

// The real server on Postgres (DATABASE_URL, single node), SIGKILLed mid-burst: what was acknowledged is there
// after the restart, once. Joins and proposals from several clients; each client resends what was in flight
// with the same command id after reconnecting (MeetingClient's queue), as browsers do.

const KILLS = Number(process.env.PG_SERVER_KILLS ?? 5)
const WORKERS = 6

let postgres: ThrowawayPostgres
let server: CrashableServer
let databaseUrl: string
const clients: MeetingClient[] = []

beforeAll(async () => {
  postgres = await ThrowawayPostgres.start()
  databaseUrl = await freshDatabase(postgres)
  server = await CrashableServer.start({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' })
}, 60_000)

afterAll(async () => {
  for (const c of clients) c.destroy()
  await server?.stop()
  await postgres?.destroy()
})

function client(meetingId: string, token: string | null = null): MeetingClient {
  const c = new MeetingClient({ serverUrl: server.wsUrl, meetingId, token, WebSocketPolyfill: WebSocket })
  clients.push(c)
  return c
}

describe('the server on Postgres (DATABASE_URL)', () => {
  it(`survives kill -9 ×${KILLS} mid-burst with nothing acknowledged lost and nothing applied twice`, async () => {
    const res = await fetch(`${server.httpUrl}/api/meetings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(DEFAULT_MEETING),
    })
    expect(res.status).toBe(201)
    const meeting = (await res.json()) as CreateMeetingResponse
    const facilitator = client(meeting.meetingId, meeting.facilitatorToken)
    expect(await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'mission' })).toEqual({ stage: 'submit' })

    const joined = new Map<string, string>() // participantId → name
    const proposed = new Map<string, string>() // submissionId → title
    let isRunning = true
    let sent = 0
    const worker = async (w: number) => {
      for (let round = 0; isRunning; round++) {
        const person = client(meeting.meetingId)
        const name = `W${w}-${round}`
        const identity = await person.join(name)
        joined.set(identity.participantId, name)
        for (let i = 0; i < 3 && isRunning; i++) {
          const title = `${name} objective ${i}`
          sent++
          const { submissionId } = await person.send({ type: 'submitObjective', title, why: '' })
          proposed.set(submissionId, title)
        }
        person.destroy()
      }
    }
    const workers = Array.from({ length: WORKERS }, (_, w) => worker(w).catch((error: unknown) => error))

    for (let kill = 0; kill < KILLS; kill++) {
      const before = proposed.size
      await waitFor('acknowledged proposals', () => proposed.size >= before + 10, 60_000)
      await server.kill()
      await server.spawn()
    }
    const last = proposed.size
    await waitFor('proposals after the last restart', () => proposed.size >= last + 10, 60_000)
    isRunning = false
    const outcomes = await Promise.all(workers)
    expect(outcomes.filter((o) => o !== undefined)).toEqual([])

    const store = await PostgresMeetingStore.connect({ connectionString: databaseUrl, maxConnections: 1 })
    try {
      const stored = await store.loadMeeting(meeting.meetingId)
      const vault = new Y.Doc()
      for (const u of stored?.vaultUpdates ?? []) Y.applyUpdate(vault, u)
      const { participants, submissions } = vaultMaps(vault)
      // 0 acknowledged lost: every acknowledged join and proposal is stored, with its credential.
      const credentials = new Set(stored?.credentials.map((c) => c.participantId))
      for (const [id, name] of joined) {
        expect(participants.get(id)?.name).toBe(name)
        expect(credentials.has(id)).toBe(true)
      }
      for (const [id, title] of proposed) expect(submissions.get(id)?.title).toBe(title)
      // 0 applied twice: a resent command (same id) did not create a second proposal or person.
      const titles = [...submissions.values()].map((s) => s.title)
      expect(new Set(titles).size).toBe(titles.length)
      const names = [...participants.values()].map((p) => p.name)
      expect(new Set(names).size).toBe(names.length)
      console.log('postgres server kill -9 figures', JSON.stringify({ kills: KILLS, sent, acknowledged: proposed.size, joins: joined.size, stored: titles.length }))
    } finally {
      await store.close()
    }
  }, 240_000)
})
