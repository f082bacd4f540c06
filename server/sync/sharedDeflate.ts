import { constants, deflateRawSync } from 'node:zlib'
import type { PerMessageDeflateOptions, WebSocket } from 'ws'

/**
 * permessage-deflate (RFC 7692) where it pays: a large frame that goes to many sockets is compressed ONCE and the same
 * compressed bytes are written to every socket that negotiated the extension.
 *
 * Why not `ws`'s own compression: it deflates per socket, so a 1.2 MB board broadcast to 5,000 people would be
 * compressed 5,000 times (minutes of CPU) in 5,000 zlib contexts (GBs of memory). Here small frames (acks, feeds,
 * ballots: most frames) are never compressed; only frames of at least `DEFLATE_MIN_BYTES` are, once per frame object
 * (a broadcast passes the same Uint8Array to every socket; the cached whole-doc sync reply is one object too).
 * That needs `server_no_context_takeover` (each message compressed on its own), which the options below require.
 *
 * Browsers decompress natively; the client code does not change. Clients still send uncompressed or compressed
 * frames as they like; `ws` inflates the compressed ones (a small window keeps that memory low per socket).
 */
export const DEFLATE_MIN_BYTES = 32 * 1024
/** zlib level 1: a 1.2 MB board deflates in ~10 ms instead of ~40 ms at level 6, for a few % more bytes. */
const DEFLATE_LEVEL = 1
/** Compressed to more than this share of the original, a frame is sent as it is. */
const WORTH_IT_RATIO = 0.9

/** Options for `new WebSocketServer({ perMessageDeflate })`. */
export const PER_MESSAGE_DEFLATE: PerMessageDeflateOptions = {
  serverNoContextTakeover: true,
  // A client that compresses uses a 2^10-byte window: ~10 KB of inflate state per socket instead of ~40 KB.
  clientMaxWindowBits: 10,
  // ws must never compress on its own (per socket): every frame it would see is below this.
  threshold: Number.MAX_SAFE_INTEGER,
}

interface WsInternals {
  _extensions?: Record<string, { params?: Record<string, unknown> } | undefined>
  _sender?: { _state?: number; sendFrame(list: Buffer[], cb?: (error?: Error) => void): void }
}

/** frame → its compressed WebSocket frame (header included), or null when compressing did not pay. */
const compressedFrames = new WeakMap<Uint8Array, Buffer | null>()

/**
 * Sends `frame` compressed if it is large, the socket negotiated permessage-deflate without server context
 * takeover and nothing is queued in `ws`'s sender. Returns false when the caller should send it plainly.
 */
export function sendDeflated(ws: WebSocket, frame: Uint8Array): boolean {
  if (frame.byteLength < DEFLATE_MIN_BYTES) return false
  const internals = ws as unknown as WsInternals
  const params = internals._extensions?.['permessage-deflate']?.params
  const sender = internals._sender
  // _state 0 = DEFAULT: ws is not compressing or reading a blob, so writing now keeps the frame order.
  if (!params?.server_no_context_takeover || !sender || sender._state !== 0) return false
  let compressed = compressedFrames.get(frame)
  if (compressed === undefined) {
    compressed = deflateFrame(frame)
    compressedFrames.set(frame, compressed)
  }
  if (compressed === null) return false
  sender.sendFrame([compressed])
  return true
}

/** One binary WebSocket frame, FIN and RSV1 set, payload = raw DEFLATE of `data` flushed and without 00 00 ff ff. */
export function deflateFrame(data: Uint8Array): Buffer | null {
  const deflated = deflateRawSync(data, { level: DEFLATE_LEVEL, finishFlush: constants.Z_SYNC_FLUSH })
  const payloadLength = deflated.length - 4 // RFC 7692 §7.2.1: drop the sync flush's empty block tail
  if (payloadLength > data.byteLength * WORTH_IT_RATIO) {
    return null
  }
  const header = payloadLength < 126 ? 2 : payloadLength < 65536 ? 4 : 10
  const out = Buffer.allocUnsafe(header + payloadLength)
  out[0] = 0x80 | 0x40 | 0x02 // FIN, RSV1 (compressed), binary
  if (payloadLength < 126) out[1] = payloadLength
  else if (payloadLength < 65536) {
    out[1] = 126
    out.writeUInt16BE(payloadLength, 2)
  } else {
    out[1] = 127
    out.writeUInt32BE(Math.floor(payloadLength / 2 ** 32), 2)
    out.writeUInt32BE(payloadLength >>> 0, 6)
  }
  deflated.copy(out, header, 0, payloadLength)
  return out
}
