import { Redis } from 'ioredis'
import { MeetingFeedTracker, type FeedDecision } from './MeetingFeedTracker.ts'
import { MeetingMessage, NodeMessage, meetingChannel, nodeChannel, parseRelayMessage, toBase64 } from './relayMessages.ts'

export interface RelayOptions {
  url: string
  nodeId: string
  /** How often an owner says "alive, last seq N" on each meeting it owns. */
  beatMs?: number
  /** A followed meeting whose owner said nothing this long is reported `silent` (then its sockets are closed). */
  silenceMs?: number
  /**
   * The epoch under which this node holds a meeting now (null: not any more). Asked before each heartbeat, so a
   * meeting this node lost or gave up stops being announced as alive.
   */
  epochOf?: (meetingId: string) => number | null
}

export type FeedEvent =
  | { meetingId: string; decision: FeedDecision; message: MeetingMessage }
  | { meetingId: string; decision: { action: 'resync'; reason: 'silent' }; message: null }

export interface RelayHandlers {
  onFeed(event: FeedEvent): void
  onNodeMessage(message: NodeMessage): void
}

/**
 * The message bus between nodes, on Redis pub/sub. An owner publishes each meeting's broadcasts tagged with its
 * fencing epoch and a gap-free sequence, plus heartbeats; followers check order with MeetingFeedTracker and hear
 * of gaps, new owners and silence. Pub/sub keeps nothing: whatever is published while a follower is cut off is
 * lost to it, which the sequence (or the silence) reveals, so the follower resyncs its sockets from Postgres.
 * Nothing here is durable and nothing needs to be: Postgres holds the truth.
 */
export class RedisRelay {
  private readonly tracker = new MeetingFeedTracker()
  private readonly owned = new Map<string, { epoch: number; seq: number }>()
  private readonly followed = new Set<string>()
  private readonly timers: NodeJS.Timeout[] = []
  /** When the silence check last ran: a check that runs late ran after a blocked event loop (see checkSilence). */
  private lastCheckAt = Date.now()
  private invalidCount = 0

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    readonly nodeId: string,
    private readonly handlers: RelayHandlers,
    private readonly beatMs: number,
    private readonly silenceMs: number,
    private readonly epochOf: ((meetingId: string) => number | null) | null,
  ) {}

  static async connect(options: RelayOptions, handlers: RelayHandlers): Promise<RedisRelay> {
    // The publisher does not queue while disconnected: a broadcast that cannot go now is lost at once (its seq
    // is spent, so followers see the gap) rather than delivered late out of its moment.
    const publisher = new Redis(options.url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: true, retryStrategy: retryEvery })
    const subscriber = new Redis(options.url, { lazyConnect: true, retryStrategy: retryEvery, maxRetriesPerRequest: null })
    // reason: connection errors surface as reconnects and failed publishes; ioredis also emits them here.
    publisher.on('error', () => undefined)
    subscriber.on('error', () => undefined)
    await Promise.all([publisher.connect(), subscriber.connect()])
    const relay = new RedisRelay(publisher, subscriber, options.nodeId, handlers, options.beatMs ?? 1_000, options.silenceMs ?? 3_000, options.epochOf ?? null)
    subscriber.on('message', (channel: string, raw: string) => relay.receive(channel, raw))
    await subscriber.subscribe(nodeChannel(options.nodeId))
    relay.timers.push(setInterval(() => relay.beat(), relay.beatMs))
    relay.timers.push(setInterval(() => relay.checkSilence(), Math.max(50, Math.floor(relay.silenceMs / 4))))
    return relay
  }

  /** Messages that failed to parse (schema or JSON) since start. */
  get invalidMessages(): number {
    return this.invalidCount
  }

  /** Both links to Redis are up: relaying works now (otherwise the node falls back to passing sockets on). */
  get isUp(): boolean {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready'
  }

  /**
   * This node now owns the meeting under `epoch`: its broadcasts start again at seq 1. Owning it again under the same
   * epoch (the room reloaded) keeps the sequence going: followers would take a restart at 1 for duplicates.
   */
  own(meetingId: string, epoch: number): void {
    if (this.owned.get(meetingId)?.epoch === epoch) return
    this.owned.set(meetingId, { epoch, seq: 0 })
  }

  /** Whether this node announces (heartbeats, broadcasts) the meeting as its owner now. */
  owns(meetingId: string): boolean {
    return this.owned.has(meetingId)
  }

  disown(meetingId: string): void {
    this.owned.delete(meetingId)
  }

  /**
   * Publishes one committed broadcast of an owned meeting. Resolves with its seq; rejects when Redis is
   * unreachable (the seq is used up all the same, so followers detect the hole).
   */
  async broadcast(meetingId: string, update: Uint8Array): Promise<number> {
    const owned = this.owned.get(meetingId)
    if (!owned) throw new Error(`not the owner of ${meetingId}`)
    const seq = ++owned.seq
    const message: MeetingMessage = { kind: 'broadcast', meetingId, owner: this.nodeId, epoch: owned.epoch, seq, update: toBase64(update) }
    await this.publisher.publish(meetingChannel(meetingId), JSON.stringify(message))
    return seq
  }

  /** Subscribes to a meeting's channel; resolves once Redis confirmed it (from then on nothing published is missed). */
  async follow(meetingId: string, epoch = 0): Promise<void> {
    if (this.followed.has(meetingId)) return
    this.followed.add(meetingId)
    this.tracker.watch(meetingId, Date.now(), epoch)
    await this.subscriber.subscribe(meetingChannel(meetingId))
  }

  async unfollow(meetingId: string): Promise<void> {
    if (!this.followed.delete(meetingId)) return
    this.tracker.forget(meetingId)
    await this.subscriber.unsubscribe(meetingChannel(meetingId))
  }

  /** After a resync the follower starts from whatever comes next. */
  restart(meetingId: string): void {
    this.tracker.forget(meetingId)
    if (this.followed.has(meetingId)) this.tracker.watch(meetingId, Date.now())
  }

  async sendToNode(nodeId: string, message: NodeMessage): Promise<void> {
    await this.publisher.publish(nodeChannel(nodeId), JSON.stringify(message))
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearInterval(t)
    this.publisher.disconnect()
    this.subscriber.disconnect()
  }

  private receive(channel: string, raw: string): void {
    if (channel.startsWith('qd:node:')) {
      const message = parseRelayMessage(NodeMessage, raw)
      if (!message) return void this.invalidCount++
      this.handlers.onNodeMessage(message)
      return
    }
    const message = parseRelayMessage(MeetingMessage, raw)
    if (!message || channel !== meetingChannel(message.meetingId)) return void this.invalidCount++
    if (!this.followed.has(message.meetingId)) return
    this.handlers.onFeed({ meetingId: message.meetingId, decision: this.tracker.accept(message, Date.now()), message })
  }

  private beat(): void {
    for (const [meetingId, { epoch, seq }] of this.owned) {
      if (this.epochOf && this.epochOf(meetingId) !== epoch) {
        this.owned.delete(meetingId)
        continue
      }
      const message: MeetingMessage = { kind: 'beat', meetingId, owner: this.nodeId, epoch, seq }
      // reason: a beat that cannot be sent is exactly the silence followers watch for.
      this.publisher.publish(meetingChannel(meetingId), JSON.stringify(message)).catch(() => undefined)
    }
  }

  private checkSilence(): void {
    // A node whose event loop was blocked (a burst, a GC pause) runs this timer before it reads the heartbeats waiting
    // in its socket: every owner would look silent. Such a late round is skipped; the next one, after the reads, decides.
    const now = Date.now()
    const everyMs = Math.max(50, Math.floor(this.silenceMs / 4))
    const isLate = now - this.lastCheckAt > 2 * everyMs
    this.lastCheckAt = now
    if (isLate) return
    for (const meetingId of this.tracker.takeSilent(Date.now(), this.silenceMs)) {
      if (!this.followed.has(meetingId)) continue
      this.tracker.watch(meetingId, Date.now())
      this.handlers.onFeed({ meetingId, decision: { action: 'resync', reason: 'silent' }, message: null })
    }
  }
}

/** Reconnect quickly and forever: the bus coming back is the normal case. */
function retryEvery(times: number): number {
  return Math.min(50 * times, 500)
}
