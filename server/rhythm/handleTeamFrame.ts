import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import { MESSAGE_APP, MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, readAppPayload } from '../../shared/protocol/wire.ts'
import { MAX_COMMAND_BYTES } from '../../shared/protocol/limits.ts'
import { noticeFrame, type RoomConnection } from '../meeting/MeetingRoom.ts'
import type { FrameVerdict } from '../sync/handleFrame.ts'
import { checkUpdateAddsNothing } from '../sync/updateGuard.ts'
import { MALFORMED_STATE_VECTOR, MALFORMED_SYNC, readSyncMessage } from '../sync/readSyncMessage.ts'
import type { TeamRoom } from './TeamRoom.ts'

/**
 * One frame on a team space's socket: the y-websocket protocol with the doc read-only for clients (like the
 * meeting doc), and commands on the app channel. Never throws for bad input; a refused frame changes nothing.
 */
export function handleTeamFrame(room: TeamRoom, conn: RoomConnection, frame: Uint8Array): FrameVerdict {
  const decoder = decoding.createDecoder(frame)
  let messageType: number
  try {
    messageType = decoding.readVarUint(decoder)
  } catch {
    return { kind: 'broken', code: 1007, reason: 'Malformed frame: no message type.' }
  }
  switch (messageType) {
    case MESSAGE_SYNC: {
      const sync = readSyncMessage(decoder)
      if (!sync) return MALFORMED_SYNC
      if (sync.syncType === syncProtocol.messageYjsSyncStep1) {
        return room.answerSyncStep1(conn, sync.payload) ? { kind: 'handled' } : MALFORMED_STATE_VECTOR
      }
      if (sync.syncType === syncProtocol.messageYjsSyncStep2 || sync.syncType === syncProtocol.messageYjsUpdate) {
        const verdict = checkUpdateAddsNothing(room.doc, sync.payload)
        if (verdict.ok) return { kind: 'handled' }
        conn.send(noticeFrame({ code: 'update_refused', message: 'The team space is read-only for clients: changes go through commands.' }))
        return { kind: 'refused', reason: 'update refused' }
      }
      return refuse(conn, `Unknown sync message type ${sync.syncType}.`)
    }
    case MESSAGE_AWARENESS:
    case MESSAGE_QUERY_AWARENESS:
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

function refuse(conn: RoomConnection, message: string): FrameVerdict {
  conn.send(noticeFrame({ code: 'bad_message', message }))
  return { kind: 'refused', reason: message }
}
