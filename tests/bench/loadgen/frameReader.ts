/**
 * A streaming reader of server → client WebSocket frames (RFC 6455) for the bench's light clients.
 *
 * Why streaming: at board open every one of 5,000 clients receives a ~1.2 MB frame. Reading each frame whole (collect
 * the TCP chunks, `Buffer.concat`, hand the copy over) made the load generator copy and collect 6 GB, lag 0.8 s at p99
 * and report 7–8 s for a board that reached everyone in 2.4 s. A light client only needs a frame's first bytes (its
 * type, sub-type and, on the peers, the writer's clientID and clock) plus the moment its last byte arrives, so a frame
 * larger than `wholeLimit` keeps only its first `prefixBytes` and the rest is counted and dropped as it streams by.
 * Frames up to `wholeLimit` (replies, notices, feeds, small updates) are delivered whole, without a copy when they
 * sit inside one TCP read.
 */
export interface FrameHandler {
  /**
   * One complete frame. `payload` is the whole payload, or its first bytes when `payload.length < totalLength`.
   * It may be a view into a reused read buffer: use it before returning, never keep it.
   */
  (opcode: number, payload: Buffer, totalLength: number, isCompressed: boolean): void
}

export const DEFAULT_WHOLE_LIMIT = 64 * 1024
export const DEFAULT_PREFIX_BYTES = 256

const MAX_HEADER = 14

export class ServerFrameReader {
  private readonly header = Buffer.alloc(MAX_HEADER)
  private headerBytes = 0
  private isInPayload = false
  private opcode = 0
  private isCompressed = false
  private payloadLength = 0
  private received = 0
  /** What is kept of the current payload: all of it, or its prefix. */
  private kept: Buffer = Buffer.alloc(0)
  private keptBytes = 0

  constructor(
    private readonly onFrame: FrameHandler,
    /** Frames up to this size are delivered whole; may change between frames (see BenchSocket.wholeFrameLimit). */
    public wholeLimit = DEFAULT_WHOLE_LIMIT,
    private readonly prefixBytes = DEFAULT_PREFIX_BYTES,
  ) {}

  /** Feeds `data[start, end)`. Returns false if a frame was malformed (the reader is then unusable). */
  push(data: Buffer, start = 0, end = data.length): boolean {
    let offset = start
    while (offset < end) {
      if (this.isInPayload) {
        offset = this.takePayload(data, offset, end)
        continue
      }
      // Fast path: a whole small frame inside this read is handed over as a view, no copy.
      if (this.headerBytes === 0) {
        const parsed = parseHeader(data, offset, end)
        if (parsed === null) return false
        if (parsed !== undefined) {
          const payloadStart = offset + parsed.headerLength
          if (parsed.payloadLength <= this.wholeLimit && end - payloadStart >= parsed.payloadLength) {
            const payloadEnd = payloadStart + parsed.payloadLength
            this.onFrame(parsed.opcode, data.subarray(payloadStart, payloadEnd), parsed.payloadLength, parsed.isCompressed)
            offset = payloadEnd
            continue
          }
          this.beginPayload(parsed.opcode, parsed.payloadLength, parsed.isCompressed)
          offset = payloadStart
          continue
        }
      }
      // Slow path: the header is split across reads; collect it byte by byte (at most 14 bytes).
      this.header[this.headerBytes++] = data[offset++] as number
      const parsed = parseHeader(this.header, 0, this.headerBytes)
      if (parsed === null) return false
      if (parsed !== undefined) {
        this.headerBytes = 0
        this.beginPayload(parsed.opcode, parsed.payloadLength, parsed.isCompressed)
      }
    }
    return true
  }

  private beginPayload(opcode: number, payloadLength: number, isCompressed: boolean): void {
    this.opcode = opcode
    this.isCompressed = isCompressed
    this.payloadLength = payloadLength
    this.received = 0
    const keep = payloadLength <= this.wholeLimit ? payloadLength : this.prefixBytes
    // Reuse the buffer between frames, but do not keep a large one alive after a large frame.
    if (this.kept.length < keep || (this.kept.length > DEFAULT_WHOLE_LIMIT && keep <= DEFAULT_WHOLE_LIMIT)) {
      this.kept = Buffer.allocUnsafe(Math.max(keep, 1024))
    }
    this.keptBytes = 0
    this.isInPayload = true
    if (payloadLength === 0) this.finishPayload()
  }

  private takePayload(data: Buffer, offset: number, end: number): number {
    const take = Math.min(end - offset, this.payloadLength - this.received)
    const keepLimit = this.payloadLength <= this.wholeLimit ? this.payloadLength : this.prefixBytes
    if (this.keptBytes < keepLimit) {
      const copy = Math.min(take, keepLimit - this.keptBytes)
      data.copy(this.kept, this.keptBytes, offset, offset + copy)
      this.keptBytes += copy
    }
    this.received += take
    if (this.received === this.payloadLength) this.finishPayload()
    return offset + take
  }

  private finishPayload(): void {
    this.isInPayload = false
    this.onFrame(this.opcode, this.kept.subarray(0, this.keptBytes), this.payloadLength, this.isCompressed)
  }
}

/**
 * The frame header at `data[offset, end)`: undefined if incomplete, null if unusable (a 64-bit length over 2^53).
 * A masked server frame (servers must not mask) is tolerated by skipping its key; the payload stays masked.
 */
function parseHeader(
  data: Buffer,
  offset: number,
  end: number,
): { opcode: number; payloadLength: number; headerLength: number; isCompressed: boolean } | undefined | null {
  const available = end - offset
  if (available < 2) return undefined
  const b0 = data[offset] as number
  const b1 = data[offset + 1] as number
  let payloadLength = b1 & 0x7f
  let headerLength = 2
  if (payloadLength === 126) {
    if (available < 4) return undefined
    payloadLength = data.readUInt16BE(offset + 2)
    headerLength = 4
  } else if (payloadLength === 127) {
    if (available < 10) return undefined
    const high = data.readUInt32BE(offset + 2)
    if (high >= 2 ** 21) return null
    payloadLength = high * 2 ** 32 + data.readUInt32BE(offset + 6)
    headerLength = 10
  }
  if (b1 & 0x80) headerLength += 4
  if (available < headerLength) return undefined
  // RSV1 on a data frame: permessage-deflate compressed it (RFC 7692).
  return { opcode: b0 & 0x0f, payloadLength, headerLength, isCompressed: (b0 & 0x40) !== 0 }
}
