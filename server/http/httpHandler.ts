import type { IncomingMessage, ServerResponse } from 'node:http'
import { existsSync } from 'node:fs'
import sirv from 'sirv'
import type { Logger } from 'pino'
import type { MeetingStore } from '../persistence/MeetingStore.ts'
import type { Metrics } from '../metrics.ts'
import { setSecurityHeaders } from './securityHeaders.ts'
import { createMeetingRoute } from './createMeetingRoute.ts'
import { HttpError } from './readJsonBody.ts'
import { publishedRoute, type FileResponse } from './publishedRoutes.ts'
import { alignmentRoute } from '../cascade/alignmentRoute.ts'
import { teamReadRoute, teamRoute } from '../rhythm/teamRoutes.ts'
import type { RouteCache } from './RouteCache.ts'
import type { TeamRegistry } from '../rhythm/TeamRegistry.ts'
import type { TeamSpaceStore } from '../persistence/MeetingStore.ts'
import { serveMetrics, type MetricsAccess } from './metricsRoute.ts'
import type { KeyedBuckets } from '../limits/KeyedBuckets.ts'
import { normalizeAddress } from '../limits/ConnectionsPerAddress.ts'

export interface HttpDeps {
  store: MeetingStore & TeamSpaceStore
  /** The loaded team spaces (weekly rhythm), so a new editor link takes effect on open sockets. */
  teams?: TeamRegistry
  metrics: Metrics
  log: Logger
  publicUrl: string | null
  staticDir: string
  startedAt: number
  connectionCount: () => number
  /** Who may read /metrics here; by default anyone (tests, a trusted network). */
  metricsAccess?: MetricsAccess
  /** Published, alignment, wins and report pages kept until their meetings are stored again; none: built per request. */
  routeCache?: RouteCache
  /** Meetings created per remote address; none: unlimited. */
  meetingCreation?: KeyedBuckets
}

export function createHttpHandler(deps: HttpDeps) {
  const hasClient = existsSync(deps.staticDir)
  // `single`: every unknown path serves index.html, so /m/<id> links work on reload.
  const serveClient = hasClient
    ? sirv(deps.staticDir, {
        single: true,
        etag: true,
        setHeaders: (res, pathname) => {
          if (pathname.startsWith('/assets/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable')
          else res.setHeader('Cache-Control', 'no-cache')
        },
      })
    : null

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res)
    const url = new URL(req.url ?? '/', 'http://localhost')
    try {
      if (url.pathname === '/healthz' && req.method === 'GET') {
        return sendJson(res, 200, {
          ok: true,
          uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
          connections: deps.connectionCount(),
        })
      }
      if (url.pathname === '/metrics') {
        if (!(deps.metricsAccess?.isOnPublicPort ?? true)) throw new HttpError(404, 'not_found', 'Not found.')
        if (req.method === 'GET') return await serveMetrics(req, res, deps.metrics, deps.metricsAccess?.token ?? null)
      }
      if (url.pathname === '/api/meetings') {
        if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'Use POST to create a meeting.')
        const address = normalizeAddress(req.socket.remoteAddress)
        if (deps.meetingCreation && !deps.meetingCreation.tryTake(address)) {
          deps.metrics.protocolErrors.inc({ reason: 'meeting_creation_limited' })
          res.setHeader('Retry-After', String(Math.max(1, deps.meetingCreation.secondsUntilNext(address))))
          throw new HttpError(429, 'rate_limited', 'Too many meetings created from your address; try again in a minute.')
        }
        const created = await createMeetingRoute(req, { store: deps.store, publicUrl: deps.publicUrl, now: Date.now })
        deps.metrics.meetingsCreated.inc()
        deps.log.info({ meetingId: created.meetingId }, 'meeting created')
        return sendJson(res, 201, created)
      }
      if (url.pathname.startsWith('/api/') && req.method === 'GET') {
        // The links in the wins wall are built from the Host header, so it is part of the key.
        const key = `${url.pathname}${url.search}\u0000${req.headers.host ?? ''}\u0000${String(req.headers['x-forwarded-proto'] ?? '')}`
        const build = (store: HttpDeps['store']) => readRoute(req, url.pathname, { ...deps, store })
        const answer = deps.routeCache ? await deps.routeCache.answer(key, deps.store, build) : await build(deps.store)
        if (answer?.kind === 'file') return sendFile(res, answer.file)
        if (answer) return sendJson(res, answer.status, answer.body)
      }
      if (url.pathname.startsWith('/api/')) {
        const answer = await teamRoute(req, url.pathname, { store: deps.store, teams: deps.teams ?? null, publicUrl: deps.publicUrl, now: Date.now })
        if (answer?.kind === 'file') return sendFile(res, answer.file)
        if (answer) return sendJson(res, answer.status, answer.body)
      }
      if (url.pathname.startsWith('/api/')) throw new HttpError(404, 'not_found', 'No such API route.')
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method_not_allowed', 'Method not allowed.')
      if (!serveClient) {
        res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' })
        res.end('The web client is not built. Run `npm run build`.')
        return
      }
      serveClient(req, res)
    } catch (error) {
      if (error instanceof HttpError) return sendJson(res, error.status, { error: { code: error.code, message: error.message } })
      deps.log.error({ err: error }, 'http request failed')
      return sendJson(res, 500, { error: { code: 'internal', message: 'Something went wrong on the server.' } })
    }
  }
}

type ReadAnswer = { kind: 'json'; status: number; body: unknown } | { kind: 'file'; file: FileResponse } | null

/** GET routes that only read stored state: the same answer until one of the meetings they read is stored again. */
async function readRoute(req: IncomingMessage, pathname: string, deps: HttpDeps): Promise<ReadAnswer> {
  const alignment = await alignmentRoute(pathname, deps.store, Date.now())
  if (alignment) return { kind: 'json', status: 200, body: alignment }
  const file = await publishedRoute(pathname, deps.store)
  if (file) return { kind: 'file', file }
  return teamReadRoute(req, pathname, { store: deps.store, teams: deps.teams ?? null, publicUrl: deps.publicUrl, now: Date.now })
}

function sendFile(res: ServerResponse, file: FileResponse): void {
  const headers: Record<string, string> = { 'Content-Type': file.contentType, 'Cache-Control': 'no-cache' }
  if (file.filename) headers['Content-Disposition'] = `attachment; filename="${file.filename}"`
  res.writeHead(file.status, headers)
  res.end(file.body)
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(text)
}
