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
import { teamRoute } from '../rhythm/teamRoutes.ts'
import type { TeamRegistry } from '../rhythm/TeamRegistry.ts'
import type { TeamSpaceStore } from '../persistence/MeetingStore.ts'

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
      if (url.pathname === '/metrics' && req.method === 'GET') {
        res.writeHead(200, { 'Content-Type': deps.metrics.registry.contentType })
        res.end(await deps.metrics.registry.metrics())
        return
      }
      if (url.pathname === '/api/meetings') {
        if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'Use POST to create a meeting.')
        const created = await createMeetingRoute(req, { store: deps.store, publicUrl: deps.publicUrl, now: Date.now })
        deps.metrics.meetingsCreated.inc()
        deps.log.info({ meetingId: created.meetingId }, 'meeting created')
        return sendJson(res, 201, created)
      }
      if (url.pathname.startsWith('/api/meetings/') && req.method === 'GET') {
        const alignment = await alignmentRoute(url.pathname, deps.store, Date.now())
        if (alignment) return sendJson(res, 200, alignment)
        const file = await publishedRoute(url.pathname, deps.store)
        if (file) return sendFile(res, file)
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
