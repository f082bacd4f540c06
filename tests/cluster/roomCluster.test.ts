import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { CommandFailure, MeetingClient } from '../../shared/client/MeetingClient.ts'
import { newCommandId } from '../../shared/client/commandId.ts'
import type { CreateMeetingResponse, IdentityResult } from '../../shared/protocol/messages.ts'
import { readLeaseOwner } from '../../server/cluster/lease/meetingLease.ts'
import { PostgresMeetingStore } from '../../server/cluster/postgres/PostgresMeetingStore.ts'
import { DEFAULT_MEETING } from '../integration/helpers/testServer.ts'
import { Cluster } from './helpers/clusterLauncher.ts'
import { staleWrites, storedWrites } from './helpers/writeLedger.ts'
import { freePort } from './helpers/freePort.ts'
import { waitFor } from './helpers/waitFor.ts'
import { auditWorkload } from './helpers/auditWorkload.ts'

// The real server (room core, group commit, sync) as 3 node processes on one Postgres: every node accepts any
// socket and passes it on to the meeting's owner (found through the lease table). ~60 simulated participants are
// spread over the nodes; the owner is SIGKILLed mid-burst several times, and a non-owner once. Asserted in Postgres
// itself: nothing acknowledged lost, nothing applied twice, and the lease moved to a new epoch at each kill.

const OWNER_KILLS = Number(process.env.ROOM_CLUSTER_KILLS ?? 10)
const WORKERS = 60
const LEASE_TTL_MS = 1_500
/** How long a client waits before resending a command the server could not save (as the real client's backoff). */
const RESEND_PAUSE_MS = 200

let cluster: Cluster
let observer: PostgresMeetingStore
const ports: number[] = []
const clients = new Set<MeetingClient>()
const report: Record<string, unknown> = {}

beforeAll(async () => {
  for (let i = 0; i < 3; i++) ports.push(await freePort())
  cluster = await Cluster.start({
    nodes: 3,
    entry: 'tests/cluster/fixtures/serverNode.ts',
    env: {
      HOST: '127.0.0.1',
      STATIC_DIR: '/nonexistent',
      LEASE_TTL_MS: String(LEASE_TTL_MS),
      // Every simulated participant is on 127.0.0.1: the per-address limits would see one crowd.
      MEETING_CREATION_BURST: '100000',
      JOIN_BURST_PER_ADDRESS: '100000',
    },
    nodeEnv: (slot) => ({ PORT: String(ports[slot]) }),
  })
  observer = await PostgresMeetingStore.connect({ connectionString: cluster.databaseUrl, maxConnections: 2 })
}, 90_000)

afterAll(async () => {
  console.log('room cluster figures', JSON.stringify(report))
  for (const c of clients) c.destroy()
  await observer?.close()
  await cluster?.destroy()
})

const httpUrl = (slot: number) => `http://127.0.0.1:${ports[slot]}`

function client(slot: number, meetingId: string, token: string | null = null): MeetingClient {
  const c = new MeetingClient({ serverUrl: `ws://127.0.0.1:${ports[slot]}/ws`, meetingId, token, WebSocketPolyfill: WebSocket })
  clients.add(c)
  return c
}

const isUnsaved = (error: unknown) => error instanceof CommandFailure && error.code === 'internal'

/** Resends with the same command id until the server answers: from its log if the first try did land. */
async function sendUntilSaved<T>(send: (id: string) => Promise<T>): Promise<T> {
  const id = newCommandId()
  for (;;) {
    try {
      return await send(id)
    } catch (error) {
      if (!isUnsaved(error)) throw error
      await new Promise((resolve) => setTimeout(resolve, RESEND_PAUSE_MS))
    }
  }
}

interface Workload {
  meetingId: string
  joined: Map<string, string>
  proposed: Map<string, string>
  ackTimes: number[]
  stop(): Promise<unknown[]>
}

/** WORKERS participants, worker w on node w % 3: join as a new person, propose three objectives, leave, again. */
async function startWorkload(): Promise<Workload> {
  const res = await fetch(`${httpUrl(0)}/api/meetings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(DEFAULT_MEETING),
  })
  expect(res.status).toBe(201)
  const meeting = (await res.json()) as CreateMeetingResponse
  const facilitator = client(1, meeting.meetingId, meeting.facilitatorToken)
  expect(await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'mission' })).toEqual({ stage: 'submit' })
  const joined = new Map<string, string>()
  const proposed = new Map<string, string>()
  const ackTimes: number[] = []
  let isRunning = true
  const worker = async (w: number) => {
    for (let round = 0; isRunning; round++) {
      const person = client(w % 3, meeting.meetingId)
      const name = `W${w}-${round}`
      let identity: IdentityResult
      try {
        identity = await person.join(name)
      } catch (error) {
        person.destroy()
        clients.delete(person)
        // Not saved (the owner died or was fenced): not acknowledged. Come back as someone new.
        if (isUnsaved(error)) continue
        throw error
      }
      joined.set(identity.participantId, name)
      for (let i = 0; i < 3 && isRunning; i++) {
        const title = `${name} objective ${i}`
        const { submissionId } = await sendUntilSaved((id) => person.send({ type: 'submitObjective', title, why: '' }, id))
        proposed.set(submissionId, title)
        ackTimes.push(Date.now())
      }
      person.destroy()
      clients.delete(person)
    }
  }
  const workers = Array.from({ length: WORKERS }, (_, w) => worker(w).catch((error: unknown) => error))
  return {
    meetingId: meeting.meetingId,
    joined,
    proposed,
    ackTimes,
    stop: async () => {
      isRunning = false
      return (await Promise.all(workers)).filter((o) => o !== undefined)
    },
  }
}

/** 0 acknowledged lost, 0 applied twice, checked in Postgres itself. */
function audit(work: Workload): Promise<{ stored: number; people: number }> {
  return auditWorkload(observer, work)
}

/** One counter from a node's /metrics (0 when it has no sample yet). */
async function metric(slot: number, name: string): Promise<number> {
  const text = await (await fetch(`${httpUrl(slot)}/metrics`)).text()
  const line = text.split('\n').find((l) => l.startsWith(`${name} `))
  return Number(line?.split(' ')[1] ?? 0)
}

/** The longest wait between two acknowledgements from `since` on (a pause the participants felt). */
function longestAckGap(ackTimes: readonly number[], since: number): number {
  const times = [since, ...ackTimes.filter((t) => t > since)].sort((a, b) => a - b)
  let longest = 0
  for (let i = 1; i < times.length; i++) longest = Math.max(longest, (times[i] as number) - (times[i - 1] as number))
  return longest
}

async function owner(meetingId: string) {
  const lease = await waitFor('a live lease', async () => {
    const found = await readLeaseOwner(observer.db, meetingId)
    return found && found.remainingMs > 0 ? found : undefined
  })
  const slot = cluster.nodes.findIndex((n) => n.id === lease.nodeId && n.isAlive)
  return { slot, epoch: lease.epoch }
}

describe('three nodes serving one meeting through the real room core', () => {
  it(`loses nothing acknowledged when the owner is killed ×${OWNER_KILLS} mid-burst and a non-owner once`, async () => {
    const work = await startWorkload()
    await waitFor('a first burst of proposals', () => work.proposed.size >= 30, 90_000)
    const recoveries: number[] = []
    let epoch = 0
    for (let kill = 0; kill < OWNER_KILLS; kill++) {
      const current = await owner(work.meetingId)
      expect(current.slot).toBeGreaterThanOrEqual(0)
      expect(current.epoch).toBeGreaterThan(epoch)
      epoch = current.epoch
      const before = work.proposed.size
      await cluster.nodes[current.slot]?.kill9()
      const killedAt = Date.now()
      await cluster.replace(current.slot)
      await waitFor('proposals acknowledged by the next owner', () => work.proposed.size >= before + 20, 90_000)
      recoveries.push((work.ackTimes.find((t) => t > killedAt) ?? killedAt) - killedAt)
    }
    const last = await owner(work.meetingId)
    expect(last.epoch).toBeGreaterThan(epoch)
    const nonOwner = (last.slot + 1) % 3
    const before = work.proposed.size
    await cluster.nodes[nonOwner]?.kill9()
    await cluster.replace(nonOwner)
    await waitFor('proposals after the non-owner came back', () => work.proposed.size >= before + 20, 90_000)
    expect((await owner(work.meetingId)).epoch).toBe(last.epoch)

    expect((await work.stop()).map(String)).toEqual([])
    const stored = await audit(work)
    Object.assign(report, {
      ownerKills: OWNER_KILLS,
      acknowledged: work.proposed.size,
      joins: work.joined.size,
      ...stored,
      killToFirstAckMs: recoveries,
      finalEpoch: last.epoch,
    })
  }, 300_000)

  it('an owner frozen (SIGSTOP) past its lease is fenced when it wakes: 1012 to its sockets, no write with its old epoch', async () => {
    const work = await startWorkload()
    await waitFor('a first burst of proposals', () => work.proposed.size >= 30, 90_000)
    const frozen = await owner(work.meetingId)
    // Someone connected straight to the owner, idle: they must be told to reconnect (1012) once it wakes.
    const probe = client(frozen.slot, work.meetingId)
    const closeCodes: number[] = []
    probe.provider.on('connection-close', (event: CloseEvent | null) => void (event && closeCodes.push(event.code)))
    await probe.join('Probe')
    const frozenNode = cluster.nodes[frozen.slot]
    frozenNode?.freeze()
    const frozenAt = Date.now()
    const next = await waitFor(
      'another node to take the meeting over',
      async () => {
        const lease = await readLeaseOwner(observer.db, work.meetingId)
        return lease && lease.epoch > frozen.epoch && lease.remainingMs > 0 ? lease : undefined
      },
      // Well under the clients' own 30 s silence timeout: the passing nodes notice the frozen owner themselves.
      20_000,
    )
    const takenOverAfterMs = Date.now() - frozenAt
    const before = work.proposed.size
    await waitFor('proposals acknowledged by the new owner while the old one is frozen', () => work.proposed.size >= before + 20, 90_000)
    frozenNode?.thaw()
    await waitFor('the woken owner to send its sockets away (1012)', () => closeCodes.includes(1012), 30_000).catch((e: unknown) => {
      throw new Error(`${String(e)}; the probe's socket closed with [${closeCodes.join(', ')}]`)
    })
    expect(await metric(frozen.slot, 'quarterdeck_cluster_leases_lost_total')).toBeGreaterThanOrEqual(1)
    // The third node (neither the frozen owner nor the new one) served its sockets by passing them on.
    const passer = [0, 1, 2].find((slot) => slot !== frozen.slot && cluster.nodes[slot]?.id !== next.nodeId) as number
    expect(await metric(passer, 'quarterdeck_cluster_routes_total{route="remote"}')).toBeGreaterThan(0)
    const afterThaw = work.proposed.size
    await waitFor('proposals after the old owner woke', () => work.proposed.size >= afterThaw + 20, 90_000)

    expect((await work.stop()).map(String)).toEqual([])
    await audit(work)
    for (const doc of ['meeting', 'vault']) {
      const writes = await storedWrites(observer.db, work.meetingId, doc)
      expect(staleWrites(writes)).toEqual([])
      // The woken node wrote nothing under its old epoch after the new owner's first write.
      const firstOfNew = writes.find((w) => w.epoch !== null && w.epoch >= next.epoch)?.writeId ?? Number.POSITIVE_INFINITY
      expect(writes.filter((w) => w.epoch === frozen.epoch && w.writeId > firstOfNew)).toEqual([])
    }
    Object.assign(report, { freezeTakeoverMs: takenOverAfterMs, freezeEpochs: [frozen.epoch, next.epoch] })
  }, 300_000)

  it('rolling restart (SIGTERM one node at a time) and a Postgres crash: nothing acknowledged lost, nothing twice', async () => {
    const work = await startWorkload()
    await waitFor('a first burst of proposals', () => work.proposed.size >= 30, 90_000)
    const handovers: number[] = []
    for (let slot = 0; slot < 3; slot++) {
      const before = work.proposed.size
      const stoppedAt = Date.now()
      // A graceful stop releases the node's leases: the next owner need not wait for them to run out.
      await cluster.nodes[slot]?.stop()
      await cluster.replace(slot)
      await waitFor('proposals after the restart', () => work.proposed.size >= before + 20, 90_000)
      handovers.push(longestAckGap(work.ackTimes, stoppedAt))
    }
    const beforeCrash = work.proposed.size
    await cluster.postgres.crash()
    await cluster.postgres.restart()
    await waitFor('proposals after Postgres came back', () => work.proposed.size >= beforeCrash + 20, 90_000)

    expect((await work.stop()).map(String)).toEqual([])
    await audit(work)
    for (const doc of ['meeting', 'vault']) expect(staleWrites(await storedWrites(observer.db, work.meetingId, doc))).toEqual([])
    Object.assign(report, { rollingRestartLongestAckGapMs: handovers })
  }, 300_000)
})
