import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { MESSAGE_APP, encodeAppMessage, readAppPayload } from './wire.ts'

/** What lib0 writes for an app message: the reference the hand-sized encoder must match byte for byte. */
function lib0AppMessage(payload: unknown): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_APP)
  encoding.writeVarString(encoder, JSON.stringify(payload))
  return encoding.toUint8Array(encoder)
}

describe('encodeAppMessage', () => {
  it('writes the bytes lib0 writes, around every length-prefix boundary and with multi-byte characters', () => {
    const payloads: unknown[] = [{}, null, 'é', { kind: 'reply', id: 'x', ok: true, result: { round: 1, ballot: { a: 2 } } }]
    // JSON of a string of n characters is n + 2 bytes: cover prefixes of one, two and three bytes.
    for (const n of [123, 124, 125, 126, 127, 128, 16_380, 16_381, 16_382, 16_383, 16_384, 70_000]) payloads.push('a'.repeat(n))
    payloads.push('Zürich — 東京 🚀'.repeat(2_000))
    for (const payload of payloads) {
      const bytes = encodeAppMessage(payload)
      expect(bytes).toEqual(lib0AppMessage(payload))
      const decoder = decoding.createDecoder(bytes)
      expect(decoding.readVarUint(decoder)).toBe(MESSAGE_APP)
      expect(readAppPayload(decoder)).toEqual(payload)
    }
  })
})
