import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'

/** y-websocket's own message types (first varUint of every frame). */
export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const MESSAGE_QUERY_AWARENESS = 3
/** Quarterdeck's command channel: a varUint type followed by one varString of JSON. */
export const MESSAGE_APP = 100

export function encodeAppMessage(payload: unknown): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_APP)
  encoding.writeVarString(encoder, JSON.stringify(payload))
  return encoding.toUint8Array(encoder)
}

/** Reads the JSON of an app frame whose type byte was already consumed. Throws on a malformed frame. */
export function readAppPayload(decoder: decoding.Decoder): unknown {
  const text = decoding.readVarString(decoder)
  if (decoding.hasContent(decoder)) throw new Error('Trailing bytes after the command.')
  return JSON.parse(text) as unknown
}
