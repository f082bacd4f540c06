import * as decoding from 'lib0/decoding'

/** The sync sub-type and its payload, or null for a truncated or malformed sync message. */
export function readSyncMessage(decoder: decoding.Decoder): { syncType: number; payload: Uint8Array } | null {
  try {
    return { syncType: decoding.readVarUint(decoder), payload: decoding.readVarUint8Array(decoder) }
  } catch {
    return null
  }
}

export const MALFORMED_SYNC = { kind: 'broken', code: 1007, reason: 'Malformed sync message.' } as const
export const MALFORMED_STATE_VECTOR = { kind: 'broken', code: 1007, reason: 'Malformed state vector.' } as const
