import type { WebSocket } from 'ws'
import type { Logger } from 'pino'
import type { MeetingRoom, RoomConnection } from '../meeting/MeetingRoom.ts'
import type { Metrics } from '../metrics.ts'
import { handleFrame } from './handleFrame.ts'

export interface SocketConnection extends RoomConnection {
  lastSentAt: number
}

/** Connects one accepted WebSocket to its meeting room. */
export function attachSocket(
  ws: WebSocket,
  room: MeetingRoom,
  deps: { log: Logger; metrics: Metrics; maxBufferedBytes: number; onClose: () => void },
): SocketConnection {
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
      ws.send(frame)
      conn.lastSentAt = Date.now()
    },
    close(code, reason) {
      ws.close(code, reason)
    },
  }
  room.addConnection(conn)
  deps.metrics.connections.inc()

  ws.on('message', (data, isBinary) => {
    if (!isBinary) {
      deps.metrics.protocolErrors.inc({ reason: 'text_frame' })
      ws.close(1003, 'Binary frames only.')
      return
    }
    const frame = toUint8Array(data)
    try {
      const verdict = handleFrame(room, conn, frame)
      if (verdict.kind === 'broken') {
        deps.metrics.protocolErrors.inc({ reason: 'broken_frame' })
        ws.close(verdict.code, verdict.reason)
      } else if (verdict.kind === 'refused') {
        deps.metrics.protocolErrors.inc({ reason: 'refused' })
      }
    } catch (error) {
      // reason: a bug in a command must cost one socket, not the process and everyone else's meeting.
      deps.log.error({ err: error, meetingId: room.id }, 'frame handling failed')
      deps.metrics.protocolErrors.inc({ reason: 'internal' })
      ws.close(1011, 'Internal error.')
    }
  })
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
