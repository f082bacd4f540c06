import type { RoomConnection } from '../sync/RoomConnection.ts'
import { syncUpdateFrame } from '../sync/frames.ts'
import { mergeUpdates } from '../sync/mergeUpdates.ts'

/** Below this many sockets every commit is sent to everyone at once (and tests can rely on that order). */
export const COALESCE_ABOVE_CONNECTIONS = 200
const MIN_BROADCAST_GAP_MS = 20
const MAX_BROADCAST_GAP_MS = 400

/**
 * Sends committed updates to a room's sockets. Whoever acted in a commit gets it first, with everything still
 * waiting to go to everyone (Yjs applies nothing whose predecessors are missing), so they see their change before
 * their acknowledgement. Everyone else: in a small room at once; in a big one, updates committed close together
 * are merged and sent as one frame, at most every eight times the last send took (≤ 400 ms), so sending to
 * everyone takes at most an eighth of the server's time. One frame to 5,000 sockets costs tens of milliseconds;
 * doing that on every commit tick of a burst would leave no time for the commands themselves.
 *
 * Updates go only to sockets that were sent their sync step 2 (`listen`). Before that a socket lacks the doc, and
 * an update whose predecessors it lacks would be held back by Yjs while its deletions apply at once: the client
 * would briefly see a replaced value (the stage, say) vanish. The step 2 it gets later holds everything anyway.
 */
export class Broadcaster {
  /** Committed updates not yet sent to everyone. */
  private unsent: Uint8Array[] = []
  /** The unsent updates as one frame, for catchUp (built on first use after they change). */
  private mergedUnsent: Uint8Array | null = null
  /** Sockets that already received every unsent update personally (the latest commit's actors). */
  private haveUnsent = new Set<RoomConnection>()
  private timer: NodeJS.Timeout | null = null
  private lastSentAt = 0
  private lastSendMs = 0
  private isStopped = false
  /** Sockets that hold the doc (were sent a sync step 2); only they can apply an update. */
  private readonly listening = new Set<RoomConnection>()

  constructor(private readonly connections: ReadonlySet<RoomConnection>) {}

  /** `conn` was just sent a sync step 2: from now on it receives every update. */
  listen(conn: RoomConnection): void {
    if (this.connections.has(conn)) this.listening.add(conn)
  }

  /** `conn` left the room. */
  forget(conn: RoomConnection): void {
    this.listening.delete(conn)
  }

  /** A commit resolved holding `update` (null: it changed nothing shared); `actors` acted in it. */
  committed(update: Uint8Array | null, actors: ReadonlySet<RoomConnection>): void {
    if (!update || this.isStopped) return
    if (actors.size > 0) {
      const mine = this.unsent.length === 0 ? update : mergeUpdates([...this.unsent, update])
      const frame = syncUpdateFrame(mine)
      for (const conn of actors) if (this.listening.has(conn)) conn.send(frame)
    }
    // The actors now hold everything unsent; nobody else does.
    this.haveUnsent = new Set(actors)
    this.unsent.push(update)
    this.mergedUnsent = null
    if (this.timer) return
    const gap = this.listening.size < COALESCE_ABOVE_CONNECTIONS ? 0 : Math.min(MAX_BROADCAST_GAP_MS, Math.max(MIN_BROADCAST_GAP_MS, this.lastSendMs * 8))
    const wait = this.lastSentAt + gap - performance.now()
    if (wait <= 0) {
      this.flush()
      return
    }
    this.timer = setTimeout(() => {
      this.timer = null
      this.flush()
    }, wait)
  }

  /**
   * `conn` is about to be sent something that may depend on updates still waiting to go to everyone (a cluster
   * follower relaying the owner's ack): it gets them now, merged, and is skipped when they go to everyone.
   */
  catchUp(conn: RoomConnection): void {
    if (this.unsent.length === 0 || this.haveUnsent.has(conn) || !this.listening.has(conn)) return
    this.mergedUnsent ??= syncUpdateFrame(this.unsent.length === 1 ? (this.unsent[0] as Uint8Array) : mergeUpdates(this.unsent))
    conn.send(this.mergedUnsent)
    this.haveUnsent.add(conn)
  }

  /** One frame to every socket. */
  toEveryone(frame: Uint8Array): void {
    for (const conn of this.connections) conn.send(frame)
  }

  /** The room broke: what was not sent stays unsent (nobody must see it before a reload). */
  stop(): void {
    this.isStopped = true
    this.unsent = []
    this.mergedUnsent = null
    this.listening.clear()
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private flush(): void {
    if (this.unsent.length === 0 || this.isStopped) return
    const update = this.unsent.length === 1 ? (this.unsent[0] as Uint8Array) : mergeUpdates(this.unsent)
    this.unsent = []
    this.mergedUnsent = null
    const skip = this.haveUnsent
    this.haveUnsent = new Set()
    const started = performance.now()
    const frame = syncUpdateFrame(update)
    for (const conn of this.listening) if (!skip.has(conn)) conn.send(frame)
    this.lastSentAt = performance.now()
    this.lastSendMs = this.lastSentAt - started
  }
}
