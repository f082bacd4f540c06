import { type NodeMessage, toBase64 } from '../relay/relayMessages.ts'

/** One thing the owner sends one socket held by another node: a frame, or the socket's close. */
export type PrivateItem = { socketId: string; frame: Uint8Array } | { socketId: string; close: { code: number; reason: string } }

type PrivatesMessage = Extract<NodeMessage, { kind: 'privates' }>
type WireItem = PrivatesMessage['items'][number]

/** Keeps one relay message well under Redis's and the schema's limits. */
const MAX_ITEMS_PER_MESSAGE = 5_000
const MAX_CHARS_PER_MESSAGE = 1_000_000

/**
 * What an owner sends to sockets held by other nodes (acks, replies, private feeds, closes), gathered per node and
 * sent once per turn of the event loop: a vote burst's thousand acks cost a handful of Redis messages, not a
 * thousand. Gathering only delays, never reorders: every item leaves after the meeting broadcast published earlier in
 * the same turn (one Redis connection keeps publish order), so a client sees its change before its ack.
 */
export class PrivateOutbox {
  private readonly pending = new Map<string, WireItem[]>()
  private isScheduled = false

  constructor(
    private readonly ownerId: string,
    /** Publishes one message on a node's channel; a failure loses it (the follower then hears silence or a gap). */
    private readonly publish: (nodeId: string, message: PrivatesMessage) => Promise<void>,
  ) {}

  push(nodeId: string, item: PrivateItem): void {
    const wire: WireItem = 'frame' in item ? { socketId: item.socketId, frame: toBase64(item.frame) } : item
    const items = this.pending.get(nodeId)
    if (items) items.push(wire)
    else this.pending.set(nodeId, [wire])
    if (this.isScheduled) return
    this.isScheduled = true
    setImmediate(() => this.flush())
  }

  /** Sends everything gathered so far (called by the timer; tests may call it directly). */
  flush(): void {
    this.isScheduled = false
    for (const [nodeId, items] of this.pending) {
      for (const chunk of chunks(items)) {
        // reason: a lost message is seen by the follower as silence or a gap; nothing here can do better.
        this.publish(nodeId, { kind: 'privates', owner: this.ownerId, items: chunk }).catch(() => undefined)
      }
    }
    this.pending.clear()
  }
}

function* chunks(items: WireItem[]): Generator<WireItem[]> {
  let chunk: WireItem[] = []
  let chars = 0
  for (const item of items) {
    const size = 'frame' in item && item.frame ? item.frame.length : 64
    if (chunk.length > 0 && (chunk.length >= MAX_ITEMS_PER_MESSAGE || chars + size > MAX_CHARS_PER_MESSAGE)) {
      yield chunk
      chunk = []
      chars = 0
    }
    chunk.push(item)
    chars += size
  }
  if (chunk.length > 0) yield chunk
}
