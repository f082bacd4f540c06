import type * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import { MESSAGE_APP, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, encodeAppMessage, readAppPayload } from '../../shared/protocol/wire.ts'
import { Command } from '../../shared/protocol/messages.ts'
import type { MeetingRoom } from '../meeting/MeetingRoom.ts'
import { errorFrame, noticeFrame } from './frames.ts'
import type { RoomConnection } from './RoomConnection.ts'
import type { KeyResultDocRoom } from '../meeting/KeyResultDocRoom.ts'
import type { FrameVerdict } from './handleFrame.ts'
import { checkUpdateAddsNothing } from './updateGuard.ts'
import { MALFORMED_STATE_VECTOR, MALFORMED_SYNC, NO_MESSAGE_TYPE, readMessageType, readSyncMessage } from './readSyncMessage.ts'

/**
 * A frame on an objective's key-result socket: standard y-websocket sync, where edits are accepted only from a
 * joined person while the meeting is in Key results; the only command is `hello`.
 */
export function handleKeyResultFrame(
  meeting: MeetingRoom,
  room: KeyResultDocRoom,
  conn: RoomConnection & { hasSentStep1?: boolean },
  frame: Uint8Array,
): FrameVerdict {
  const head = readMessageType(frame)
  if (!head) return NO_MESSAGE_TYPE
  const { messageType, decoder } = head
  if (messageType === MESSAGE_AWARENESS || messageType === MESSAGE_QUERY_AWARENESS) return { kind: 'handled' }
  if (messageType === MESSAGE_APP) return handleHello(meeting, conn, decoder)
  if (messageType !== MESSAGE_SYNC) {
    conn.send(noticeFrame({ code: 'bad_message', message: `Unknown message type ${messageType}.` }))
    return { kind: 'refused', reason: 'unknown type' }
  }
  const sync = readSyncMessage(decoder)
  if (!sync) return MALFORMED_SYNC
  const { syncType, payload } = sync
  if (syncType === syncProtocol.messageYjsSyncStep1) {
    try {
      conn.send(room.syncStep2For(payload))
    } catch {
      return MALFORMED_STATE_VECTOR
    }
    if (!conn.hasSentStep1) {
      conn.hasSentStep1 = true
      conn.send(room.syncStep1())
    }
    return { kind: 'handled' }
  }
  if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) {
    conn.send(noticeFrame({ code: 'bad_message', message: `Unknown sync message type ${syncType}.` }))
    return { kind: 'refused', reason: 'unknown sync type' }
  }
  // A reconnecting editor echoing what the server already has is fine in any stage.
  if (checkUpdateAddsNothing(room.doc, payload).ok) return { kind: 'handled' }
  if (conn.actor.role === 'anonymous') return refuseUpdate(conn, 'not_joined', 'Join the meeting (and say hello on this socket) before editing.')
  if (meeting.stage !== 'keyResults') return refuseUpdate(conn, 'wrong_stage', 'Key results can be edited only during the Key results stage.')
  const applied = room.applyClientUpdate(payload, conn)
  if (!applied.ok) return refuseUpdate(conn, 'update_refused', applied.reason)
  return { kind: 'handled' }
}

function refuseUpdate(conn: RoomConnection, code: 'not_joined' | 'wrong_stage' | 'update_refused', message: string): FrameVerdict {
  conn.send(noticeFrame({ code, message }))
  return { kind: 'refused', reason: message }
}

function handleHello(meeting: MeetingRoom, conn: RoomConnection, decoder: decoding.Decoder): FrameVerdict {
  let raw: unknown
  try {
    raw = readAppPayload(decoder)
  } catch {
    conn.send(noticeFrame({ code: 'bad_message', message: 'The command is not valid JSON.' }))
    return { kind: 'refused', reason: 'bad json' }
  }
  const parsed = Command.safeParse(raw)
  if (!parsed.success || parsed.data.type !== 'hello') {
    const id = parsed.success ? parsed.data.id : null
    conn.send(errorFrame(id, { code: 'bad_command', message: 'Only hello is spoken on a key-result socket; commands go to the meeting socket.' }))
    return { kind: 'refused', reason: 'not hello' }
  }
  const identity = meeting.identify(parsed.data.token)
  if (!identity) {
    conn.send(errorFrame(parsed.data.id, { code: 'invalid_token', message: 'This saved identity is not valid for this meeting.' }))
    return { kind: 'refused', reason: 'invalid token' }
  }
  conn.actor = { role: identity.role, participantId: identity.participantId }
  conn.send(encodeAppMessage({ kind: 'reply', id: parsed.data.id, ok: true, result: { ...identity, serverNow: Date.now() } }))
  return { kind: 'handled' }
}
