import { CLOSE } from '../../../shared/protocol/closeCodes.ts'
import type { MeetingRoom } from '../../meeting/MeetingRoom.ts'
import { commandIdOf } from '../../limits/commandIdOf.ts'
import { handshakeKindOf } from '../../limits/handshakeKindOf.ts'
import { errorFrame, noticeFrame } from '../../sync/frames.ts'
import { handleFrame } from '../../sync/handleFrame.ts'
import type { RoomConnection } from '../../sync/RoomConnection.ts'
import { fromBase64, type NodeMessage } from '../relay/relayMessages.ts'
import type { PrivateItem } from './PrivateOutbox.ts'

/** What the owner side needs of the node. */
export interface RemoteSocketsOptions {
  /** The meeting's room if this node owns it ('moved' otherwise; null: no such meeting). */
  admit: (meetingId: string) => Promise<MeetingRoom | null | 'moved'>
  /** Whether the owner already announces the meeting (heartbeats): its room is loaded here. */
  isAnnounced?: (meetingId: string) => boolean
  /** A room lost a socket (it unloads some minutes after its last one). */
  release: (room: MeetingRoom) => void
  /** Sends one item to a socket held by another node (PrivateOutbox). */
  send: (nodeId: string, item: PrivateItem) => void
  /** A node that has said nothing (no frame, no "alive") this long is gone: its sockets leave the rooms. */
  nodeSilenceMs?: number
  now?: () => number
  /**
   * One person's budget of messages, shared by all their sockets on every node (`meetingId\0participantId`): the
   * node holding a socket only knows it as anonymous, so the owner counts it. False: over budget.
   */
  participantBudget?: (key: string) => boolean
}

interface RemoteSocket {
  conn: RoomConnection
  nodeId: string
  socketId: string
  room: MeetingRoom | null
  /** Frames of one socket are handled in order, after the room is ready. */
  queue: Promise<void>
  isClosed: boolean
  /** Its one hello that passes over the person's budget has been used (as attachSocket allows per socket). */
  hasUsedHello: boolean
}

/**
 * The owner side of relaying (cluster mode with Redis): sockets that other nodes hold for meetings owned here. Each
 * becomes a RoomConnection of the real room, so hello, commands, limits per address, presence (everyone, on every
 * node, is a connection of the owner's room), acks after COMMIT and private feeds all work as for a local socket;
 * only its bytes travel over Redis. It never receives the room's broadcasts: the node holding it has the doc and
 * gets every commit once on the meeting channel.
 */
export class RemoteSockets {
  private readonly sockets = new Map<string, RemoteSocket>()
  private readonly lastHeard = new Map<string, number>()
  private readonly sweepTimer: NodeJS.Timeout

  constructor(private readonly options: RemoteSocketsOptions) {
    this.sweepTimer = setInterval(() => this.sweep(this.now()), 1_000)
    this.sweepTimer.unref()
  }

  private now(): number {
    return (this.options.now ?? Date.now)()
  }

  get size(): number {
    return this.sockets.size
  }

  onForward(message: Extract<NodeMessage, { kind: 'forward' }>): void {
    this.lastHeard.set(message.from, this.now())
    const key = `${message.from}/${message.socketId}`
    let socket = this.sockets.get(key)
    if (!socket) {
      // A frame for a socket we do not know, not its first: we restarted or dropped it. It must start over.
      if (!message.open) {
        this.options.send(message.from, { socketId: message.socketId, close: { code: CLOSE.serviceRestart, reason: 'Reconnecting to the meeting.' } })
        return
      }
      socket = this.open(key, message)
    }
    const frame = fromBase64(message.frame)
    const target = socket
    target.queue = target.queue.then(() => {
      if (target.isClosed || !target.room) return
      if (!this.withinBudget(target, frame)) return
      const verdict = handleFrame(target.room, target.conn, frame)
      if (verdict.kind === 'broken') target.conn.close(verdict.code, verdict.reason)
    })
  }

  /** Sockets that left another node (or that it does not know any more). */
  onPresence(message: Extract<NodeMessage, { kind: 'presence' }>): void {
    this.lastHeard.set(message.from, this.now())
    for (const socketId of message.left) {
      const socket = this.sockets.get(`${message.from}/${socketId}`)
      if (socket) this.forget(socket)
    }
  }

  onAlive(message: Extract<NodeMessage, { kind: 'alive' }>): void {
    this.lastHeard.set(message.from, this.now())
    // A follower may hold sockets that never said hello (someone on the join page): without a forwarded frame the
    // room would not load here, no heartbeat would be sent, and the follower would resync them over and over.
    const { isAnnounced, admit, release } = this.options
    for (const meetingId of message.meetingIds ?? []) {
      if (!isAnnounced || isAnnounced(meetingId)) continue
      admit(meetingId).then(
        (room) => room && room !== 'moved' && release(room),
        () => undefined,
      )
    }
  }

  /** Drops the sockets of nodes silent for too long (killed, or cut from Redis: they closed their sockets by now). */
  sweep(now: number): void {
    const silenceMs = this.options.nodeSilenceMs ?? 5_000
    for (const [nodeId, heardAt] of this.lastHeard) {
      if (now - heardAt <= silenceMs) continue
      this.lastHeard.delete(nodeId)
      for (const socket of [...this.sockets.values()]) if (socket.nodeId === nodeId) this.forget(socket)
    }
  }

  close(): void {
    clearInterval(this.sweepTimer)
  }

  private open(key: string, message: Extract<NodeMessage, { kind: 'forward' }>): RemoteSocket {
    const { send } = this.options
    const socket: RemoteSocket = {
      nodeId: message.from,
      socketId: message.socketId,
      room: null,
      isClosed: false,
      hasUsedHello: false,
      queue: Promise.resolve(),
      conn: {
        actor: { role: 'anonymous' },
        address: message.address ?? 'unknown',
        send: (frame) => {
          if (!socket.isClosed) send(socket.nodeId, { socketId: socket.socketId, frame })
        },
        close: (code, reason) => {
          if (socket.isClosed) return
          send(socket.nodeId, { socketId: socket.socketId, close: { code, reason: reason.slice(0, 123) } })
          // As a real socket's 'close' event: after the caller (a room dropping all its sockets) is done.
          queueMicrotask(() => this.forget(socket))
          socket.isClosed = true
        },
      },
    }
    this.sockets.set(key, socket)
    socket.queue = this.options.admit(message.meetingId).then(
      (room) => {
        if (socket.isClosed) return
        if (room === 'moved') return socket.conn.close(CLOSE.serviceRestart, 'This meeting is moving between servers; reconnecting.')
        if (room === null) return socket.conn.close(CLOSE.notFound, 'No such meeting.')
        socket.room = room
        room.addConnection(socket.conn)
      },
      () => socket.conn.close(CLOSE.internalError, 'Server error; reconnecting.'),
    )
    return socket
  }

  private withinBudget(socket: RemoteSocket, frame: Uint8Array): boolean {
    const { participantBudget } = this.options
    const { conn, room } = socket
    if (!participantBudget || !room || conn.actor.role === 'anonymous') return true
    if (participantBudget(`${room.id}\u0000${conn.actor.participantId}`)) return true
    // A reconnecting client resends its queue after its hello: that hello must pass, once per socket.
    if (!socket.hasUsedHello && handshakeKindOf(frame) === 'hello') {
      socket.hasUsedHello = true
      return true
    }
    const error = { code: 'rate_limited' as const, message: 'Too many messages from you just now: this one was not applied. Try again in a moment.' }
    const id = commandIdOf(frame)
    conn.send(id === null ? noticeFrame(error) : errorFrame(id, error))
    return false
  }

  private forget(socket: RemoteSocket): void {
    socket.isClosed = true
    const key = `${socket.nodeId}/${socket.socketId}`
    if (this.sockets.get(key) !== socket) return
    this.sockets.delete(key)
    if (socket.room) {
      socket.room.removeConnection(socket.conn)
      this.options.release(socket.room)
    }
  }
}
