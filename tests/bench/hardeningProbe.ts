/**
 * Issue 15's CPU cases, measured on two servers in one run: the code under test and an earlier checkout (`--base
 * <dir>`, a copy of the repo at the commit before the fixes, with node_modules). Each server runs as `npm start` does
 * (server/main.ts), and its CPU is read from /proc. Figures are printed; nothing is asserted (timing belongs here,
 * not in tests).
 *
 *   node --import tsx tests/bench/hardeningProbe.ts --base /tmp/i15-base
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { MESSAGE_SYNC } from '../../shared/protocol/wire.ts'
import { MeetingClient } from '../../shared/client/MeetingClient.ts'
import { waitForClient } from '../../shared/client/waitForClient.ts'
import { newCommandId } from '../../shared/client/commandId.ts'
import type { CreateMeetingResponse } from '../../shared/protocol/messages.ts'
import { RawSocket } from '../integration/helpers/rawSocket.ts'
import { publishMeeting } from '../integration/helpers/publishedMeeting.ts'
import { readCpuSeconds } from './procStats.ts'

const HERE = fileURLToPath(new URL('../../', import.meta.url))
const baseIndex = process.argv.indexOf('--base')
const BASE = baseIndex > 0 ? (process.argv[baseIndex + 1] as string) : null

interface Server {
  name: string
  child: ChildProcess
  httpUrl: string
  wsUrl: string
  dataDir: string
}

/** Interval between two reads of the server's CPU time when waiting for it to stop moving. */
const CPU_SAMPLE_MS = 300

async function start(name: string, root: string): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), `qd-probe-${name}-`))
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: '/nonexistent',
      LOG_LEVEL: 'silent',
      MAX_CONNECTIONS_PER_ADDRESS: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      const m = /running at http:\/\/[^:]+:(\d+)/.exec(d.toString())
      if (m) resolve(Number(m[1]))
    })
    child.once('exit', (code) => reject(new Error(`${name} exited ${code}`)))
  })
  return { name, child, dataDir, httpUrl: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/ws` }
}

function cpu(server: Server): number {
  return readCpuSeconds(server.child.pid as number) ?? Number.NaN
}

async function create(server: Server): Promise<CreateMeetingResponse> {
  const res = await fetch(`${server.httpUrl}/api/meetings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Probe', quarter: '2027 Q1', mission: { value: 'help teams decide', field: 'software', impact: '' }, objectiveCount: 3 }),
  })
  return (await res.json()) as CreateMeetingResponse
}

function client(server: Server, meetingId: string, token: string | null = null): MeetingClient {
  return new MeetingClient({ serverUrl: server.wsUrl, meetingId, token, WebSocketPolyfill: WebSocket })
}

/** A meeting in Group whose doc is about 110 KB: 150 people, 3 proposals each (120-character titles). */
async function bigMeeting(server: Server): Promise<{ meeting: CreateMeetingResponse; facilitator: MeetingClient; docBytes: number }> {
  const meeting = await create(server)
  const facilitator = client(server, meeting.meetingId, meeting.facilitatorToken)
  await waitForClient(facilitator, () => facilitator.isSynced && facilitator.identity?.role === 'facilitator', 10_000)
  await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'mission' })
  const people: MeetingClient[] = []
  for (let i = 0; i < 150; i++) {
    const c = client(server, meeting.meetingId)
    people.push(c)
    await c.send({ type: 'join', name: `Person ${i}` })
    for (let k = 0; k < 3; k++) {
      await c.send({
        type: 'submitObjective',
        title: `Objective ${i}-${k}: ${'grow the business in a way that lasts and that everyone can explain to a new colleague '.slice(0, 100)}`,
        why: '',
      })
    }
  }
  await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'submit' })
  for (const c of people) c.destroy()
  const probe = await RawSocket.open(server.wsUrl, meeting.meetingId)
  const doc = await probe.sync()
  probe.close()
  return { meeting, facilitator, docBytes: Y.encodeStateAsUpdate(doc).byteLength }
}

function fakeSyncRequest(seed: number): Uint8Array {
  const sv = encoding.createEncoder()
  encoding.writeVarUint(sv, 1)
  encoding.writeVarUint(sv, 2_000_000 + seed)
  encoding.writeVarUint(sv, 1)
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1)
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(sv))
  return encoding.toUint8Array(encoder)
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now()
  const value = await fn()
  return { ms: performance.now() - started, value }
}

/**
 * 10 anonymous sockets × 60 sync requests with made-up state vectors; the facilitator's round trips meanwhile. The
 * sockets only count what comes back (decoding 600 whole docs here would make this process, not the server, slow).
 */
async function syncAmplification(server: Server, meetingId: string, facilitator: MeetingClient) {
  const sockets = await Promise.all(
    Array.from(
      { length: 10 },
      () =>
        new Promise<{ ws: WebSocket; answers: number; bytes: number }>((resolve) => {
          const ws = new WebSocket(`${server.wsUrl}/${meetingId}`)
          const socket = { ws, answers: 0, bytes: 0 }
          ws.on('message', (data: Buffer) => {
            if (data[0] === 0 && data[1] === 1) socket.answers++
            socket.bytes += data.byteLength
          })
          ws.once('open', () => resolve(socket))
        }),
    ),
  )
  const before = cpu(server)
  const started = performance.now()
  let seed = 0
  for (let round = 0; round < 60; round++) for (const s of sockets) s.ws.send(fakeSyncRequest(seed++))
  const delays: number[] = []
  for (let i = 0; i < 5; i++) delays.push((await timed(() => facilitator.send({ type: 'findPeople', query: 'Person 1', limit: 5 }))).ms)
  // The server answers a socket's frames in order: once the server's CPU stops moving, everything has been answered.
  let last = -1
  while (cpu(server) !== last) {
    last = cpu(server)
    await new Promise((r) => setTimeout(r, CPU_SAMPLE_MS))
  }
  const wall = performance.now() - started
  const answered = sockets.reduce((n, s) => n + s.answers, 0)
  const megabytes = sockets.reduce((n, s) => n + s.bytes, 0) / 1e6
  for (const s of sockets) s.ws.terminate()
  return {
    cpuS: cpu(server) - before,
    wallMs: Math.round(wall),
    answered,
    megabytesSent: Math.round(megabytes * 10) / 10,
    facilitatorMaxMs: Math.round(Math.max(...delays)),
  }
}

/** 500 GETs of the published set, of a 404 (a big unpublished meeting) and of the wins wall. */
async function routeRebuild(server: Server, publishedId: string, unpublishedId: string) {
  const out: Record<string, number> = {}
  for (const [label, path] of [
    ['published', `/api/meetings/${publishedId}/published`],
    ['404 on a 110 KB meeting', `/api/meetings/${unpublishedId}/published`],
    ['alignment', `/api/meetings/${publishedId}/alignment`],
  ] as const) {
    const before = cpu(server)
    for (let i = 0; i < 500; i++) await (await fetch(`${server.httpUrl}${path}`)).arrayBuffer()
    out[label] = ((cpu(server) - before) / 500) * 1000
  }
  return out
}

/** 1,000 anonymous joins from one address, one socket each, as fast as they are answered. */
async function joinFlood(server: Server) {
  const meeting = await create(server)
  const before = cpu(server)
  const started = performance.now()
  let accepted = 0
  let refused = 0
  for (let batch = 0; batch < 20; batch++) {
    const sockets = await Promise.all(Array.from({ length: 50 }, () => RawSocket.open(server.wsUrl, meeting.meetingId)))
    const replies = await Promise.all(sockets.map((s, i) => s.request({ id: `join-${newCommandId()}-padpadpadpad`, type: 'join', name: `Bot ${batch}-${i}` })))
    for (const r of replies) r.kind === 'reply' && r.ok ? accepted++ : refused++
    for (const s of sockets) s.close()
  }
  return { accepted, refused, wallMs: performance.now() - started, cpuS: cpu(server) - before }
}

async function probe(server: Server) {
  const { meeting, facilitator, docBytes } = await bigMeeting(server)
  const published = await publishMeeting(server.httpUrl, server.wsUrl)
  const sync = await syncAmplification(server, meeting.meetingId, facilitator)
  const routes = await routeRebuild(server, published.meeting.meetingId, meeting.meetingId)
  facilitator.destroy()
  const joins = await joinFlood(server)
  return { docBytes, sync, routes, joins }
}

const servers: Server[] = []
try {
  const targets: [string, string][] = [['after', HERE]]
  if (BASE) targets.unshift(['before', BASE])
  const results: Record<string, unknown> = {}
  for (const [name, root] of targets) {
    const server = await start(name, root)
    servers.push(server)
    results[name] = await probe(server)
    console.log(name, JSON.stringify(results[name], null, 1))
    server.child.kill('SIGKILL')
  }
} finally {
  for (const s of servers) {
    s.child.kill('SIGKILL')
    rmSync(s.dataDir, { recursive: true, force: true })
  }
}
