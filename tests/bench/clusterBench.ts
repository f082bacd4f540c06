/**
 * Cluster benchmark: `npm run bench -- --cluster 3` (or `node --import tsx tests/bench/clusterBench.ts --nodes 3`).
 *
 * The same loads three times in one run, each on a fresh database of one Postgres: 1 node; N nodes without Redis
 * (sockets of meetings owned elsewhere are passed on to the owner); N nodes with Redis (they are kept and relayed:
 * the follower). Two loads:
 * - many small meetings: meeting i's first socket goes to node i % N, so owners spread; its people's sockets go
 *   round robin over all nodes. Every person joins and proposes K objectives in turn.
 * - one large meeting (--large L people, 0 to skip): sockets round robin over all nodes; everyone joins, then all
 *   propose at once (a burst of L commands, the nearest this bench gets to a vote burst without running a vote).
 * Prints acks per second, ack latency, and CPU seconds per node. Options: --meetings M --people P --proposals K --large L.
 */
import { createInterface } from 'node:readline'
import WebSocket from 'ws'
import { MeetingClient } from '../../shared/client/MeetingClient.ts'
import type { CreateMeetingResponse } from '../../shared/protocol/messages.ts'
import { freshDatabase } from '../cluster/helpers/freshDatabase.ts'
import { freePort } from '../cluster/helpers/freePort.ts'
import { ThrowawayPostgres } from '../cluster/helpers/ThrowawayPostgres.ts'
import { ThrowawayRedis } from '../cluster/helpers/ThrowawayRedis.ts'
import { killAllChildren, killChildrenOnExit, spawnTs, stopChild } from './children.ts'
import { readCpuSeconds } from './procStats.ts'
import { percentiles } from './stats.ts'

interface Options {
  nodes: number
  meetings: number
  people: number
  proposals: number
  large: number
}

function parse(argv: readonly string[]): Options {
  const value = (name: string, fallback: number, min = 1) => {
    const i = argv.indexOf(`--${name}`)
    const n = i >= 0 ? Number(argv[i + 1]) : fallback
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} needs a whole number of at least ${min}`)
    return n
  }
  return {
    nodes: value('cluster', value('nodes', 3)),
    meetings: value('meetings', 30),
    people: value('people', 10),
    proposals: value('proposals', 3),
    large: value('large', 1_000, 0),
  }
}

/** How one configuration is run: its node count, and the Redis its nodes relay over (null: they pass sockets on). */
interface Setup {
  nodes: number
  redisUrl: string | null
}

type Node = { url: string; pid: number; stop: () => Promise<void> }

async function startNode(databaseUrl: string, redisUrl: string | null): Promise<Node> {
  const port = await freePort()
  const child = spawnTs('tests/cluster/fixtures/serverNode.ts', {
    env: {
      DATABASE_URL: databaseUrl,
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      PORT: String(port),
      HOST: '127.0.0.1',
      STATIC_DIR: '/nonexistent',
      LOG_LEVEL: 'silent',
      MEETING_CREATION_BURST: '100000',
      JOIN_BURST_PER_ADDRESS: '100000',
    },
  })
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`node exited early (${code})`)))
    createInterface({ input: child.stdout! }).on('line', (line) => line.includes('"ready"') && resolve())
  })
  return { url: `http://127.0.0.1:${port}`, pid: child.pid ?? -1, stop: () => stopChild(child, 5_000) }
}

const label = (setup: Setup) => (setup.nodes === 1 ? '1 node' : `${setup.nodes} nodes, ${setup.redisUrl ? 'Redis follower' : 'passed on'}`)

/** A cluster of fresh nodes on a fresh database, with clients to drive it; everything is stopped after `work`. */
async function withCluster<T>(postgres: ThrowawayPostgres, setup: Setup, work: (cluster: BenchCluster) => Promise<T>): Promise<T> {
  const databaseUrl = await freshDatabase(postgres)
  const nodes = await Promise.all(Array.from({ length: setup.nodes }, () => startNode(databaseUrl, setup.redisUrl)))
  const clients: MeetingClient[] = []
  const cluster: BenchCluster = {
    nodes,
    connect(node, meetingId, token = null) {
      const url = `${nodes[node % nodes.length]?.url.replace('http', 'ws')}/ws`
      const c = new MeetingClient({ serverUrl: url, meetingId, token, WebSocketPolyfill: WebSocket })
      clients.push(c)
      return c
    },
    async createMeeting(node, title) {
      const res = await fetch(`${nodes[node % nodes.length]?.url}/api/meetings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title, quarter: '2027 Q1', mission: { value: 'measure', field: 'software', impact: '' }, objectiveCount: 3 }),
      })
      const created = (await res.json()) as CreateMeetingResponse
      // The facilitator's socket is the meeting's first: its node becomes the owner.
      await cluster.connect(node, created.meetingId, created.facilitatorToken).send({ type: 'changeStage', move: 'advance', expected: 'mission' })
      return created.meetingId
    },
  }
  try {
    return await work(cluster)
  } finally {
    for (const c of clients) c.destroy()
    await Promise.all(nodes.map((n) => n.stop()))
  }
}

interface BenchCluster {
  nodes: Node[]
  connect(node: number, meetingId: string, token?: string | null): MeetingClient
  createMeeting(node: number, title: string): Promise<string>
}

function figures(setup: Setup, nodes: Node[], latencies: number[], seconds: number, cpuBefore: number[]) {
  const cpu = nodes.map((n, i) => Math.round(((readCpuSeconds(n.pid) ?? 0) - (cpuBefore[i] ?? 0)) * 100) / 100)
  const ack = percentiles(latencies)
  return {
    config: label(setup),
    acks: latencies.length,
    seconds: Math.round(seconds * 100) / 100,
    acksPerSecond: Math.round(latencies.length / seconds),
    ackP50Ms: Math.round(ack.p50 ?? 0),
    ackP99Ms: Math.round(ack.p99 ?? 0),
    cpuSecondsPerNode: cpu,
  }
}

async function runSmallMeetings(postgres: ThrowawayPostgres, setup: Setup, options: Options) {
  return withCluster(postgres, setup, async ({ nodes, connect, createMeeting }) => {
    const meetings: string[] = []
    for (let i = 0; i < options.meetings; i++) meetings.push(await createMeeting(i, `Bench ${i}`))
    const latencies: number[] = []
    const cpuBefore = nodes.map((n) => readCpuSeconds(n.pid) ?? 0)
    const started = performance.now()
    await Promise.all(
      meetings.flatMap((meetingId, i) =>
        Array.from({ length: options.people }, async (_, j) => {
          const person = connect(i + j + 1, meetingId)
          await person.join(`P${j}`)
          for (let k = 0; k < options.proposals; k++) {
            const sent = performance.now()
            await person.send({ type: 'submitObjective', title: `P${j} objective ${k}`, why: '' })
            latencies.push(performance.now() - sent)
          }
        }),
      ),
    )
    return figures(setup, nodes, latencies, (performance.now() - started) / 1000, cpuBefore)
  })
}

/** How many times a node sent a followed meeting's sockets to reconnect (a relay gap, a silent owner, a new owner). */
async function followerResyncs(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text()
  return text
    .split('\n')
    .filter((l) => l.startsWith('quarterdeck_cluster_follower_resyncs_total{'))
    .reduce((sum, l) => sum + Number(l.split(' ')[1] ?? 0), 0)
}

/** One meeting of `people`, sockets round robin over the nodes: all join, then all propose at once. */
async function runLargeMeeting(postgres: ThrowawayPostgres, setup: Setup, people: number) {
  return withCluster(postgres, setup, async ({ nodes, connect, createMeeting }) => {
    const meetingId = await createMeeting(0, 'Large bench')
    const joinStarted = performance.now()
    const persons: MeetingClient[] = []
    // Joined in waves: a thousand sockets opened at once would measure the load generator's handshakes.
    for (let wave = 0; wave < people; wave += 100) {
      const batch = Array.from({ length: Math.min(100, people - wave) }, (_, j) => connect(wave + j, meetingId))
      await Promise.all(batch.map((p, j) => p.join(`P${wave + j}`)))
      persons.push(...batch)
    }
    const joinSeconds = (performance.now() - joinStarted) / 1000
    const latencies: number[] = []
    const cpuBefore = nodes.map((n) => readCpuSeconds(n.pid) ?? 0)
    const started = performance.now()
    await Promise.all(
      persons.map(async (p, j) => {
        const sent = performance.now()
        await p.send({ type: 'submitObjective', title: `P${j} burst`, why: '' })
        latencies.push(performance.now() - sent)
      }),
    )
    const resyncs = await Promise.all(nodes.map((n) => followerResyncs(n.url)))
    return {
      ...figures(setup, nodes, latencies, (performance.now() - started) / 1000, cpuBefore),
      joinSeconds: Math.round(joinSeconds * 10) / 10,
      followerResyncs: resyncs.reduce((a, b) => a + b, 0),
    }
  })
}

export async function runClusterBench(argv: readonly string[]): Promise<void> {
  const options = parse(argv)
  killChildrenOnExit()
  const [postgres, redis] = await Promise.all([ThrowawayPostgres.start(), ThrowawayRedis.start()])
  const setups: Setup[] = [
    { nodes: 1, redisUrl: null },
    { nodes: options.nodes, redisUrl: null },
    { nodes: options.nodes, redisUrl: redis.url },
  ]
  try {
    const small = []
    for (const setup of setups) small.push(await runSmallMeetings(postgres, setup, options))
    console.log(`\nCluster bench: ${options.meetings} meetings × ${options.people} people × ${options.proposals} proposals, one Postgres\n`)
    console.table(small)
    const base = small[0]?.acksPerSecond ?? 1
    for (const row of small.slice(1)) console.log(`throughput ratio ${row.config} / 1 node: ${(row.acksPerSecond / base).toFixed(2)}×`)
    if (options.large > 0) {
      const large = []
      for (const setup of setups) large.push(await runLargeMeeting(postgres, setup, options.large))
      console.log(`\nOne meeting of ${options.large}, sockets spread over the nodes; everyone proposes at once\n`)
      console.table(large)
      const p99 = large[0]?.ackP99Ms ?? 1
      for (const row of large.slice(1)) console.log(`burst ack p99 ${row.config} / 1 node: ${(row.ackP99Ms / p99).toFixed(2)}×`)
    }
  } finally {
    await Promise.all([postgres.destroy(), redis.destroy()])
    killAllChildren()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runClusterBench(process.argv.slice(2))
