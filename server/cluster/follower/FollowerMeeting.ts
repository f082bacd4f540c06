import * as Y from 'yjs'
import { MAX_COMMAND_BYTES } from '../../../shared/protocol/limits.ts'
import { MESSAGE_APP } from '../../../shared/protocol/wire.ts'
import { Broadcaster } from '../../room/Broadcaster.ts'
import type { SocketTarget } from '../../sync/attachSocket.ts'
import { isStateVector, noticeFrame } from '../../sync/frames.ts'
import { handleFrame, type CommandRoom, type FrameVerdict } from '../../sync/handleFrame.ts'
import { readMessageType } from '../../sync/readSyncMessage.ts'
import type { RoomConnection } from '../../sync/RoomConnection.ts'
import { SyncReplyCache } from '../../sync/SyncReplyCache.ts'

/** The owner a follower meeting relays to: its node and the lease epoch it holds the meeting under. */
export interface OwnerRef {
  nodeId: string
  epoch: number
}

/** How a follower meeting reaches its owner (over Redis, see RelayHub). */
export interface OwnerLink {
  /** Passes one app frame on; the socket's first also carries its address. Rejects when it could not be sent. */
  forward(socketId: string, frame: Uint8Array, opening: { address: string } | null): Promise<void>
  /** A socket that had talked to the owner is gone (presence counts it no more). */
  left(socketId: string): void
}

interface HeldSocket {
  id: string
  /** Its first frame went to the owner (so the owner knows it and must be told when it leaves). */
  isOpened: boolean
}

/**
 * A meeting this node does not own but holds sockets of (cluster mode with Redis). It keeps a copy of the meeting
 * doc: the committed state loaded from Postgres, then every broadcast of the owner applied in order. Sync requests
 * are answered from that copy here; client updates are refused here as on the owner (the doc is server-written);
 * hello and commands go to the owner, whose replies and private feeds come back for the one socket they are for.
 * Only committed state is ever in the copy: the owner publishes a tick's update after its COMMIT.
 */
export class FollowerMeeting implements CommandRoom {
  readonly doc = new Y.Doc({ gc: true })
  private readonly replies = new SyncReplyCache(this.doc)
  private readonly sockets = new Map<RoomConnection, HeldSocket>()
  private readonly connections = new Set<RoomConnection>()
  /**
   * The owner's updates to the sockets here, as the owner sends its own: only to sockets that hold the doc, and in a
   * big meeting merged and sent at most every few hundred milliseconds (see Broadcaster).
   */
  private readonly broadcaster = new Broadcaster(this.connections)
  /** Broadcasts that arrived while the stored state was loading (applied after it; applying twice is harmless). */
  private early: Uint8Array[] | null = []
  private isClosed = false

  constructor(
    readonly meetingId: string,
    readonly owner: OwnerRef,
    private readonly link: OwnerLink,
    private readonly newSocketId: () => string,
    /** Told of every socket that joins or leaves (the node maps socket ids to meetings). */
    private readonly onSockets: (change: 'added' | 'removed', socketId: string, conn: RoomConnection) => void,
  ) {}

  get isEmpty(): boolean {
    return this.sockets.size === 0
  }

  get closed(): boolean {
    return this.isClosed
  }

  /** The committed state read from Postgres after the channel subscription was confirmed. */
  loaded(storedUpdates: readonly Uint8Array[]): void {
    this.doc.transact(() => {
      for (const update of storedUpdates) Y.applyUpdate(this.doc, update)
      for (const update of this.early ?? []) Y.applyUpdate(this.doc, update)
    })
    this.early = null
    this.replies.invalidate()
  }

  /** The owner's next committed update, in order: into the copy, then to every socket that holds the doc. */
  applyBroadcast(update: Uint8Array): void {
    if (this.isClosed) return
    if (this.early) {
      this.early.push(update)
      return
    }
    Y.applyUpdate(this.doc, update)
    this.replies.invalidate()
    this.broadcaster.committed(update, new Set())
  }

  /**
   * The owner sent `conn` something (an ack, a feed) that may rest on updates this node has not passed on yet (a big
   * meeting's broadcasts wait a little): the socket gets them first, so it never sees its ack before its change.
   */
  catchUp(conn: RoomConnection): void {
    this.broadcaster.catchUp(conn)
  }

  /** The owner changed, fell silent or a broadcast was missed: everyone reconnects and resyncs (1012). */
  closeAll(code: number, reason: string): void {
    this.isClosed = true
    this.broadcaster.stop()
    for (const conn of [...this.sockets.keys()]) conn.close(code, reason)
  }

  /** The socket target attachSocket drives (limits, slow readers and heartbeats stay with attachSocket). */
  get target(): SocketTarget {
    this.socketTarget ??= this.createTarget()
    return this.socketTarget
  }

  private socketTarget: SocketTarget | null = null

  private createTarget(): SocketTarget {
    return {
      id: this.meetingId,
      addConnection: (conn) => {
        const held: HeldSocket = { id: this.newSocketId(), isOpened: false }
        this.sockets.set(conn, held)
        this.connections.add(conn)
        this.onSockets('added', held.id, conn)
        if (this.isClosed) conn.close(1012, 'This meeting is moving between servers; reconnecting.')
      },
      removeConnection: (conn) => {
        const held = this.sockets.get(conn)
        if (!held) return
        this.sockets.delete(conn)
        this.connections.delete(conn)
        this.broadcaster.forget(conn)
        this.onSockets('removed', held.id, conn)
        if (held.isOpened) this.link.left(held.id)
      },
      handle: (conn, frame) => this.handle(conn, frame),
    }
  }

  private handle(conn: RoomConnection, frame: Uint8Array): FrameVerdict {
    const head = readMessageType(frame)
    if (head?.messageType !== MESSAGE_APP) return handleFrame(this, conn, frame)
    if (frame.byteLength > MAX_COMMAND_BYTES + 8) {
      conn.send(noticeFrame({ code: 'too_large', message: `Commands are at most ${MAX_COMMAND_BYTES} bytes.` }))
      return { kind: 'refused', reason: 'command too large' }
    }
    const held = this.sockets.get(conn)
    if (!held || this.isClosed) return { kind: 'refused', reason: 'socket closing' }
    const opening = held.isOpened ? null : { address: conn.address ?? 'unknown' }
    held.isOpened = true
    // Not sent (Redis is down): not applied, never acknowledged; the client reconnects and resends the same id.
    this.link.forward(held.id, frame, opening).catch(() => conn.close(1012, 'Lost the link to the meeting; reconnecting.'))
    return { kind: 'handled' }
  }

  // ── CommandRoom, for handleFrame: sync is answered here, app frames never reach it (forwarded above) ──

  answerSyncStep1(conn: RoomConnection, stateVector: Uint8Array): boolean {
    if (!isStateVector(stateVector)) return false
    if (!this.sockets.has(conn)) return true
    conn.send(this.replies.frameFor(stateVector))
    this.broadcaster.listen(conn)
    return true
  }

  handleCommand(): void {
    // reason: unreachable; app frames are forwarded to the owner before handleFrame is called.
  }
}
