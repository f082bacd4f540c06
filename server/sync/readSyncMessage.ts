import * as decoding from 'lib0/decoding'
import { CLOSE } from '../../shared/protocol/closeCodes.ts'

/** A frame's leading message type and a decoder positioned after it, or null when the frame has no type at all. */
export function readMessageType(frame: Uint8Array): { messageType: number; decoder: decoding.Decoder } | null {
  const decoder = decoding.createDecoder(frame)
  try {
    return { messageType: decoding.readVarUint(decoder), decoder }
  } catch {
    return null
  }
}

/** The sync sub-type and its payload, or null for a truncated or malformed sync message. */
export function readSyncMessage(decoder: decoding.Decoder): { syncType: number; payload: Uint8Array } | null {
  try {
    return { syncType: decoding.readVarUint(decoder), payload: decoding.readVarUint8Array(decoder) }
  } catch {
    return null
  }
}

export const NO_MESSAGE_TYPE = { kind: 'broken', code: CLOSE.malformedFrame, reason: 'Malformed frame: no message type.' } as const
export const MALFORMED_SYNC = { kind: 'broken', code: CLOSE.malformedFrame, reason: 'Malformed sync message.' } as const
export const MALFORMED_STATE_VECTOR = { kind: 'broken', code: CLOSE.malformedFrame, reason: 'Malformed state vector.' } as const
