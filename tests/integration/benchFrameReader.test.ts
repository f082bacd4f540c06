import { describe, expect, it } from 'vitest'
import { ServerFrameReader } from '../bench/loadgen/frameReader.ts'

/** An unmasked server frame, as a server sends it. */
function serverFrame(opcode: number, payload: Buffer): Buffer {
  const n = payload.length
  const header = n < 126 ? Buffer.from([0x80 | opcode, n]) : n < 65536 ? Buffer.alloc(4) : Buffer.alloc(10)
  if (n >= 126 && n < 65536) {
    header[0] = 0x80 | opcode
    header[1] = 126
    header.writeUInt16BE(n, 2)
  } else if (n >= 65536) {
    header[0] = 0x80 | opcode
    header[1] = 127
    header.writeUInt32BE(0, 2)
    header.writeUInt32BE(n, 6)
  }
  return Buffer.concat([header, payload])
}

const payloadOf = (n: number, seed: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff))

function collect(wholeLimit: number, prefixBytes: number) {
  const frames: { opcode: number; payload: Buffer; total: number }[] = []
  // Copy: the reader hands out views into buffers it reuses.
  const reader = new ServerFrameReader((opcode, payload, total) => frames.push({ opcode, payload: Buffer.from(payload), total }), wholeLimit, prefixBytes)
  return { reader, frames }
}

describe('bench ServerFrameReader', () => {
  const small = payloadOf(100, 1)
  const medium = payloadOf(300, 2)
  const large = payloadOf(70_000, 3)
  const empty = Buffer.alloc(0)
  const stream = Buffer.concat([serverFrame(2, small), serverFrame(2, medium), serverFrame(9, empty), serverFrame(2, large), serverFrame(1, small)])

  it('delivers small frames whole and only the prefix of large ones, for every split of the stream', () => {
    for (let cut = 0; cut <= stream.length; cut += cut < 600 ? 1 : 997) {
      const { reader, frames } = collect(1000, 16)
      expect(reader.push(stream.subarray(0, cut))).toBe(true)
      expect(reader.push(stream.subarray(cut))).toBe(true)
      expect(frames.map((f) => [f.opcode, f.total])).toEqual([
        [2, 100],
        [2, 300],
        [9, 0],
        [2, 70_000],
        [1, 100],
      ])
      expect(frames[0]?.payload.equals(small)).toBe(true)
      expect(frames[1]?.payload.equals(medium)).toBe(true)
      expect(frames[3]?.payload.equals(large.subarray(0, 16))).toBe(true)
      expect(frames[4]?.payload.equals(small)).toBe(true)
    }
  })

  it('survives a stream fed one byte at a time', () => {
    const { reader, frames } = collect(200, 8)
    for (let i = 0; i < stream.length; i++) reader.push(stream, i, i + 1)
    expect(frames.map((f) => f.payload.length)).toEqual([100, 8, 0, 8, 100])
  })

  it('reports RSV1 (permessage-deflate) per frame', () => {
    const flags: boolean[] = []
    const reader = new ServerFrameReader((_op, _payload, _total, isCompressed) => flags.push(isCompressed))
    const compressed = serverFrame(2, small)
    compressed[0] = 0xc2
    reader.push(Buffer.concat([compressed, serverFrame(2, small)]))
    expect(flags).toEqual([true, false])
  })

  it('refuses a 64-bit length beyond 2^53', () => {
    const { reader } = collect(1000, 16)
    expect(reader.push(Buffer.from([0x82, 127, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 1]))).toBe(false)
  })
})
