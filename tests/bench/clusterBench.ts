/**
 * Cluster benchmark: `npm run bench -- --cluster 3` (or `node --import tsx tests/bench/clusterBench.ts --nodes 3`).
 *
 * Many small meetings, the same load twice in one run: on 1 node, then on N nodes of one Postgres (a fresh
 * database each). Each meeting's first socket goes to node i % N, so owners spread; its people's sockets go round
 * robin over all nodes (so most are passed on to the owner). Every person joins and proposes K objectives in turn.
 * Prints acks per second, ack latency, and CPU seconds per node. Options: --meetings M --people P --proposals K.
 */
import { createInterface } from 'node:readline'
import WebSocket from 'ws'
import { MeetingClient } from '../../shared/client/MeetingClient.ts'
import type { CreateMeetingResponse } from '../../shared/protocol/messages.ts'
import { freshDatabase } from '../cluster/helpers/freshDatabase.ts'
import { freePort } from '../cluster/helpers/freePort.ts'
import { ThrowawayPostgres } from '../cluster/helpers/ThrowawayPostgres.ts'
import { killAllChildren, killChildrenOnExit, spawnTs, stopChild } from './children.ts'
import { readCpuSeconds } from './procStats.ts'
import { percentiles } from './stats.ts'

interface Options {
  nodes: number
  meetings: number
  people: number
  proposals: number
}

function parse(argv: readonly string[]): Options {
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`)
    const n = i >= 0 ? Number(argv[i + 1]) : fallback
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} needs a positive whole number`)
    return n
  }
  return { nodes: value('cluster', value('nodes', 3)), meetings: value('meetings', 30), people: value('people', 10), proposals: value('proposals', 3) }
}

async function startNode(databaseUrl: string): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const port = await freePort()
  const child = spawnTs('tests/cluster/fixtures/serverNode.ts', {
    env: {
      DATABASE_URL: databaseUrl,
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

async function runOnce(postgres: ThrowawayPostgres, nodeCount: number, options: Options) {
  const databaseUrl = await freshDatabase(postgres)
  const nodes = await Promise.all(Array.from({ length: nodeCount }, () => startNode(databaseUrl)))
  const clients: MeetingClient[] = []
  const connect = (node: number, meetingId: string, token: string | null = null) => {
    const c = new MeetingClient({ serverUrl: `${nodes[node % nodeCount]?.url.replace('http', 'ws')}/ws`, meetingId, token, WebSocketPolyfill: WebSocket })
    clients.push(c)
    return c
  }
  try {
    const meetings: string[] = []
    for (let i = 0; i < options.meetings; i++) {
      const res = await fetch(`${nodes[i % nodeCount]?.url}/api/meetings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: `Bench ${i}`, quarter: '2027 Q1', mission: { value: 'measure', field: 'software', impact: '' }, objectiveCount: 3 }),
      })
      const created = (await res.json()) as CreateMeetingResponse
      // The facilitator's socket is the meeting's first: its node becomes the owner.
      await connect(i, created.meetingId, created.facilitatorToken).send({ type: 'changeStage', move: 'advance', expected: 'mission' })
      meetings.push(created.meetingId)
    }
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
    const seconds = (performance.now() - started) / 1000
    const cpu = nodes.map((n, i) => Math.round(((readCpuSeconds(n.pid) ?? 0) - (cpuBefore[i] ?? 0)) * 100) / 100)
    const ack = percentiles(latencies)
    return {
      nodes: nodeCount,
      acks: latencies.length,
      seconds: Math.round(seconds * 100) / 100,
      acksPerSecond: Math.round(latencies.length / seconds),
      ackP50Ms: Math.round(ack.p50 ?? 0),
      ackP99Ms: Math.round(ack.p99 ?? 0),
      cpuSecondsPerNode: cpu,
    }
  } finally {
    for (const c of clients) c.destroy()
    await Promise.all(nodes.map((n) => n.stop()))
  }
}

export async function runClusterBench(argv: readonly string[]): Promise<void> {
  const options = parse(argv)
  killChildrenOnExit()
  const postgres = await ThrowawayPostgres.start()
  try {
    const single = await runOnce(postgres, 1, options)
    const cluster = await runOnce(postgres, options.nodes, options)
    console.log(`\nCluster bench: ${options.meetings} meetings × ${options.people} people × ${options.proposals} proposals, one Postgres\n`)
    console.table([single, cluster])
    console.log(`throughput ratio ${options.nodes} nodes / 1 node: ${(cluster.acksPerSecond / single.acksPerSecond).toFixed(2)}×`)
  } finally {
    await postgres.destroy()
    killAllChildren()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runClusterBench(process.argv.slice(2))
