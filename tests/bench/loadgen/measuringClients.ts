import WebSocket from 'ws'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import { nowMs, pollUntil } from '../clock.ts'
import { FrameKind, awarenessState, createWire, writeKey, type Wire, type WireKind } from './wire.ts'
import { benchValue } from './lightClient.ts'

/** Yjs clientIDs of measuring clients (light clients start at 1,000,000). */
const MEASURER_ID_BASE = 500_000
const REMOTE = Symbol('remote')
/**
 * Received updates are applied to the doc in batches. Yjs does O(number of clientIDs in the doc) work per
 * transaction (state vectors in the cleanup), so with thousands of writers one transaction per update would
 * make the measuring clients — not the server — the bottleneck. Arrival times are taken per frame anyway.
 */
const APPLY_BATCH_MS = 25

/**
 * A full Yjs client for the peer servers: a `ws` socket plus a real Y.Doc. It records when each write of
 * every client (identified by clientID and clock, read with Y.parseUpdateMeta) first reaches it, so
 * fan-out latency can be computed against the writers' send times; its own writes are timed by their echo.
 */
export class MeasuringClient {
  readonly doc = new Y.Doc()
  readonly wire: Wire
  ws: WebSocket | null = null
  syncedAt = 0
  bytes = 0
  messages = 0
  /** writeKey(client, clock) → epoch ms of first arrival (own writes: of their echo). */
  readonly arrivals = new Map<number, number>()
  private readonly pendingEcho = new Map<number, number>()
  readonly ackLatencyMs: number[] = []
  readonly writes: [number, number][] = []
  private readonly writers = new Set<number>()
  private writersTarget = Number.POSITIVE_INFINITY
  writersReachedAt = 0
  private queued: Uint8Array[] = []
  private applyTimer: NodeJS.Timeout | null = null
  private awarenessTimer: NodeJS.Timeout | null = null
  private awarenessClock = 0

  constructor(
    readonly index: number,
    kind: WireKind,
    documentName: string,
    private readonly roomUrl: string,
  ) {
    this.doc.clientID = MEASURER_ID_BASE + index
    this.wire = createWire(kind, documentName)
  }

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.roomUrl, { perMessageDeflate: false, handshakeTimeout: 20_000 })
      this.ws = ws
      ws.on('open', () => {
        for (const frame of this.wire.openFrames()) ws.send(frame)
        resolve()
      })
      ws.on('error', reject)
      ws.on('message', (data: Buffer) => this.onFrame(data))
    })
  }

  /** Notes when writes of `target` distinct other clients have reached this client. */
  expectWriters(target: number): void {
    this.writersTarget = target
    this.writersReachedAt = this.writers.size >= target ? nowMs() : 0
  }

  /** Writes one entry of about `valueBytes` into `map`; returns its write key. */
  write(map: string, valueBytes: number): number {
    const clock = Y.getState(this.doc.store, this.doc.clientID)
    let update: Uint8Array | null = null
    const capture = (u: Uint8Array) => (update = u)
    this.doc.on('update', capture)
    this.doc.getMap(map).set(`m${this.index}:${clock}`, benchValue(this.index, valueBytes))
    this.doc.off('update', capture)
    const key = writeKey(this.doc.clientID, clock)
    const sentAt = nowMs()
    this.pendingEcho.set(clock, sentAt)
    this.writes.push([key, sentAt])
    if (update && this.ws?.readyState === WebSocket.OPEN) this.ws.send(this.wire.updateFrame(update))
    return key
  }

  /** Drops echo bookkeeping of earlier scenarios (a late echo must not count as this scenario's ack). */
  forgetPending(): void {
    this.pendingEcho.clear()
    this.ackLatencyMs.length = 0
    this.writes.length = 0
  }

  startAwareness(intervalMs: number): void {
    this.stopAwareness()
    const state = awarenessState(MEASURER_ID_BASE + this.index)
    const renew = () => {
      if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(this.wire.awarenessFrame(this.doc.clientID, ++this.awarenessClock, state))
    }
    this.awarenessTimer = setTimeout(() => {
      renew()
      this.awarenessTimer = setInterval(renew, intervalMs)
    }, Math.random() * intervalMs)
  }

  stopAwareness(): void {
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer)
    this.awarenessTimer = null
  }

  /** Applies every received update now. */
  applyQueued(): void {
    if (this.applyTimer) clearTimeout(this.applyTimer)
    this.applyTimer = null
    const updates = this.queued
    this.queued = []
    if (updates.length === 0) return
    this.doc.transact(() => {
      for (const u of updates) Y.applyUpdate(this.doc, u, REMOTE)
    }, REMOTE)
  }

  close(): void {
    this.stopAwareness()
    if (this.applyTimer) clearTimeout(this.applyTimer)
    this.ws?.terminate()
    this.doc.destroy()
  }

  private onFrame(data: Buffer): void {
    const at = nowMs()
    this.messages++
    this.bytes += data.byteLength
    const { kind, decoder } = this.wire.read(data)
    if (kind !== FrameKind.Step2 && kind !== FrameKind.Update) return
    const update = decoding.readVarUint8Array(decoder)
    if (kind === FrameKind.Step2 && this.syncedAt === 0) this.syncedAt = at
    const meta = Y.parseUpdateMeta(update)
    for (const [client, from] of meta.from) {
      const to = meta.to.get(client) ?? from
      if (client !== this.doc.clientID) this.writers.add(client)
      for (let clock = from; clock < to; clock++) {
        const key = writeKey(client, clock)
        if (!this.arrivals.has(key)) this.arrivals.set(key, at)
        if (client !== this.doc.clientID) continue
        const sentAt = this.pendingEcho.get(clock)
        if (sentAt === undefined) continue
        this.pendingEcho.delete(clock)
        this.ackLatencyMs.push(at - sentAt)
      }
    }
    if (this.writersReachedAt === 0 && this.writers.size >= this.writersTarget) this.writersReachedAt = at
    this.queued.push(update)
    this.applyTimer ??= setTimeout(() => this.applyQueued(), APPLY_BATCH_MS)
  }
}

export class MeasuringClients {
  readonly clients: MeasuringClient[]

  constructor(count: number, kind: WireKind, documentName: string, roomUrl: string) {
    this.clients = Array.from({ length: count }, (_, i) => new MeasuringClient(i, kind, documentName, roomUrl))
  }

  async connect(timeoutMs: number): Promise<void> {
    await Promise.all(this.clients.map((c) => c.connect()))
    const ok = await pollUntil(() => this.clients.every((c) => c.syncedAt > 0), timeoutMs, 20)
    if (!ok) throw new Error('measuring clients did not sync in time')
  }

  forgetPending(): void {
    for (const c of this.clients) c.forgetPending()
  }

  takeAcks(): number[] {
    const all = this.clients.flatMap((c) => c.ackLatencyMs)
    for (const c of this.clients) c.ackLatencyMs.length = 0
    return all
  }

  takeWrites(): [number, number][] {
    const all = this.clients.flatMap((c) => c.writes)
    for (const c of this.clients) c.writes.length = 0
    return all
  }

  /**
   * For each write (key, sentAt): the time until it had reached every measuring client other than its writer.
   * Returns the latencies of the writes that reached all, and how many did not (yet).
   */
  fanout(writes: readonly [number, number][]): { latencyMs: number[]; missing: number; lastArrivalAt: number } {
    const latencyMs: number[] = []
    let missing = 0
    let lastArrivalAt = 0
    for (const [key, sentAt] of writes) {
      let latest = 0
      let isComplete = true
      for (const c of this.clients) {
        if (Math.floor(key / 1024) === c.doc.clientID) continue
        const at = c.arrivals.get(key)
        if (at === undefined) {
          isComplete = false
          break
        }
        if (at > latest) latest = at
      }
      if (!isComplete) {
        missing++
        continue
      }
      latencyMs.push(latest - sentAt)
      if (latest > lastArrivalAt) lastArrivalAt = latest
    }
    return { latencyMs, missing, lastArrivalAt }
  }

  traffic(): { bytes: number; messages: number } {
    let bytes = 0
    let messages = 0
    for (const c of this.clients) {
      bytes += c.bytes
      messages += c.messages
    }
    return { bytes, messages }
  }

  resetTraffic(): void {
    for (const c of this.clients) {
      c.bytes = 0
      c.messages = 0
    }
  }

  /** Same state vector everywhere, and every card of the join storm in every doc. */
  converged(expectedCards: number): { isConverged: boolean; detail: string } {
    for (const c of this.clients) c.applyQueued()
    const prints = this.clients.map((c) => JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(c.doc)).entries()].sort((a, b) => a[0] - b[0])))
    const distinct = new Set(prints).size
    const cards = Math.min(...this.clients.map((c) => c.doc.getMap('cards').size))
    return {
      isConverged: distinct === 1 && cards >= expectedCards,
      detail: `${distinct} distinct state vector(s) among ${prints.length} measuring clients; ≥ ${cards}/${expectedCards} cards in each`,
    }
  }

  close(): void {
    for (const c of this.clients) c.close()
  }
}
