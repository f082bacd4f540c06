import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import { MESSAGE_APP, MESSAGE_SYNC } from '../../shared/protocol/wire.ts'
import { MAX_COMMAND_BYTES } from '../../shared/protocol/limits.ts'

export type HandshakeKind = 'syncRequest' | 'hello'

/**
 * Whether a frame is part of a connection's handshake: the sync step 1 that asks for the meeting, or the hello
 * that says who is connecting. A client resending a queue of commands after a reconnect can exhaust its message
 * budget before these; refusing them would leave it without the meeting or without its identity. Never throws.
 */
export function handshakeKindOf(frame: Uint8Array): HandshakeKind | null {
  try {
    const decoder = decoding.createDecoder(frame)
    const messageType = decoding.readVarUint(decoder)
    if (messageType === MESSAGE_SYNC) {
      return decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep1 ? 'syncRequest' : null
    }
    if (messageType !== MESSAGE_APP || frame.byteLength > MAX_COMMAND_BYTES + 8) return null
    const parsed = JSON.parse(decoding.readVarString(decoder)) as unknown
    const type = typeof parsed === 'object' && parsed !== null ? (parsed as { type?: unknown }).type : undefined
    return type === 'hello' ? 'hello' : null
  } catch {
    // reason: an unreadable frame is no handshake; it goes through the ordinary limit.
    return null
  }
}
