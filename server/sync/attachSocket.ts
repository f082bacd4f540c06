import type { WebSocket } from 'ws'
import type { Logger } from 'pino'
import type { MeetingRoom } from '../meeting/MeetingRoom.ts'
import { errorFrame, noticeFrame } from './frames.ts'
import type { RoomConnection } from './RoomConnection.ts'
import { CLOSE } from '../../shared/protocol/closeCodes.ts'
import type { Metrics } from '../metrics.ts'
import { MessageRateLimiter, type RateLimitSettings } from '../limits/MessageRateLimiter.ts'
import { commandIdOf } from '../limits/commandIdOf.ts'
import { handshakeKindOf, type HandshakeKind } from '../limits/handshakeKindOf.ts'
import { handleFrame, type FrameVerdict } from './handleFrame.ts'
import { sendDeflated } from './sharedDeflate.ts'

export interface SocketConnection extends RoomConnection {
  lastSentAt: number
}

export interface AttachDeps {
  log: Logger
  metrics: Metrics
  maxBufferedBytes: number
  rateLimit: RateLimitSettings
  onClose: () => void
  /** Milliseconds, for the rate limiter; `performance.now` unless a test says otherwise. */
  now?: () => number
}

/** Where a socket's frames go: the meeting itself, or one objective's key-result doc. */
export interface SocketTarget {
  id: string
  addConnection(conn: RoomConnection): void
  removeConnection(conn: RoomConnection): void
  handle(conn: RoomConnection, frame: Uint8Array): FrameVerdict
}

export function meetingTarget(room: MeetingRoom): SocketTarget {
  return {
    id: room.id,
    addConnection: (conn) => room.addConnection(conn),
    removeConnection: (conn) => room.removeConnection(conn),
    handle: (conn, frame) => handleFrame(room, conn, frame),
  }
}

/** Connects one accepted WebSocket to its meeting room (or to another target on the same limits). */
export function attachSocket(ws: WebSocket, roomOrTarget: MeetingRoom | SocketTarget, deps: AttachDeps): SocketConnection {
  const room: SocketTarget = 'handle' in roomOrTarget ? roomOrTarget : meetingTarget(roomOrTarget)
  const limiter = new MessageRateLimiter(deps.rateLimit, deps.now ?? (() => performance.now()))
  /** The one sync request and the one hello per connection that are answered even over the limit. */
  const exempted = new Set<HandshakeKind>()
  // ws keeps its net.Socket private; corking it for the rest of the tick turns the ack, the sender's update and
  // its feeds (four frames per command in a vote burst) into one writev instead of four system calls.
  const socket = (ws as unknown as { _socket?: { cork(): void; uncork(): void } })._socket
  let isCorked = false
  const conn: SocketConnection = {
    actor: { role: 'anonymous' },
    lastSentAt: Date.now(),
    send(frame) {
      if (ws.readyState !== ws.OPEN) return
      // A socket that stops reading would otherwise hold every broadcast in server memory.
      if (ws.bufferedAmount > deps.maxBufferedBytes) {
        deps.metrics.protocolErrors.inc({ reason: 'slow_reader' })
        deps.log.warn({ meetingId: room.id, buffered: ws.bufferedAmount }, 'dropping slow reader')
        ws.terminate()
        return
      }
      if (socket && !isCorked) {
        isCorked = true
        socket.cork()
        process.nextTick(() => {
          isCorked = false
          socket.uncork()
        })
      }
      // Large frames go out compressed once for all sockets (sharedDeflate.ts); the rest as they are.
      if (!sendDeflated(ws, frame)) ws.send(frame)
      conn.lastSentAt = Date.now()
    },
    close(code, reason) {
      ws.close(code, reason)
    },
  }
  room.addConnection(conn)
  deps.metrics.connections.inc()

  ws.on('message', (data, isBinary) => {
    // reason: ws still emits what arrives during the close handshake; a closing socket has had its say.
    if (ws.readyState !== ws.OPEN) return
    const verdict = limiter.check()
    if (verdict === 'flood') {
      deps.metrics.protocolErrors.inc({ reason: 'flood' })
      deps.log.warn({ meetingId: room.id }, 'closing a flooding socket')
      ws.close(CLOSE.policyViolation, `Message flood: keep below ${deps.rateLimit.messagesPerSecond} messages per second.`)
      return
    }
    if (!isBinary) {
      deps.metrics.protocolErrors.inc({ reason: 'text_frame' })
      ws.close(CLOSE.unsupportedData, 'Binary frames only.')
      return
    }
    const frame = toUint8Array(data)
    if (verdict === 'limited' && !isExemptHandshake(frame)) {
      deps.metrics.protocolErrors.inc({ reason: 'rate_limited' })
      const error = {
        code: 'rate_limited' as const,
        message: `Too many messages (at most ${deps.rateLimit.messagesPerSecond} per second): this one was not applied. Try again in a moment.`,
      }
      const id = commandIdOf(frame)
      conn.send(id === null ? noticeFrame(error) : errorFrame(id, error))
      return
    }
    try {
      const outcome = room.handle(conn, frame)
      if (outcome.kind === 'broken') {
        deps.metrics.protocolErrors.inc({ reason: 'broken_frame' })
        ws.close(outcome.code, outcome.reason)
      } else if (outcome.kind === 'refused') {
        deps.metrics.protocolErrors.inc({ reason: 'refused' })
      }
    } catch (error) {
      // reason: a bug in a command must cost one socket, not the process and everyone else's meeting.
      deps.log.error({ err: error, meetingId: room.id }, 'frame handling failed')
      deps.metrics.protocolErrors.inc({ reason: 'internal' })
      ws.close(CLOSE.internalError, 'Internal error.')
    }
  })
  // A reconnecting client may resend a long queue of commands before it asks for the meeting; without its hello
  // and its sync request it would sit there anonymous or empty. Each passes once per connection, never more.
  function isExemptHandshake(frame: Uint8Array): boolean {
    const kind = handshakeKindOf(frame)
    if (kind === null || exempted.has(kind)) return false
    exempted.add(kind)
    return true
  }

  ws.on('close', () => {
    deps.metrics.connections.dec()
    room.removeConnection(conn)
    deps.onClose()
  })
  ws.on('error', (error) => {
    deps.metrics.protocolErrors.inc({ reason: 'socket_error' })
    deps.log.debug({ err: error, meetingId: room.id }, 'socket error')
  })
  return conn
}

function toUint8Array(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}
