import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import { newCommandId } from '../../../shared/client/commandId.ts'
import { nowMs } from '../clock.ts'
import { DEFAULT_WHOLE_LIMIT } from './frameReader.ts'
import { openSocket, type BenchSocket, type SocketKind } from './benchSocket.ts'
import { FrameKind, awarenessState, firstWriteOf, writeKey, type Wire } from './wire.ts'
import type { Tracker } from './tracker.ts'
import type { AfterSync, CommandTemplate, Counters, WriteTemplate } from './workerProtocol.ts'

/** Yjs clientIDs of light clients: distinct from the measuring clients' (see measuringClients.ts). */
export const LIGHT_CLIENT_ID_BASE = 1_000_000

const HANDSHAKE_TIMEOUT_MS = 20_000

/** State shared by all light clients of one worker process. */
export interface LightWorld {
  wire: Wire
  socketKind: SocketKind
  /** Offer permessage-deflate in the handshake, as browsers do. */
  offerDeflate: boolean
  roomUrl: string
  counters: Counters
  /** Set while a mark is active: clients note their first sync update after it. */
  isMarked: boolean
  /** Requests in flight belong to the current tracker (connect, command or write burst). */
  tracker: Tracker | null
}

/**
 * One simulated participant that never holds the meeting's Y.Doc: a raw `ws` socket that sends sync step 1,
 * notes when step 2 arrives, sends commands (Quarterdeck) or pre-encoded writes (peers) and times their
 * answers, and counts every frame it receives.
 */
export class LightClient {
  socket: BenchSocket | null = null
  openedAt = 0
  syncedAt = 0
  firstUpdateAt = 0
  updatesSinceMark = 0
  private isClosedByUs = false
  private commandCount = 0
  private awarenessClock = 0
  private awarenessTimer: NodeJS.Timeout | null = null
  /** Peers only: a tiny doc that produces this client's writes with the right clock. Never receives updates. */
  private writer: Y.Doc | null = null
  private readonly pendingCommands = new Map<string, number>()
  private readonly pendingWrites = new Map<number, number>()
  private afterSync: AfterSync = { kind: 'none' }

  constructor(
    readonly index: number,
    private readonly world: LightWorld,
  ) {}

  get clientId(): number {
    return LIGHT_CLIENT_ID_BASE + this.index
  }

  get isOpen(): boolean {
    return this.socket?.isOpen ?? false
  }

  /** Resolves when the socket is open (true) or could not be opened (false). */
  connect(afterSync: AfterSync): Promise<boolean> {
    this.afterSync = afterSync
    return new Promise((resolve) => {
      let isSettled = false
      this.socket = openSocket(
        this.world.socketKind,
        this.world.roomUrl,
        {
          onOpen: () => {
            this.openedAt = nowMs()
            this.world.counters.openSockets++
            isSettled = true
            resolve(true)
            for (const frame of this.world.wire.openFrames()) this.socket?.send(frame)
          },
          onMessage: (data, wireBytes, isWhole) => this.onFrame(data, wireBytes, isWhole),
          onError: () => {
            if (isSettled) return
            isSettled = true
            this.world.tracker?.fail('connect_failed')
            resolve(false)
          },
          onClose: (code) => this.onClose(code),
        },
        HANDSHAKE_TIMEOUT_MS,
        this.world.offerDeflate,
      )
    })
  }

  private onClose(code: number): void {
    if (this.openedAt > 0) this.world.counters.openSockets--
    this.stopAwareness()
    if (this.isClosedByUs) return
    const reason = `closed:${code}`
    if (this.openedAt > 0) {
      this.world.counters.closedUnexpectedly++
      this.world.counters.closeCodes[reason] = (this.world.counters.closeCodes[reason] ?? 0) + 1
    }
    if (this.syncedAt === 0 && this.openedAt > 0) this.world.tracker?.fail(reason)
    for (const _ of this.pendingCommands) this.world.tracker?.fail(reason)
    for (const _ of this.pendingWrites) this.world.tracker?.fail(reason)
    this.forgetPending()
  }

  /** Requests still unanswered when their tracker finished must not be counted by the next one. */
  forgetPending(): void {
    this.pendingCommands.clear()
    this.pendingWrites.clear()
    if (this.socket) this.socket.wholeFrameLimit = DEFAULT_WHOLE_LIMIT
  }

  sendCommand(template: CommandTemplate, tracker: Tracker | null): void {
    if (!this.isOpen) {
      tracker?.fail('not_open')
      return
    }
    const k = this.commandCount++
    // Like MeetingClient: 128 random bits (the server requires them for join, whose id is a replay key).
    const id = newCommandId()
    const choice = template.choices && template.choices.length > 0 ? template.choices[(this.index + k) % template.choices.length] : ''
    const text = JSON.stringify(template.command)
      .replaceAll('{i}', String(this.index))
      .replaceAll('{k}', String(k))
      .replaceAll('{choice}', choice ?? '')
    const command = { ...(JSON.parse(text) as Record<string, unknown>), id }
    this.pendingCommands.set(id, nowMs())
    this.socket?.send(this.world.wire.appFrame(command))
  }

  write(template: WriteTemplate, tracker: Tracker | null): void {
    if (!this.isOpen) {
      tracker?.fail('not_open')
      return
    }
    if (!this.writer) {
      this.writer = new Y.Doc()
      this.writer.clientID = this.clientId
    }
    const clock = Y.getState(this.writer.store, this.clientId)
    let update: Uint8Array | null = null
    const capture = (u: Uint8Array) => (update = u)
    this.writer.on('update', capture)
    this.writer.getMap(template.map).set(`${this.index}:${clock}`, benchValue(this.index, template.valueBytes))
    this.writer.off('update', capture)
    if (!update) return
    const sentAt = nowMs()
    this.pendingWrites.set(clock, sentAt)
    if (this.socket) this.socket.wholeFrameLimit = Number.POSITIVE_INFINITY
    tracker?.recordWrite(writeKey(this.clientId, clock), sentAt)
    this.socket?.send(this.world.wire.updateFrame(update))
  }

  startAwareness(intervalMs: number): void {
    this.stopAwareness()
    const state = awarenessState(this.index)
    const renew = () => {
      if (!this.isOpen) return
      this.socket?.send(this.world.wire.awarenessFrame(this.clientId, ++this.awarenessClock, state))
    }
    // Random phase, like real tabs that opened at different moments.
    this.awarenessTimer = setTimeout(() => {
      renew()
      this.awarenessTimer = setInterval(renew, intervalMs)
    }, Math.random() * intervalMs)
  }

  stopAwareness(): void {
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer) // clearTimeout also clears intervals
    this.awarenessTimer = null
  }

  resetMark(): void {
    this.firstUpdateAt = 0
    this.updatesSinceMark = 0
  }

  close(): void {
    this.isClosedByUs = true
    this.stopAwareness()
    this.socket?.terminate()
    this.writer?.destroy()
    this.writer = null
  }

  /** `data` may be only the first bytes of a large frame (!isWhole): enough to classify it, see frameReader.ts. */
  private onFrame(data: Uint8Array, totalLength: number, isWhole: boolean): void {
    const at = nowMs()
    const counters = this.world.counters
    counters.messages++
    counters.bytes += totalLength
    const { kind, decoder } = this.world.wire.read(data)
    switch (kind) {
      case FrameKind.Step2:
        bump(counters, 'step2', totalLength)
        if (this.syncedAt === 0) {
          this.syncedAt = at
          this.onSynced()
        }
        return
      case FrameKind.Update:
        bump(counters, 'update', totalLength)
        if (this.world.isMarked) {
          if (this.firstUpdateAt === 0) this.firstUpdateAt = at
          this.updatesSinceMark++
        }
        if (this.pendingWrites.size > 0) {
          decoding.readVarUint(decoder) // the update's length; its header (first client and clock) is all we read
          this.checkEcho(decoding.readTailAsUint8Array(decoder), at)
        }
        return
      case FrameKind.App:
        bump(counters, 'app', totalLength)
        // Replies, notices and feeds to a participant are small; a truncated one is counted, not parsed.
        if (!isWhole) bump(counters, 'app-large')
        else this.onApp(decoder, at)
        return
      case FrameKind.Awareness:
        bump(counters, 'awareness', totalLength)
        return
      default:
        bump(counters, 'other', totalLength)
    }
  }

  private onSynced(): void {
    const tracker = this.world.tracker
    const after = this.afterSync
    if (after.kind === 'none') tracker?.answer(this.openedAt, this.syncedAt)
    else if (after.kind === 'command') this.sendCommand(after.template, tracker)
    else this.write(after.template, tracker)
  }

  /**
   * Peers echo every update to its sender too: our own write coming back is its acknowledgement. y-websocket and
   * Hocuspocus 3 relay each update alone (its first write is the writer's); Hocuspocus 4 merges a tick's updates, so
   * a merged one is read with Y.parseUpdateMeta for the range of clocks it carries from us.
   */
  private checkEcho(update: Uint8Array, at: number): void {
    const first = firstWriteOf(update)
    if (!first) return
    if (first.client === this.clientId) {
      this.answerWrite(first.clock, at)
    } else if (update[0] !== 1) {
      let meta: { from: Map<number, number>; to: Map<number, number> }
      try {
        meta = Y.parseUpdateMeta(update)
      } catch {
        return // reason: a frame that began streaming before our write (so kept only its first bytes) cannot hold it.
      }
      const { from, to } = meta
      const start = from.get(this.clientId)
      const end = to.get(this.clientId)
      if (start === undefined || end === undefined) return
      for (const clock of [...this.pendingWrites.keys()]) if (clock >= start && clock < end) this.answerWrite(clock, at)
    }
    if (this.pendingWrites.size === 0 && this.socket) this.socket.wholeFrameLimit = DEFAULT_WHOLE_LIMIT
  }

  private answerWrite(clock: number, at: number): void {
    const sentAt = this.pendingWrites.get(clock)
    if (sentAt === undefined) return
    this.pendingWrites.delete(clock)
    this.world.tracker?.answer(sentAt, at)
  }

  private onApp(decoder: decoding.Decoder, at: number): void {
    let message: { kind?: string; id?: string | null; ok?: boolean; error?: { code?: string } }
    try {
      message = JSON.parse(decoding.readVarString(decoder)) as typeof message
    } catch {
      bump(this.world.counters, 'unreadable')
      return
    }
    if (message.kind !== 'reply' || typeof message.id !== 'string') {
      if (message.kind === 'reply' || message.kind === 'notice') bump(this.world.counters, `notice:${message.error?.code ?? '?'}`)
      return
    }
    const sentAt = this.pendingCommands.get(message.id)
    if (sentAt === undefined) return
    this.pendingCommands.delete(message.id)
    if (message.ok) this.world.tracker?.answer(sentAt, at)
    else this.world.tracker?.fail(message.error?.code ?? 'refused')
  }
}

function bump(counters: Counters, kind: string, bytes = 0): void {
  counters.byKind[kind] = (counters.byKind[kind] ?? 0) + 1
  if (bytes > 0) counters.bytesByKind[kind] = (counters.bytesByKind[kind] ?? 0) + bytes
}

/** A card-like JSON value of about `bytes` bytes. */
export function benchValue(index: number, bytes: number): { by: number; text: string } {
  const base = `Objective from person ${index}: `
  return { by: index, text: (base + 'grow adoption of the product in new markets '.repeat(Math.ceil(bytes / 40))).slice(0, Math.max(8, bytes - 16)) }
}
