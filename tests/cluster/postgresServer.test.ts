import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { CommandFailure, MeetingClient } from '../../shared/client/MeetingClient.ts'
import { newCommandId } from '../../shared/client/commandId.ts'
import type { CreateMeetingResponse, IdentityResult } from '../../shared/protocol/messages.ts'
import { PostgresMeetingStore } from '../../server/cluster/postgres/PostgresMeetingStore.ts'
import { CrashableServer } from '../integration/crash/crashableServer.ts'
import { DEFAULT_MEETING } from '../integration/helpers/testServer.ts'
import { freshDatabase } from './helpers/freshDatabase.ts'
import { ThrowawayPostgres } from './helpers/ThrowawayPostgres.ts'
import { waitFor } from './helpers/waitFor.ts'
import { auditWorkload } from './helpers/auditWorkload.ts'

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
  // A restarted process is a new node: a short lease lets it take the meeting soon after the kill.
  server = await CrashableServer.start({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', LEASE_TTL_MS: '1500' })
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

interface Workload {
  meetingId: string
  joined: Map<string, string>
  proposed: Map<string, string>
  sent(): number
  stop(): Promise<unknown[]>
}

/** Commands the server answered "Not saved" (its commit failed): refused, never acknowledged. */
let unsavedRefusals = 0
const isUnsaved = (error: unknown) => {
  const isIt = error instanceof CommandFailure && error.code === 'internal'
  if (isIt) unsavedRefusals++
  return isIt
}

/** How long a client waits before resending a command the server could not save (as the real client's backoff). */
const RESEND_PAUSE_MS = 200

/**
 * "Not saved" means the commit failed; whether it reached the disk may be unknown (the link died around
 * COMMIT), so the client resends the same command id: the server answers from its log if it did land.
 */
async function sendUntilSaved(person: MeetingClient, input: { type: 'submitObjective'; title: string; why: string }) {
  const id = newCommandId()
  for (;;) {
    try {
      return await person.send(input, id)
    } catch (error) {
      if (!isUnsaved(error)) throw error
      await new Promise((resolve) => setTimeout(resolve, RESEND_PAUSE_MS))
    }
  }
}

/** WORKERS clients in a loop: join as a new person, propose three objectives, leave. Records what was acked. */
async function startWorkload(): Promise<Workload> {
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
      let identity: IdentityResult
      try {
        identity = await person.join(name)
      } catch (error) {
        // Not saved (the store failed): not acknowledged. Leave and come back as someone new.
        if (!isUnsaved(error)) throw error
        person.destroy()
        continue
      }
      joined.set(identity.participantId, name)
      for (let i = 0; i < 3 && isRunning; i++) {
        const title = `${name} objective ${i}`
        sent++
        const { submissionId } = await sendUntilSaved(person, { type: 'submitObjective', title, why: '' })
        proposed.set(submissionId, title)
      }
      person.destroy()
    }
  }
  const workers = Array.from({ length: WORKERS }, (_, w) => worker(w).catch((error: unknown) => error))
  return {
    meetingId: meeting.meetingId,
    joined,
    proposed,
    sent: () => sent,
    stop: async () => {
      isRunning = false
      return (await Promise.all(workers)).filter((o) => o !== undefined)
    },
  }
}

async function commitFailures(): Promise<number> {
  const text = await (await fetch(`${server.httpUrl}/metrics`)).text()
  return Number(/^quarterdeck_commit_failures_total (\d+)/m.exec(text)?.[1] ?? 0)
}

/** 0 acknowledged lost, 0 applied twice, checked in Postgres itself. */
async function auditStored(work: Workload): Promise<number> {
  const store = await PostgresMeetingStore.connect({ connectionString: databaseUrl, maxConnections: 1 })
  try {
    return (await auditWorkload(store, work)).stored
  } finally {
    await store.close()
  }
}

describe('the server on Postgres (DATABASE_URL)', () => {
  it(`survives kill -9 ×${KILLS} mid-burst with nothing acknowledged lost and nothing applied twice`, async () => {
    const work = await startWorkload()
    for (let kill = 0; kill < KILLS; kill++) {
      const before = work.proposed.size
      await waitFor('acknowledged proposals', () => work.proposed.size >= before + 10, 60_000)
      await server.kill()
      await server.spawn()
    }
    const last = work.proposed.size
    await waitFor('proposals after the last restart', () => work.proposed.size >= last + 10, 60_000)
    expect(await work.stop()).toEqual([])
    const stored = await auditStored(work)
    console.log(
      'postgres server kill -9 figures',
      JSON.stringify({ kills: KILLS, sent: work.sent(), acknowledged: work.proposed.size, joins: work.joined.size, stored }),
    )
  }, 240_000)

  it('rides out a Postgres crash (pg_ctl -m immediate) and restart: failed commits are not acknowledged, clients carry on', async () => {
    const work = await startWorkload()
    await waitFor('acknowledged proposals', () => work.proposed.size >= 10, 60_000)
    await postgres.crash()
    const ackedAtCrash = work.proposed.size
    // While Postgres is down the workers keep sending: those commits fail and are answered with nothing.
    await waitFor('a failed group commit', async () => (await commitFailures()) > 0, 30_000)
    await postgres.restart()
    await waitFor('proposals after Postgres is back', () => work.proposed.size >= ackedAtCrash + 15, 90_000)
    expect(server.isRunning).toBe(true)
    expect((await work.stop()).map(String)).toEqual([])

    const stored = await auditStored(work)
    console.log('postgres crash figures', JSON.stringify({ sent: work.sent(), acknowledged: work.proposed.size, stored, notSavedRefusals: unsavedRefusals }))
  }, 180_000)
})
