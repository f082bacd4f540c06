import type { BenchOptions } from '../cli.ts'
import type { MeasuringClients } from '../loadgen/measuringClients.ts'
import type { QuarterdeckObservers } from '../loadgen/quarterdeckObservers.ts'
import type { WorkerPool } from '../loadgen/workerPool.ts'
import type { Percentiles } from '../stats.ts'
import type { RunningTarget, TargetName } from '../targets/types.ts'

export type ScenarioId = 'join' | 'submit' | 'board' | 'tovote' | 'vote' | 'reveal' | 'idle'

/** Everything a scenario may use. One session = one server child, one room, N clients, scenarios in order. */
export interface SessionContext {
  target: RunningTarget
  options: BenchOptions
  /** Participants in the room (light + full/measuring clients; the facilitator is extra). */
  n: number
  /** Light clients' global indices are 0 … lightCount-1. */
  lightCount: number
  pool: WorkerPool
  /** Quarterdeck only. */
  observers: QuarterdeckObservers | null
  /** Peers only. */
  measurers: MeasuringClients | null
  /** A timeout for one phase: `baseMs` plus `perClientMs` per participant, times --timeout-scale. */
  timeoutMs(baseMs: number, perClientMs: number): number
  log(message: string): void
}

export type ScenarioStatus = 'ok' | 'partial' | 'n/a' | 'failed'

export interface ScenarioOutcome {
  status: ScenarioStatus
  note?: string
  /** Command reply (ours) or update echo (peers) latency, ms. */
  ackMs?: Percentiles | null
  /** Time from the scenario's first send until its change had reached every client that measures it, ms. */
  propagationMs?: number | null
  /** Per-write fan-out latency to all measuring clients, ms (bursts). */
  fanoutMs?: Percentiles | null
  /** Time from the scenario's start until every client had its answer (e.g. synced + joined), ms. */
  completionMs?: number | null
  errors: number
  errorCodes: Record<string, number>
  extra?: Record<string, number | string | null>
}

export interface Scenario {
  id: ScenarioId
  /** The number used in the design document (1 join storm … 7 idle presence). */
  number: number
  title: string
  /**
   * Scenarios that must have run before this one on `target` (e.g. voting needs the submissions of the submit
   * burst). With --only, the session runs them as setup (marked * in the table). Join storm always runs.
   */
  needs?(target: TargetName): ScenarioId[]
  /** Why this scenario cannot run against `target` yet, or null when it can. Printed as "n/a: …". */
  unavailable(target: TargetName, n: number, options: BenchOptions): string | null
  /**
   * Setup that is not measured (stage moves, opening the vote…): runs before the session opens the
   * measurement window; what it returns is handed to `run`.
   */
  prepare?(ctx: SessionContext): Promise<Prepared>
  run(ctx: SessionContext, prepared: Prepared): Promise<ScenarioOutcome>
}

export type Prepared = Record<string, unknown>

export function notAvailable(note: string): ScenarioOutcome {
  return { status: 'n/a', note, errors: 0, errorCodes: {} }
}
