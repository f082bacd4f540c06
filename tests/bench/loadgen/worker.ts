/**
 * A load-generator process: owns a share of the light clients and runs the operations the coordinator
 * (runAll.ts, via workerPool.ts) asks for over IPC. Exits when the coordinator goes away.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { nowMs, sleep } from '../clock.ts'
import { LightClient, type LightWorld } from './lightClient.ts'
import { Tracker } from './tracker.ts'
import { createWire } from './wire.ts'
import type { ArrivalsResult, ConnectResult, Counters, Health, WorkerReply, WorkerRequest } from './workerProtocol.ts'

const counters = (): Counters => ({ messages: 0, bytes: 0, byKind: {}, bytesByKind: {}, openSockets: 0, closedUnexpectedly: 0, closeCodes: {} })

let world: LightWorld | null = null
let clients: LightClient[] = []
const loopDelay = monitorEventLoopDelay({ resolution: 10 })
loopDelay.enable()

function requireWorld(): LightWorld {
  if (!world) throw new Error('worker used before setup')
  return world
}

/** Runs `start` with `tracker` collecting answers, then waits for all answers until `timeoutMs` after the call. */
async function runTracked<T>(
  tracker: Tracker,
  timeoutMs: number,
  start: (deadline: number) => Promise<T> | T,
): Promise<{ started: T; result: ReturnType<Tracker['finish']> }> {
  const w = requireWorld()
  const deadline = Date.now() + timeoutMs
  w.tracker = tracker
  const started = await start(deadline)
  let timer: NodeJS.Timeout | undefined
  const left = Math.max(0, deadline - Date.now())
  await Promise.race([tracker.done, new Promise<void>((resolve) => (timer = setTimeout(resolve, left)))])
  clearTimeout(timer)
  w.tracker = null
  for (const c of clients) c.forgetPending()
  return { started, result: tracker.finish() }
}

/** Spreads `perClient` actions per client uniformly at random over `spreadMs`. */
function spread(perClient: number, spreadMs: number, act: (client: LightClient) => void): Promise<void> {
  const timers: Promise<void>[] = []
  for (const client of clients) {
    for (let k = 0; k < perClient; k++) {
      const delay = spreadMs > 0 ? Math.random() * spreadMs : 0
      timers.push(new Promise((resolve) => setTimeout(() => (act(client), resolve()), delay)))
    }
  }
  return Promise.all(timers).then(() => undefined)
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.op) {
    case 'setup': {
      world = {
        wire: createWire(request.wire, request.documentName),
        socketKind: request.socketKind,
        offerDeflate: request.offerDeflate,
        roomUrl: request.roomUrl,
        counters: counters(),
        isMarked: false,
        tracker: null,
      }
      const w = world
      clients = request.indices.map((index) => new LightClient(index, w))
      return clients.length
    }
    case 'connect': {
      const tracker = new Tracker(clients.length)
      let lastOpenAt = 0
      const { result } = await runTracked(tracker, request.timeoutMs, async (deadline) => {
        // Ramp in batches: each batch's handshakes finish before the next starts (no SYN flood, no backlog drops).
        for (let i = 0; i < clients.length && Date.now() < deadline; i += request.batchSize) {
          await Promise.all(clients.slice(i, i + request.batchSize).map((c) => c.connect(request.afterSync)))
          lastOpenAt = nowMs()
        }
      })
      const connectResult: ConnectResult = {
        ...result,
        syncedAt: clients.filter((c) => c.syncedAt > 0).map((c) => c.syncedAt),
        connected: clients.filter((c) => c.openedAt > 0).length,
        synced: clients.filter((c) => c.syncedAt > 0).length,
        lastOpenAt,
      }
      return connectResult
    }
    case 'mark': {
      const w = requireWorld()
      for (const c of clients) c.resetMark()
      w.isMarked = true
      return nowMs()
    }
    case 'arrivals': {
      const firstAt: number[] = []
      let updates = 0
      for (const c of clients) {
        if (c.firstUpdateAt > 0) firstAt.push(c.firstUpdateAt)
        updates += c.updatesSinceMark
      }
      const result: ArrivalsResult = { clients: clients.length, firstAt, updates }
      return result
    }
    case 'commandBurst': {
      const tracker = new Tracker(clients.length * request.perClient)
      const { result } = await runTracked(tracker, request.timeoutMs, () => {
        void spread(request.perClient, request.spreadMs, (c) => c.sendCommand(request.template, tracker))
      })
      return result
    }
    case 'writeBurst': {
      const tracker = new Tracker(clients.length * request.perClient)
      const { result } = await runTracked(tracker, request.timeoutMs, () => {
        void spread(request.perClient, request.spreadMs, (c) => c.write(request.template, tracker))
      })
      return result
    }
    case 'awareness': {
      for (const c of clients) {
        if (request.intervalMs === null) c.stopAwareness()
        else c.startAwareness(request.intervalMs)
      }
      return null
    }
    case 'counters': {
      const w = requireWorld()
      const snapshot = { ...w.counters, byKind: { ...w.counters.byKind }, bytesByKind: { ...w.counters.bytesByKind }, closeCodes: { ...w.counters.closeCodes } }
      if (request.reset) {
        w.counters.messages = 0
        w.counters.bytes = 0
        w.counters.byKind = {}
        w.counters.bytesByKind = {}
      }
      return snapshot
    }
    case 'health': {
      const health: Health = { eventLoopDelayP99Ms: loopDelay.percentile(99) / 1e6, eventLoopDelayMaxMs: loopDelay.max / 1e6 }
      loopDelay.reset()
      return health
    }
    case 'close': {
      for (const c of clients) c.close()
      clients = []
      await sleep(50)
      // Exit on our own (after the reply is out) so that --cpu-prof can write its file.
      setTimeout(() => process.exit(0), 100)
      return null
    }
  }
}

process.on('message', (message: { id: number; request: WorkerRequest }) => {
  handle(message.request).then(
    (result) => process.send?.({ id: message.id, ok: true, result } satisfies WorkerReply),
    (error: unknown) => process.send?.({ id: message.id, ok: false, error: String((error as Error)?.stack ?? error) } satisfies WorkerReply),
  )
})
process.on('disconnect', () => process.exit(0))
