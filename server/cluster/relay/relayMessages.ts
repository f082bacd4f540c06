import { z } from 'zod'

/**
 * What nodes say to each other over Redis. Every message is JSON, parsed with these schemas on arrival; anything
 * else is dropped (and counted). Binary payloads (Yjs updates, y-websocket frames) travel as base64.
 *
 * Channels: `qd:meeting:<meetingId>` carries the owner's broadcasts to every node following the meeting;
 * `qd:node:<nodeId>` carries what is meant for one node only (forwarded commands for the owner, private feeds
 * for the node that holds that person's socket, presence reports).
 */

/** 256 KB frames (the socket limit) are ~350 KB in base64. */
const MAX_BASE64_CHARS = 360_000
const Id = z.string().min(1).max(128)
const Base64 = z
  .string()
  .max(MAX_BASE64_CHARS)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/)
const Epoch = z.number().int().positive()
const Seq = z.number().int().nonnegative()

/** On a meeting channel. `seq` counts broadcasts within one epoch, from 1 with no holes. */
export const MeetingMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('broadcast'), meetingId: Id, owner: Id, epoch: Epoch, seq: Seq.min(1), update: Base64 }),
  /** The owner is alive, and `seq` is the last broadcast it sent: a follower that has less missed some. */
  z.object({ kind: z.literal('beat'), meetingId: Id, owner: Id, epoch: Epoch, seq: Seq }),
])
export type MeetingMessage = z.infer<typeof MeetingMessage>

/** On a node's private channel. */
export const NodeMessage = z.discriminatedUnion('kind', [
  /**
   * A non-owner passes on what a socket it holds sent (hello, commands) to the meeting's owner. The socket's first
   * frame says `open` and carries the client's address (for the owner's per-address limits); a frame for a socket
   * the owner does not know, without `open`, is answered with `close` (the owner restarted or dropped it).
   */
  z.object({
    kind: z.literal('forward'),
    meetingId: Id,
    from: Id,
    socketId: Id,
    frame: Base64,
    open: z.boolean().optional(),
    address: z.string().max(64).optional(),
  }),
  /** The owner sends one person's private feed (ballot, own proposals, roster) to the node holding their socket. */
  z.object({ kind: z.literal('private'), meetingId: Id, owner: Id, epoch: Epoch, socketId: Id, frame: Base64 }),
  /**
   * What the owner sent to sockets of one node during one tick (acks, replies, ballot, own proposals, roster), in
   * order: one message per node and tick instead of one per frame.
   */
  z.object({
    kind: z.literal('privates'),
    owner: Id,
    items: z
      .array(
        z.union([
          z.object({ socketId: Id, frame: Base64 }),
          /** The owner closed this socket (kicked, fenced, broken room, unknown socket): close it with this. */
          z.object({ socketId: Id, close: z.object({ code: z.number().int().min(1000).max(4999), reason: z.string().max(123) }) }),
        ]),
      )
      .max(10_000),
  }),
  /** A node that holds sockets for an owner says it lives (every second); the owner drops a silent node's sockets. */
  /** It also names the meetings it follows: an owner that has not loaded one yet loads it, so its heartbeats start. */
  z.object({ kind: z.literal('alive'), from: Id, meetingIds: z.array(Id).max(10_000).optional() }),
  /** A node's sockets in a meeting changed; the owner sums them for presence. */
  z.object({
    kind: z.literal('presence'),
    meetingId: Id,
    from: Id,
    joined: z.array(Id).max(1_000),
    left: z.array(Id).max(1_000),
  }),
])
export type NodeMessage = z.infer<typeof NodeMessage>

export const meetingChannel = (meetingId: string) => `qd:meeting:${meetingId}`
export const nodeChannel = (nodeId: string) => `qd:node:${nodeId}`

export const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
export const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'))

/** Parses one raw channel message; null when it is not valid JSON or does not match the schema. */
export function parseRelayMessage<T>(schema: z.ZodType<T>, raw: string): T | null {
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return null
  }
  const parsed = schema.safeParse(json)
  return parsed.success ? parsed.data : null
}
