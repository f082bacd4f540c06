import { createHash, randomBytes } from 'node:crypto'
import { connect, type Socket } from 'node:net'
import { constants as zlibConstants, inflateRawSync } from 'node:zlib'
import WebSocket from 'ws'
import { DEFAULT_PREFIX_BYTES, DEFAULT_WHOLE_LIMIT, ServerFrameReader } from './frameReader.ts'

/**
 * The socket a light client uses. Two implementations with the same behaviour:
 * - `raw`: a minimal RFC 6455 client on node:net. Server frames are sliced out of each TCP read (one shared read
 *   buffer, no per-chunk allocation) without a per-frame object or event, and frames over 64 KiB are streamed past
 *   keeping only their first bytes (frameReader.ts); this is what lets two worker processes absorb the peers' N²
 *   fan-out (`ws` costs ~7 µs per received frame, this ~1 µs) and 5,000 copies of a 1.2 MB board.
 * - `ws`: the `ws` package, to cross-check the raw client (`--light-socket ws`).
 */
export type SocketKind = 'raw' | 'ws'

export interface SocketHandlers {
  onOpen(): void
  /**
   * One message: `data` is the whole payload (`isWhole`) or its first bytes (large frames, see frameReader.ts),
   * inflated if it came compressed; `wireBytes` is what the server sent for it.
   */
  onMessage(data: Uint8Array, wireBytes: number, isWhole: boolean): void
  onClose(code: number): void
  onError(error: Error): void
}

export interface BenchSocket {
  readonly isOpen: boolean
  /**
   * Frames up to this many bytes are delivered whole, larger ones as their first bytes (raw sockets only; `ws`
   * always delivers whole frames). A peer client raises it while it waits for the echo of its own write, which
   * may sit anywhere in a large merged update.
   */
  wholeFrameLimit: number
  send(frame: Uint8Array): void
  terminate(): void
}

/**
 * `offerDeflate`: offer permessage-deflate as browsers do (Chrome: `permessage-deflate; client_max_window_bits`), so a
 * server that compresses large frames can. The light client never compresses what it sends (allowed by RFC 7692).
 */
export function openSocket(kind: SocketKind, url: string, handlers: SocketHandlers, handshakeTimeoutMs: number, offerDeflate: boolean): BenchSocket {
  return kind === 'raw' ? new RawWebSocket(url, handlers, handshakeTimeoutMs, offerDeflate) : wsSocket(url, handlers, handshakeTimeoutMs, offerDeflate)
}

function wsSocket(url: string, handlers: SocketHandlers, handshakeTimeoutMs: number, offerDeflate: boolean): BenchSocket {
  // reason: `ws` reports inflated sizes only, so with deflate its byte counts are the inflated ones.
  const ws = new WebSocket(url, { perMessageDeflate: offerDeflate ? { threshold: Number.MAX_SAFE_INTEGER } : false, handshakeTimeout: handshakeTimeoutMs })
  ws.on('open', () => handlers.onOpen())
  ws.on('message', (data: Buffer) => handlers.onMessage(data, data.length, true))
  ws.on('close', (code) => handlers.onClose(code))
  ws.on('error', (error) => handlers.onError(error))
  return {
    get isOpen() {
      return ws.readyState === WebSocket.OPEN
    },
    wholeFrameLimit: Number.POSITIVE_INFINITY,
    send: (frame) => ws.send(frame),
    terminate: () => ws.terminate(),
  }
}

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11'
/** RFC 7692 §7.2.2: the receiver appends the empty stored block's tail the sender removed. */
const DEFLATE_TAIL = Buffer.from([0x00, 0x00, 0xff, 0xff])
const OP_TEXT = 0x1
const OP_BINARY = 0x2
const OP_CLOSE = 0x8
const OP_PING = 0x9
const OP_PONG = 0xa

/**
 * One read buffer for every raw socket of this process (`net` `onread`): Node reads into it instead of allocating a
 * fresh Buffer per chunk, and each chunk is parsed before the next read, so nothing of it outlives the callback.
 */
const SHARED_READ_BUFFER = Buffer.allocUnsafe(256 * 1024)

class RawWebSocket implements BenchSocket {
  private readonly socket: Socket
  private state: 'handshake' | 'open' | 'closing' | 'closed' = 'handshake'
  private handshakeText = ''
  /** The server accepted permessage-deflate: RSV1 frames are raw DEFLATE (RFC 7692). */
  private isDeflate = false
  private closeCode = 1006
  private readonly expectedAccept: string
  private handshakeTimer: NodeJS.Timeout | null
  private readonly reader: ServerFrameReader

  constructor(
    url: string,
    private readonly handlers: SocketHandlers,
    handshakeTimeoutMs: number,
    offerDeflate: boolean,
  ) {
    const { hostname, port, pathname, search } = new URL(url)
    const key = randomBytes(16).toString('base64')
    this.expectedAccept = createHash('sha1')
      .update(key + GUID)
      .digest('base64')
    this.reader = new ServerFrameReader((opcode, payload, totalLength, isCompressed) => this.onFrame(opcode, payload, totalLength, isCompressed))
    this.socket = connect({
      host: hostname,
      port: Number(port || 80),
      onread: { buffer: SHARED_READ_BUFFER, callback: (bytes, buffer) => (this.onRead(buffer as Buffer, bytes), true) },
    })
    this.socket.setNoDelay(true)
    this.handshakeTimer = setTimeout(() => this.fail(new Error('handshake timeout')), handshakeTimeoutMs)
    this.socket.on('connect', () => {
      this.socket.write(
        `GET ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n` +
          (offerDeflate ? 'Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n' : '') +
          '\r\n',
      )
    })
    this.socket.on('error', (error) => this.fail(error))
    this.socket.on('close', () => {
      const wasOpened = this.state !== 'handshake'
      this.state = 'closed'
      this.clearHandshakeTimer()
      if (wasOpened) this.handlers.onClose(this.closeCode)
    })
  }

  get isOpen(): boolean {
    return this.state === 'open'
  }

  get wholeFrameLimit(): number {
    return this.reader.wholeLimit
  }

  set wholeFrameLimit(bytes: number) {
    this.reader.wholeLimit = bytes
  }

  send(payload: Uint8Array): void {
    if (this.state === 'open') this.socket.write(encodeClientFrame(OP_BINARY, payload))
  }

  terminate(): void {
    this.state = 'closed'
    this.clearHandshakeTimer()
    this.socket.destroy()
  }

  private fail(error: Error): void {
    if (this.state === 'handshake') {
      this.clearHandshakeTimer()
      this.state = 'closed'
      this.handlers.onError(error)
    }
    this.socket.destroy()
  }

  private clearHandshakeTimer(): void {
    if (this.handshakeTimer) clearTimeout(this.handshakeTimer)
    this.handshakeTimer = null
  }

  private onRead(buffer: Buffer, bytes: number): void {
    let start = 0
    if (this.state === 'handshake') {
      // The upgrade reply is a few hundred bytes of latin1; frames may follow it in the same read.
      const before = this.handshakeText.length
      this.handshakeText += buffer.toString('latin1', 0, bytes)
      const end = this.handshakeText.indexOf('\r\n\r\n')
      if (end < 0) {
        if (this.handshakeText.length > 16_384) this.fail(new Error('upgrade reply too long'))
        return
      }
      const head = this.handshakeText.slice(0, end)
      this.handshakeText = ''
      const accept = /\r\nsec-websocket-accept:\s*(\S+)/i.exec(head)?.[1]
      if (!head.startsWith('HTTP/1.1 101') || accept !== this.expectedAccept) {
        this.fail(new Error(`upgrade refused: ${head.split('\r\n')[0]}`))
        return
      }
      this.isDeflate = /\r\nsec-websocket-extensions:[^\r]*permessage-deflate/i.test(head)
      this.clearHandshakeTimer()
      this.state = 'open'
      this.handlers.onOpen()
      start = end + 4 - before
    }
    if (this.state === 'closed' || this.state === 'closing') return
    if (!this.reader.push(buffer, start, bytes)) this.fail(new Error('unreadable frame'))
  }

  private onFrame(opcode: number, payload: Buffer, totalLength: number, isCompressed: boolean): void {
    if (opcode === OP_BINARY || opcode === OP_TEXT || opcode === 0) {
      if (this.state !== 'open') return
      const isWhole = payload.length === totalLength
      if (!isCompressed) {
        this.handlers.onMessage(payload, totalLength, isWhole)
        return
      }
      if (!this.isDeflate) {
        this.fail(new Error('compressed frame without permessage-deflate'))
        return
      }
      // Inflating 5,000 copies of a board would make the generator, not the server, the bottleneck: the first
      // bytes classify a frame. Only a client that must read all of it (a peer client waiting for its echo in a
      // merged update: wholeFrameLimit raised) inflates the whole message.
      const inflateWhole = isWhole && totalLength <= this.reader.wholeLimit && this.reader.wholeLimit > DEFAULT_WHOLE_LIMIT
      let inflated: Buffer
      try {
        inflated = inflateWhole
          ? inflateRawSync(Buffer.concat([payload, DEFLATE_TAIL]))
          : inflateRawSync(payload.subarray(0, DEFAULT_PREFIX_BYTES), { finishFlush: zlibConstants.Z_SYNC_FLUSH })
      } catch {
        this.fail(new Error('unreadable compressed frame'))
        return
      }
      this.handlers.onMessage(inflated, totalLength, inflateWhole)
    } else if (opcode === OP_PING) {
      if (this.state === 'open') this.socket.write(encodeClientFrame(OP_PONG, payload))
    } else if (opcode === OP_CLOSE) {
      this.closeCode = payload.length >= 2 ? payload.readUInt16BE(0) : 1005
      if (this.state === 'open') {
        this.state = 'closing'
        this.socket.end(encodeClientFrame(OP_CLOSE, payload.subarray(0, 2)))
      }
    }
  }
}

/** A masked client frame (RFC 6455 §5.3: clients mask everything they send). */
function encodeClientFrame(opcode: number, payload: Uint8Array): Buffer {
  const n = payload.length
  const header = n < 126 ? 2 : n < 65536 ? 4 : 10
  const frame = Buffer.allocUnsafe(header + 4 + n)
  frame[0] = 0x80 | opcode
  if (n < 126) frame[1] = 0x80 | n
  else if (n < 65536) {
    frame[1] = 0x80 | 126
    frame.writeUInt16BE(n, 2)
  } else {
    frame[1] = 0x80 | 127
    frame.writeUInt32BE(Math.floor(n / 2 ** 32), 2)
    frame.writeUInt32BE(n >>> 0, 6)
  }
  const mask = (Math.random() * 2 ** 32) >>> 0
  frame.writeUInt32BE(mask, header)
  const m0 = mask >>> 24
  const m1 = (mask >>> 16) & 0xff
  const m2 = (mask >>> 8) & 0xff
  const m3 = mask & 0xff
  const start = header + 4
  for (let i = 0; i < n; i++) {
    const m = (i & 3) === 0 ? m0 : (i & 3) === 1 ? m1 : (i & 3) === 2 ? m2 : m3
    frame[start + i] = (payload[i] as number) ^ m
  }
  return frame
}
