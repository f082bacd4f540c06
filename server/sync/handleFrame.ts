import type * as decoding from 'lib0/decoding'
import type * as Y from 'yjs'
import * as syncProtocol from 'y-protocols/sync'
import { MESSAGE_APP, MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, readAppPayload } from '../../shared/protocol/wire.ts'
import { MAX_COMMAND_BYTES } from '../../shared/protocol/limits.ts'
import { noticeFrame } from './frames.ts'
import type { RoomConnection } from './RoomConnection.ts'
import { checkUpdateAddsNothing } from './updateGuard.ts'
import { MALFORMED_STATE_VECTOR, MALFORMED_SYNC, NO_MESSAGE_TYPE, readMessageType, readSyncMessage } from './readSyncMessage.ts'

export type FrameVerdict =
  | { kind: 'handled' }
  | { kind: 'refused'; reason: string }
  /** The frame cannot be decoded at all: the socket is closed with this code and reason. */
  | { kind: 'broken'; code: number; reason: string }

/**
 * A room whose doc only the server writes and whose changes arrive as commands on the app channel: the meeting
 * room and a team space.
 */
export interface CommandRoom {
  readonly doc: Y.Doc
  answerSyncStep1(conn: RoomConnection, stateVector: Uint8Array): boolean
  handleCommand(conn: RoomConnection, raw: unknown): void
}

export interface CommandFrameOptions {
  /** The notice sent when a client update would change the doc; by default the update guard's own reason. */
  readOnlyNotice?: string
}

/**
 * Reads one binary frame of the y-websocket protocol (plus Quarterdeck's app channel) and acts on it.
 * Never throws for bad input: every outcome is a verdict, and a refused frame changes nothing.
 */
export function handleFrame(room: CommandRoom, conn: RoomConnection, frame: Uint8Array, options: CommandFrameOptions = {}): FrameVerdict {
  const head = readMessageType(frame)
  if (!head) return NO_MESSAGE_TYPE
  const { messageType, decoder } = head
  switch (messageType) {
    case MESSAGE_SYNC:
      return handleSync(room, conn, decoder, options)
    case MESSAGE_AWARENESS:
    case MESSAGE_QUERY_AWARENESS:
      // Presence is counted from sockets; client awareness states are neither stored nor relayed, so a
      // huge or forged one costs nothing and reaches nobody.
      return { kind: 'handled' }
    case MESSAGE_AUTH:
      return refuse(conn, 'Authentication goes through the hello command.')
    case MESSAGE_APP: {
      if (frame.byteLength > MAX_COMMAND_BYTES + 8) {
        conn.send(noticeFrame({ code: 'too_large', message: `Commands are at most ${MAX_COMMAND_BYTES} bytes.` }))
        return { kind: 'refused', reason: 'command too large' }
      }
      let payload: unknown
      try {
        payload = readAppPayload(decoder)
      } catch {
        return refuse(conn, 'The command is not valid JSON.')
      }
      room.handleCommand(conn, payload)
      return { kind: 'handled' }
    }
    default:
      return refuse(conn, `Unknown message type ${messageType}.`)
  }
}

function handleSync(room: CommandRoom, conn: RoomConnection, decoder: decoding.Decoder, options: CommandFrameOptions): FrameVerdict {
  const sync = readSyncMessage(decoder)
  if (!sync) return MALFORMED_SYNC
  const { syncType, payload } = sync
  if (syncType === syncProtocol.messageYjsSyncStep1) {
    return room.answerSyncStep1(conn, payload) ? { kind: 'handled' } : MALFORMED_STATE_VECTOR
  }
  if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
    const verdict = checkUpdateAddsNothing(room.doc, payload)
    if (verdict.ok) return { kind: 'handled' }
    conn.send(noticeFrame({ code: 'update_refused', message: options.readOnlyNotice ?? verdict.reason }))
    return { kind: 'refused', reason: 'update refused' }
  }
  return refuse(conn, `Unknown sync message type ${syncType}.`)
}

function refuse(conn: RoomConnection, message: string): FrameVerdict {
  conn.send(noticeFrame({ code: 'bad_message', message }))
  return { kind: 'refused', reason: message }
}
