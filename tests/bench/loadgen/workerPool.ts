import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { once } from 'node:events'
import { forkTs, isRunning, stopChild } from '../children.ts'
import { sleep } from '../clock.ts'
import { mergeFailures } from './tracker.ts'
import type {
  AfterSync,
  ArrivalsResult,
  BurstResult,
  CommandTemplate,
  ConnectResult,
  Counters,
  Health,
  WorkerReply,
  WorkerRequest,
  WorkerSetup,
  WriteTemplate,
} from './workerProtocol.ts'

const WORKER_ENTRY = fileURLToPath(new URL('./worker.ts', import.meta.url))
/** Added to an operation's own timeout before the coordinator gives up on a worker's answer. */
const RPC_MARGIN_MS = 30_000

/** The light clients, spread over 1–2 child processes so the generator is not the bottleneck. */
export class WorkerPool {
  private nextId = 1
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()

  private constructor(private readonly workers: ChildProcess[]) {
    for (const worker of workers) {
      worker.on('message', (reply: WorkerReply) => {
        const waiter = this.waiting.get(reply.id)
        if (!waiter) return
        this.waiting.delete(reply.id)
        if (reply.ok) waiter.resolve(reply.result)
        else waiter.reject(new Error(`worker: ${reply.error}`))
      })
      worker.once('exit', (code, signal) => {
        for (const waiter of this.waiting.values()) waiter.reject(new Error(`load-generator worker exited (${code ?? signal})`))
        this.waiting.clear()
      })
    }
  }

  /** Forks `count` workers and deals `indices` out to them round-robin. */
  static async start(count: number, setup: Omit<WorkerSetup, 'indices'>, indices: readonly number[]): Promise<WorkerPool> {
    const workers = Array.from({ length: count }, () => forkTs(WORKER_ENTRY))
    const pool = new WorkerPool(workers)
    await Promise.all(workers.map((_, w) => pool.callOne(w, { op: 'setup', ...setup, indices: indices.filter((_, i) => i % count === w) }, 30_000)))
    return pool
  }

  get pids(): number[] {
    return this.workers.map((w) => w.pid ?? -1)
  }

  async connect(batchSize: number, afterSync: AfterSync, timeoutMs: number): Promise<ConnectResult> {
    const perWorker = Math.max(1, Math.ceil(batchSize / this.workers.length))
    const parts = (await this.callAll({ op: 'connect', batchSize: perWorker, afterSync, timeoutMs }, timeoutMs)) as ConnectResult[]
    return {
      ...mergeBursts(parts),
      syncedAt: parts.flatMap((p) => p.syncedAt),
      connected: sum(parts.map((p) => p.connected)),
      synced: sum(parts.map((p) => p.synced)),
      lastOpenAt: Math.max(...parts.map((p) => p.lastOpenAt)),
    }
  }

  /** From now on every light client notes its first sync update. Resolves once all workers have armed it. */
  async mark(): Promise<void> {
    await this.callAll({ op: 'mark' }, 0)
  }

  async arrivals(): Promise<ArrivalsResult> {
    const parts = (await this.callAll({ op: 'arrivals' }, 0)) as ArrivalsResult[]
    return {
      clients: sum(parts.map((p) => p.clients)),
      firstAt: parts.flatMap((p) => p.firstAt),
      updates: sum(parts.map((p) => p.updates)),
    }
  }

  async commandBurst(template: CommandTemplate, perClient: number, spreadMs: number, timeoutMs: number): Promise<BurstResult> {
    const parts = (await this.callAll({ op: 'commandBurst', template, perClient, spreadMs, timeoutMs }, timeoutMs)) as BurstResult[]
    return mergeBursts(parts)
  }

  async writeBurst(template: WriteTemplate, perClient: number, spreadMs: number, timeoutMs: number): Promise<BurstResult> {
    const parts = (await this.callAll({ op: 'writeBurst', template, perClient, spreadMs, timeoutMs }, timeoutMs)) as BurstResult[]
    return mergeBursts(parts)
  }

  async awareness(intervalMs: number | null): Promise<void> {
    await this.callAll({ op: 'awareness', intervalMs }, 0)
  }

  async counters(reset: boolean): Promise<Counters> {
    const parts = (await this.callAll({ op: 'counters', reset }, 0)) as Counters[]
    const byKind: Record<string, number> = {}
    const bytesByKind: Record<string, number> = {}
    const closeCodes: Record<string, number> = {}
    for (const p of parts) for (const [k, n] of Object.entries(p.closeCodes)) closeCodes[k] = (closeCodes[k] ?? 0) + n
    for (const p of parts) for (const [k, n] of Object.entries(p.byKind)) byKind[k] = (byKind[k] ?? 0) + n
    for (const p of parts) for (const [k, n] of Object.entries(p.bytesByKind)) bytesByKind[k] = (bytesByKind[k] ?? 0) + n
    return {
      messages: sum(parts.map((p) => p.messages)),
      bytes: sum(parts.map((p) => p.bytes)),
      byKind,
      bytesByKind,
      openSockets: sum(parts.map((p) => p.openSockets)),
      closedUnexpectedly: sum(parts.map((p) => p.closedUnexpectedly)),
      closeCodes,
    }
  }

  /** Event-loop delay of each worker since the last call: high values mean the generator itself lagged. */
  async health(): Promise<Health[]> {
    return (await this.callAll({ op: 'health' }, 0)) as Health[]
  }

  async close(): Promise<void> {
    try {
      await this.callAll({ op: 'close' }, 0)
      // Workers exit by themselves after closing; SIGKILL whatever is still there after a moment.
      await Promise.race([Promise.all(this.workers.map((w) => (isRunning(w) ? once(w, 'exit') : null))), sleep(5000)])
    } catch {
      // reason: a worker that cannot close its sockets is killed below anyway.
    }
    await Promise.all(this.workers.map((w) => stopChild(w)))
  }

  private callAll(request: WorkerRequest, timeoutMs: number): Promise<unknown[]> {
    return Promise.all(this.workers.map((_, w) => this.callOne(w, request, timeoutMs + RPC_MARGIN_MS)))
  }

  private callOne(worker: number, request: WorkerRequest, timeoutMs: number): Promise<unknown> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id)
        reject(new Error(`load-generator worker did not answer ${request.op} within ${timeoutMs} ms`))
      }, timeoutMs)
      this.waiting.set(id, {
        resolve: (v) => (clearTimeout(timer), resolve(v)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      })
      this.workers[worker]?.send({ id, request })
    })
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0)
}

export function mergeBursts(parts: readonly BurstResult[]): BurstResult {
  return {
    sentAt: parts.flatMap((p) => p.sentAt),
    latencyMs: parts.flatMap((p) => p.latencyMs),
    failures: mergeFailures(parts.map((p) => p.failures)),
    writes: parts.flatMap((p) => p.writes),
    lastAnswerAt: Math.max(0, ...parts.map((p) => p.lastAnswerAt)),
  }
}
