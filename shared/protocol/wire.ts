import * as decoding from 'lib0/decoding'

/** y-websocket's own message types (first varUint of every frame). */
export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const MESSAGE_QUERY_AWARENESS = 3
/** Quarterdeck's command channel: a varUint type followed by one varString of JSON. */
export const MESSAGE_APP = 100

const utf8 = new TextEncoder()

/**
 * The same bytes as lib0's `writeVarUint(MESSAGE_APP)` + `writeVarString(json)`, written into one exactly sized
 * array: the server encodes two of these per ballot (the reply and the ballot feed), and lib0's growing encoder
 * took twice as long and left twice the garbage.
 */
export function encodeAppMessage(payload: unknown): Uint8Array {
  const body = utf8.encode(JSON.stringify(payload))
  let lengthBytes = 1
  for (let n = body.length; n > 0x7f; n >>>= 7) lengthBytes++
  const out = new Uint8Array(1 + lengthBytes + body.length)
  out[0] = MESSAGE_APP
  let i = 1
  let n = body.length
  for (; n > 0x7f; n >>>= 7) out[i++] = (n & 0x7f) | 0x80
  out[i++] = n
  out.set(body, i)
  return out
}

/** Reads the JSON of an app frame whose type byte was already consumed. Throws on a malformed frame. */
export function readAppPayload(decoder: decoding.Decoder): unknown {
  const text = decoding.readVarString(decoder)
  if (decoding.hasContent(decoder)) throw new Error('Trailing bytes after the command.')
  return JSON.parse(text) as unknown
}
