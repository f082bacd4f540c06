import WebSocket, { type RawData } from 'ws'
import { CLOSE } from '../../../shared/protocol/closeCodes.ts'
import { CLIENT_ADDRESS_HEADER, INTERNAL_HEADER } from './ClusterMembership.ts'

/** Frames a client may send before the link to the owner is open; a client racing ahead of that is cut off. */
const MAX_EARLY_FRAMES = 64

/** Close codes passed on as they are; anything else (the owner died, the link broke) tells the client to reconnect. */
const PASSED_ON = new Set<number>([
  CLOSE.unsupportedData,
  CLOSE.malformedFrame,
  CLOSE.policyViolation,
  CLOSE.messageTooBig,
  CLOSE.internalError,
  CLOSE.serviceRestart,
])

export interface ProxyTarget {
  /** The owner's internal base URL (http://host:port). */
  ownerUrl: string
  /** The client's request path and query, passed on unchanged. */
  path: string
  clientAddress: string
  secret: string
  /** A client that does not take its frames is dropped when this much is queued for it. */
  maxBufferedBytes: number
  /**
   * The link to the owner is pinged this often; no pong by the next ping and the client is told to reconnect. An
   * owner that froze or was cut off answers no pings (its TCP stack still would): without this its clients would
   * wait for their own 30 s silence timeout while another node already took the meeting over.
   */
  pingEveryMs: number
}

/**
 * Passes a client's socket on to the node that owns its meeting, frame by frame in both directions. The owner
 * applies every rule to it as to any socket (limits are keyed by the client's address, which this node vouches
 * for with the cluster's internal secret). When either side goes, the other is closed: a client whose owner went
 * away hears 1012, reconnects (to any node) and resends its queued commands with the same ids.
 */
export function proxySocket(client: WebSocket, target: ProxyTarget, onClosed?: () => void): void {
  const url = `${target.ownerUrl.replace(/^http/, 'ws')}${target.path}`
  const upstream = new WebSocket(url, {
    headers: { [INTERNAL_HEADER]: target.secret, [CLIENT_ADDRESS_HEADER]: target.clientAddress },
    perMessageDeflate: false,
    // A frozen owner's kernel still accepts the TCP connection; only the handshake never comes back.
    handshakeTimeout: target.pingEveryMs * 2,
  })
  const early: { data: RawData; isBinary: boolean }[] = []
  let isDone = false
  let isPongDue = false
  const pinger = setInterval(() => {
    if (upstream.readyState !== WebSocket.OPEN) return
    if (isPongDue) return finish(CLOSE.serviceRestart, 'The meeting’s server stopped answering; reconnecting.')
    isPongDue = true
    upstream.ping()
  }, target.pingEveryMs)
  upstream.on('pong', () => (isPongDue = false))
  const finish = (code: number, reason: string) => {
    if (isDone) return
    isDone = true
    clearInterval(pinger)
    if (client.readyState === WebSocket.OPEN || client.readyState === WebSocket.CONNECTING) client.close(code, reason)
    if (upstream.readyState === WebSocket.OPEN) upstream.close(1000)
    else upstream.terminate()
    onClosed?.()
  }

  client.on('message', (data, isBinary) => {
    if (upstream.readyState === WebSocket.OPEN) return void upstream.send(data, { binary: isBinary })
    if (early.length >= MAX_EARLY_FRAMES) return finish(CLOSE.policyViolation, 'Too many messages before the connection was ready.')
    early.push({ data, isBinary })
  })
  client.on('close', () => finish(1000, ''))
  client.on('error', () => finish(1000, ''))

  upstream.on('open', () => {
    for (const { data, isBinary } of early.splice(0)) upstream.send(data, { binary: isBinary })
  })
  upstream.on('message', (data, isBinary) => {
    if (client.readyState !== WebSocket.OPEN) return
    if (client.bufferedAmount > target.maxBufferedBytes) return finish(CLOSE.policyViolation, 'Connection too slow; reconnecting.')
    client.send(data, { binary: isBinary })
  })
  upstream.on('close', (code, reason) => {
    const passOn = code >= 4000 || PASSED_ON.has(code)
    finish(passOn ? code : CLOSE.serviceRestart, passOn ? reason.toString() : 'The meeting’s server went away; reconnecting.')
  })
  upstream.on('error', () => finish(CLOSE.serviceRestart, 'The meeting’s server is unreachable; reconnecting.'))
}
