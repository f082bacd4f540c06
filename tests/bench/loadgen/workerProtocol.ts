import type { SocketKind } from './benchSocket.ts'
import type { WireKind } from './wire.ts'

/**
 * A Quarterdeck command as the load generator sends it. String values may contain placeholders, filled per
 * command: `{i}` the client's global index, `{k}` the command's number for that client (0, 1, …),
 * `{choice}` an entry of `choices` (round-robin over i + k) — e.g. a submission id to vote for.
 * `id` is added by the client.
 */
export interface CommandTemplate {
  command: Record<string, unknown>
  choices?: readonly string[]
}

/** A Yjs write made by a peer client: `map.set(key, value)` with a value of about `valueBytes`. */
export interface WriteTemplate {
  map: string
  valueBytes: number
}

/** What a light client does once it is synced: nothing, send a command (ours) or write an entry (peers). */
export type AfterSync = { kind: 'none' } | { kind: 'command'; template: CommandTemplate } | { kind: 'write'; template: WriteTemplate }

export interface WorkerSetup {
  wire: WireKind
  socketKind: SocketKind
  offerDeflate: boolean
  roomUrl: string
  documentName: string
  /** Global indices of this worker's clients (their names, ids and Yjs clientIDs derive from them). */
  indices: number[]
}

export type WorkerRequest =
  | ({ op: 'setup' } & WorkerSetup)
  | { op: 'connect'; batchSize: number; afterSync: AfterSync; timeoutMs: number }
  | { op: 'mark' }
  | { op: 'arrivals' }
  | { op: 'commandBurst'; template: CommandTemplate; perClient: number; spreadMs: number; timeoutMs: number }
  | { op: 'writeBurst'; template: WriteTemplate; perClient: number; spreadMs: number; timeoutMs: number }
  | { op: 'awareness'; intervalMs: number | null }
  | { op: 'counters'; reset: boolean }
  | { op: 'health' }
  | { op: 'close' }

export interface Failures {
  /** Error code (a command's refusal code, `timeout`, `connect_failed`, `closed:<code>`) → count. */
  byCode: Record<string, number>
  total: number
}

/** Outcome of a batch of requests that each expect one answer (a command reply or an update echo). */
export interface BurstResult {
  /** Epoch ms when each answered request was sent, and how long its answer took. */
  sentAt: number[]
  latencyMs: number[]
  failures: Failures
  /** Peers: (clientID, clock) write keys with their send times, to compute fan-out in measuring clients. */
  writes: [key: number, sentAt: number][]
  /** Epoch ms of the last answer. */
  lastAnswerAt: number
}

export interface ConnectResult extends BurstResult {
  /** Epoch ms at which each client that synced received sync step 2. */
  syncedAt: number[]
  connected: number
  synced: number
  /** Epoch ms at which the last client of this worker had a socket open. */
  lastOpenAt: number
}

export interface ArrivalsResult {
  clients: number
  /** Epoch ms of the first sync update after the mark, for every client that received one. */
  firstAt: number[]
  /** Sync updates received since the mark, summed over clients. */
  updates: number
}

export interface Counters {
  messages: number
  bytes: number
  /** Message counts by kind: step2, update, awareness, app, other. */
  byKind: Record<string, number>
  /** Bytes by kind (step2, update, app, awareness, other). */
  bytesByKind: Record<string, number>
  openSockets: number
  closedUnexpectedly: number
  /** Close codes of sockets the server closed (or that dropped), since the worker started. */
  closeCodes: Record<string, number>
}

export interface Health {
  eventLoopDelayP99Ms: number
  eventLoopDelayMaxMs: number
}

export type WorkerReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string }
