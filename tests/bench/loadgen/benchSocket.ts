import { createHash, randomBytes } from 'node:crypto'
import { connect, type Socket } from 'node:net'
import WebSocket from 'ws'

/**
 * The socket a light client uses. Two implementations with the same behaviour:
 * - `raw`: a minimal RFC 6455 client on node:net. Server frames are sliced out of each TCP chunk without a
 *   per-frame object or event; this is what lets two worker processes absorb the peers' N² fan-out
 *   (`ws` costs ~7 µs per received frame, this ~1 µs).
 * - `ws`: the `ws` package, to cross-check the raw client (`--light-socket ws`).
 */
export type SocketKind = 'raw' | 'ws'

export interface SocketHandlers {
  onOpen(): void
  onMessage(data: Uint8Array): void
  onClose(code: number): void
  onError(error: Error): void
}

export interface BenchSocket {
  readonly isOpen: boolean
  send(frame: Uint8Array): void
  terminate(): void
}

export function openSocket(kind: SocketKind, url: string, handlers: SocketHandlers, handshakeTimeoutMs: number): BenchSocket {
  return kind === 'raw' ? new RawWebSocket(url, handlers, handshakeTimeoutMs) : wsSocket(url, handlers, handshakeTimeoutMs)
}

function wsSocket(url: string, handlers: SocketHandlers, handshakeTimeoutMs: number): BenchSocket {
  const ws = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: handshakeTimeoutMs })
  ws.on('open', () => handlers.onOpen())
  ws.on('message', (data: Buffer) => handlers.onMessage(data))
  ws.on('close', (code) => handlers.onClose(code))
  ws.on('error', (error) => handlers.onError(error))
  return {
    get isOpen() {
      return ws.readyState === WebSocket.OPEN
    },
    send: (frame) => ws.send(frame),
    terminate: () => ws.terminate(),
  }
}

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11'
const OP_TEXT = 0x1
const OP_BINARY = 0x2
const OP_CLOSE = 0x8
const OP_PING = 0x9
const OP_PONG = 0xa

class RawWebSocket implements BenchSocket {
  private readonly socket: Socket
  private state: 'handshake' | 'open' | 'closing' | 'closed' = 'handshake'
  /** Bytes of an incomplete frame, kept as chunks until `pendingNeeded` bytes are there (one copy per frame). */
  private pendingChunks: Buffer[] = []
  private pendingBytes = 0
  private pendingNeeded = 0
  private closeCode = 1006
  private readonly expectedAccept: string
  private handshakeTimer: NodeJS.Timeout | null

  constructor(
    url: string,
    private readonly handlers: SocketHandlers,
    handshakeTimeoutMs: number,
  ) {
    const { hostname, port, pathname, search } = new URL(url)
    const key = randomBytes(16).toString('base64')
    this.expectedAccept = createHash('sha1').update(key + GUID).digest('base64')
    this.socket = connect({ host: hostname, port: Number(port || 80) })
    this.socket.setNoDelay(true)
    this.handshakeTimer = setTimeout(() => this.fail(new Error('handshake timeout')), handshakeTimeoutMs)
    this.socket.on('connect', () => {
      this.socket.write(
        `GET ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      )
    })
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk))
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

  private onData(chunk: Buffer): void {
    let buffer = chunk
    if (this.pendingChunks.length > 0) {
      this.pendingChunks.push(chunk)
      this.pendingBytes += chunk.length
      if (this.pendingBytes < this.pendingNeeded) return
      buffer = Buffer.concat(this.pendingChunks, this.pendingBytes)
      this.pendingChunks = []
      this.pendingBytes = 0
    }
    if (this.state === 'handshake') {
      const end = buffer.indexOf('\r\n\r\n')
      if (end < 0) {
        this.keep(buffer, buffer.length + 1)
        return
      }
      const head = buffer.subarray(0, end).toString('latin1')
      const accept = /\r\nsec-websocket-accept:\s*(\S+)/i.exec(head)?.[1]
      if (!head.startsWith('HTTP/1.1 101') || accept !== this.expectedAccept) {
        this.fail(new Error(`upgrade refused: ${head.split('\r\n')[0]}`))
        return
      }
      this.clearHandshakeTimer()
      this.state = 'open'
      this.handlers.onOpen()
      buffer = buffer.subarray(end + 4)
    }
    let offset = 0
    let needed = 0
    const length = buffer.length
    while (length - offset >= 2) {
      const b0 = buffer[offset] as number
      const b1 = buffer[offset + 1] as number
      let payloadLength = b1 & 0x7f
      let header = 2
      if (payloadLength === 126) {
        if (length - offset < 4) break
        payloadLength = buffer.readUInt16BE(offset + 2)
        header = 4
      } else if (payloadLength === 127) {
        if (length - offset < 10) break
        payloadLength = buffer.readUInt32BE(offset + 2) * 2 ** 32 + buffer.readUInt32BE(offset + 6)
        header = 10
      }
      if (b1 & 0x80) header += 4 // reason: servers must not mask; tolerate it by skipping the key (payload stays masked).
      if (length - offset < header + payloadLength) {
        needed = header + payloadLength
        break
      }
      const payload = buffer.subarray(offset + header, offset + header + payloadLength)
      offset += header + payloadLength
      const opcode = b0 & 0x0f
      if (opcode === OP_BINARY || opcode === OP_TEXT || opcode === 0) {
        if (this.state === 'open') this.handlers.onMessage(payload)
      } else if (opcode === OP_PING) {
        if (this.state === 'open') this.socket.write(encodeClientFrame(OP_PONG, payload))
      } else if (opcode === OP_CLOSE) {
        this.closeCode = payload.length >= 2 ? payload.readUInt16BE(0) : 1005
        if (this.state === 'open') {
          this.state = 'closing'
          this.socket.end(encodeClientFrame(OP_CLOSE, payload.subarray(0, 2)))
        }
        return
      }
    }
    if (offset < length) this.keep(buffer.subarray(offset), Math.max(needed, length - offset + 1))
  }

  /** Keeps an incomplete frame (or header) until at least `needed` bytes of it have arrived. */
  private keep(rest: Buffer, needed: number): void {
    // Copy: `rest` may be a small tail of a large chunk that should not stay alive.
    this.pendingChunks = [Buffer.from(rest)]
    this.pendingBytes = rest.length
    this.pendingNeeded = needed
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
