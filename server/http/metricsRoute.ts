import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createHash, timingSafeEqual } from 'node:crypto'
import type { Metrics } from '../metrics.ts'
import { setSecurityHeaders } from './securityHeaders.ts'

export interface MetricsAccess {
  /** Bearer token required to read the metrics; null: anyone who reaches the listener may. */
  token: string | null
  /** False when the metrics have their own listener: the public port then answers 404. */
  isOnPublicPort: boolean
}

/**
 * GET /metrics. Metrics tell an outsider how many meetings run, how busy they are and which errors they cause; they
 * are for the operator, behind a token or on a port only the operator's network reaches.
 */
export async function serveMetrics(req: IncomingMessage, res: ServerResponse, metrics: Metrics, token: string | null): Promise<void> {
  if (token !== null && !hasBearer(req, token)) {
    res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8', 'WWW-Authenticate': 'Bearer realm="metrics"', 'Cache-Control': 'no-store' })
    res.end('Metrics need Authorization: Bearer <METRICS_TOKEN>.')
    return
  }
  res.writeHead(200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' })
  res.end(await metrics.registry.metrics())
}

function hasBearer(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? ''
  const match = /^Bearer\s+(.+)$/i.exec(header)
  if (!match) return false
  // Hashing first gives equal lengths, so the comparison is constant-time whatever was sent.
  const digest = (s: string) => createHash('sha256').update(s).digest()
  return timingSafeEqual(digest(match[1] as string), digest(token))
}

/** The metrics' own listener (METRICS_PORT on METRICS_HOST): /metrics and nothing else. */
export async function startMetricsServer(metrics: Metrics, options: { port: number; host: string; token: string | null }): Promise<Server> {
  const server = createServer((req, res) => {
    setSecurityHeaders(res)
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    if (path === '/metrics' && req.method === 'GET') {
      serveMetrics(req, res, metrics, options.token).catch(() => {
        res.writeHead(500)
        res.end()
      })
      return
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
    res.end('Only /metrics is served here.')
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  return server
}
