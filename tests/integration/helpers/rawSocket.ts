import WebSocket from 'ws'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import { MESSAGE_APP, MESSAGE_AWARENESS, MESSAGE_SYNC, encodeAppMessage, readAppPayload } from '../../../shared/protocol/wire.ts'
import { ServerMessageSchema, type ServerMessage } from '../../../shared/protocol/messages.ts'

export type ReceivedFrame =
  | { kind: 'app'; message: ServerMessage }
  | { kind: 'sync'; syncType: number; payload: Uint8Array }
  | { kind: 'other'; messageType: number; bytes: Uint8Array }

export interface CloseInfo {
  code: number
  reason: string
}

/**
 * A bare WebSocket speaking the wire protocol by hand, for sending what a well-behaved MeetingClient never would.
 * Incoming sync messages are applied to `doc`, so the socket also holds the meeting as the server sent it.
 */
export class RawSocket {
  readonly frames: ReceivedFrame[] = []
  readonly doc = new Y.Doc()
  readonly closed: Promise<CloseInfo>
  /** Socket errors after opening (a reset while sending a huge frame, say); kept so they never go unhandled. */
  readonly errors: Error[] = []
  private readonly listeners = new Set<() => void>()
  private appCursor = 0

  private constructor(readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString('utf8') })
        this.notify()
      })
    })
    ws.on('error', (error) => this.errors.push(error))
    ws.on('message', (data, isBinary) => {
      if (!isBinary) return
      this.frames.push(decodeFrame(toBytes(data), this.doc))
      this.notify()
    })
  }

  /** Opens a socket to `${wsUrl}/${meetingId}`; resolves when it is open. */
  static open(wsUrl: string, meetingId: string): Promise<RawSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${wsUrl}/${meetingId}`)
      const raw = new RawSocket(ws)
      ws.once('open', () => resolve(raw))
      ws.once('error', reject)
      ws.once('unexpected-response', (_req, res) => reject(new Error(`unexpected response ${res.statusCode}`)))
    })
  }

  send(bytes: Uint8Array): void {
    this.ws.send(bytes)
  }

  sendText(text: string): void {
    this.ws.send(text)
  }

  /** Sends an app frame: type 100, then the payload as one JSON string. */
  sendCommand(payload: unknown): void {
    this.send(encodeAppMessage(payload))
  }

  /** Sends an app frame whose string is `text` exactly (for malformed JSON). */
  sendAppText(text: string): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_APP)
    encoding.writeVarString(encoder, text)
    this.send(encoding.toUint8Array(encoder))
  }

  /** Sends a Yjs update to the meeting doc, the way y-websocket forwards a local change. */
  sendUpdate(update: Uint8Array): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeUpdate(encoder, update)
    this.send(encoding.toUint8Array(encoder))
  }

  /** Sends a y-protocols awareness update announcing `state` (any JSON) for `clientID`. */
  sendAwareness(clientID: number, clock: number, state: unknown): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
    const inner = encoding.createEncoder()
    encoding.writeVarUint(inner, 1)
    encoding.writeVarUint(inner, clientID)
    encoding.writeVarUint(inner, clock)
    encoding.writeVarString(inner, JSON.stringify(state))
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner))
    this.send(encoding.toUint8Array(encoder))
  }

  /** Stops reading from the TCP socket (the server's frames pile up in kernel buffers, then in the server). */
  pauseReading(): void {
    this.tcpSocket().pause()
  }

  resumeReading(): void {
    this.tcpSocket().resume()
  }

  /** Sends sync step 2 carrying `doc`'s whole state (what a client answers to a server's sync step 1). */
  sendSyncStep2(doc: Y.Doc): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeSyncStep2(encoder, doc)
    this.send(encoding.toUint8Array(encoder))
  }

  /** Asks for the meeting (sync step 1) and resolves once the server's step 2 has been applied to `doc`. */
  async sync(): Promise<Y.Doc> {
    const before = this.frames.length
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeSyncStep1(encoder, this.doc)
    this.send(encoding.toUint8Array(encoder))
    await this.until(() => this.frames.slice(before).some((f) => f.kind === 'sync' && f.syncType === syncProtocol.messageYjsSyncStep2))
    return this.doc
  }

  /**
   * The next reply or notice (not returned before) for which `predicate` holds. Heartbeats and private feeds are
   * pushed unasked and skipped here; they stay in `frames`.
   */
  async nextApp(predicate: (m: ServerMessage) => boolean = () => true, timeoutMs = 5000): Promise<ServerMessage> {
    let found: ServerMessage | undefined
    await this.until(() => {
      for (; this.appCursor < this.frames.length; this.appCursor++) {
        const frame = this.frames[this.appCursor]
        if (frame?.kind !== 'app') continue
        const { message } = frame
        if ((message.kind === 'reply' || message.kind === 'notice') && predicate(message)) {
          found = message
          this.appCursor++
          return true
        }
      }
      return false
    }, timeoutMs)
    return found as ServerMessage
  }

  /** The next reply or notice, whatever it is. */
  nextMessage(timeoutMs = 5000): Promise<ServerMessage> {
    return this.nextApp(() => true, timeoutMs)
  }

  /** The first received frame (heartbeats included) for which `predicate` holds, waiting for it if needed. */
  async waitForFrame(predicate: (f: ReceivedFrame) => boolean, timeoutMs = 5000): Promise<ReceivedFrame> {
    await this.until(() => this.frames.some(predicate), timeoutMs)
    return this.frames.find(predicate) as ReceivedFrame
  }

  /** Sends `command` and resolves with the reply carrying its id. */
  async request(command: { id: string } & Record<string, unknown>): Promise<ServerMessage> {
    this.sendCommand(command)
    return this.nextApp((m) => m.kind === 'reply' && m.id === command.id)
  }

  close(): void {
    this.ws.terminate()
  }

  private tcpSocket(): { pause(): void; resume(): void } {
    // reason: ws keeps its net.Socket private; pausing it is the only way to be a reader that stops reading.
    const socket = (this.ws as unknown as { _socket?: { pause(): void; resume(): void } })._socket
    if (!socket) throw new Error('the socket is not open')
    return socket
  }

  private until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
    return new Promise((resolve, reject) => {
      if (condition()) return resolve()
      if (this.ws.readyState === WebSocket.CLOSED) return reject(new Error('socket is closed'))
      const check = () => {
        if (condition()) {
          cleanup()
          resolve()
        } else if (this.ws.readyState === WebSocket.CLOSED) {
          cleanup()
          reject(new Error('socket closed before the condition held'))
        }
      }
      const timer = setTimeout(() => {
        cleanup()
        reject(new Error('RawSocket wait timed out'))
      }, timeoutMs)
      const cleanup = () => {
        clearTimeout(timer)
        this.listeners.delete(check)
      }
      this.listeners.add(check)
    })
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener()
  }
}

function decodeFrame(bytes: Uint8Array, doc: Y.Doc): ReceivedFrame {
  const decoder = decoding.createDecoder(bytes)
  const messageType = decoding.readVarUint(decoder)
  if (messageType === MESSAGE_APP) {
    return { kind: 'app', message: ServerMessageSchema.parse(readAppPayload(decoder)) }
  }
  if (messageType === MESSAGE_SYNC) {
    const syncType = decoding.readVarUint(decoder)
    const payload = decoding.readVarUint8Array(decoder)
    if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
      Y.applyUpdate(doc, payload, 'server')
    }
    return { kind: 'sync', syncType, payload }
  }
  return { kind: 'other', messageType, bytes }
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

/** A frame of one varUint message type followed by `rest`. */
export function frameOf(messageType: number, ...rest: number[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, messageType)
  for (const b of rest) encoding.writeUint8(encoder, b)
  return encoding.toUint8Array(encoder)
}
