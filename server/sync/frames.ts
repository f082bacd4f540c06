import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import type { CommandError } from '../../shared/protocol/messages.ts'
import { MESSAGE_SYNC, encodeAppMessage } from '../../shared/protocol/wire.ts'

/** The frames a room sends: command replies, notices and y-websocket sync messages. */

export function okFrame(id: string, result: unknown): Uint8Array {
  return encodeAppMessage({ kind: 'reply', id, ok: true, result })
}

export function errorFrame(id: string | null, error: CommandError): Uint8Array {
  return encodeAppMessage({ kind: 'reply', id, ok: false, error })
}

export function noticeFrame(error: CommandError): Uint8Array {
  return encodeAppMessage({ kind: 'notice', error })
}

/** A Yjs update for clients that already hold everything before it. */
export function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** Sync step 2: what `doc` holds beyond `stateVector` (throws on a malformed state vector). */
export function syncStep2Frame(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc, stateVector))
  return encoding.toUint8Array(encoder)
}

/** Whether a state vector is well formed (a client's sync step 1 is answered only if it is). */
export function isStateVector(stateVector: Uint8Array): boolean {
  try {
    Y.decodeStateVector(stateVector)
    return true
  } catch {
    return false
  }
}
