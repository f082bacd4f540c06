import { createServer as createHttpServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import pino, { type Logger } from 'pino'
import type { Config } from './config.ts'
import { createSemanticScorer } from './similarity/embeddingsConfig.ts'
import { createMetrics } from './metrics.ts'
import { openMeetingStore } from './persistence/openMeetingStore.ts'
import { GroupCommitter } from './persistence/GroupCommitter.ts'
import { RoomRegistry } from './meeting/RoomRegistry.ts'
import { createHttpHandler } from './http/httpHandler.ts'
import { attachSocket, type SocketConnection, type SocketTarget } from './sync/attachSocket.ts'
import { handleKeyResultFrame } from './sync/handleKeyResultFrame.ts'
import type { MeetingRoom } from './meeting/MeetingRoom.ts'
import { encodeAppMessage } from '../shared/protocol/wire.ts'
import { MAX_FRAME_BYTES } from '../shared/protocol/limits.ts'
import { ConnectionsPerAddress, normalizeAddress } from './limits/ConnectionsPerAddress.ts'
import { TeamRegistry } from './rhythm/TeamRegistry.ts'
import { TEAM_PATH, teamTarget } from './rhythm/teamSocket.ts'
import type { TeamRoom } from './rhythm/TeamRoom.ts'
import { CLOSE } from '../shared/protocol/closeCodes.ts'
import type { RateLimitSettings } from './limits/MessageRateLimiter.ts'
import { KeyedBuckets } from './limits/KeyedBuckets.ts'
import { createSharedLimits } from './limits/SocketLimits.ts'
import { startMetricsServer } from './http/metricsRoute.ts'
import { CommittedVersions, RouteCache, trackCommits } from './http/RouteCache.ts'
import { PER_MESSAGE_DEFLATE } from './sync/sharedDeflate.ts'
import { openClusterNode } from './cluster/openClusterNode.ts'
import type { FollowerMeeting } from './cluster/follower/FollowerMeeting.ts'

/** An objective's co-edited key-result doc, on its own socket. */
function keyResultTarget(room: MeetingRoom, objectiveId: string): SocketTarget | null {
  const doc = room.keyResultDoc(objectiveId)
  if (!doc) return null
  return {
    id: `${room.id}/kr/${objectiveId}`,
    addConnection: (conn) => doc.connections.add(conn),
    removeConnection: (conn) => doc.connections.delete(conn),
    handle: (conn, frame) => handleKeyResultFrame(room, doc, conn, frame),
  }
}

export interface RunningServer {
  httpServer: Server
  url: string
  log: Logger
  /** The live meetings, for in-process tests and tools; the network never reaches it except through commands. */
  rooms: RoomRegistry
  /** The metrics' own listener when METRICS_PORT is set. */
  metricsUrl: string | null
  /** Bytes queued in server memory for sockets that have not taken them yet: all of them, and the largest. */
  socketBacklog(): { sockets: number; totalBytes: number; maxBytes: number }
  close(): Promise<void>
}

const MEETING_PATH = /^\/ws\/([A-Za-z0-9_-]{10,64})(?:\/kr\/([A-Za-z0-9_-]{1,64}))?$/

/** Wires storage, rooms, HTTP and WebSockets into one process. `main.ts` only adds config and signals. */
export async function startServer(config: Config, log: Logger = pino({ level: config.logLevel })): Promise<RunningServer> {
  const metrics = createMetrics()
  const committedVersions = new CommittedVersions()
  // Every write is counted per meeting, so pages built from stored state are cached until their meeting changes.
  const openedStore = await openMeetingStore(config)
  // Cluster mode (DATABASE_URL): commits are fenced by this node's meeting leases; sockets go to each meeting's owner.
  const cluster = config.databaseUrl ? await openClusterNode(openedStore, config, log) : null
  const store = trackCommits(cluster?.store ?? openedStore, committedVersions)
  const committer = new GroupCommitter(store, ({ durationMs, error }) => {
    metrics.commitDuration.observe(durationMs / 1000)
    if (error) {
      metrics.commitFailures.inc()
      log.error({ err: error }, 'group commit failed')
    }
  })
  const rateLimit: RateLimitSettings = {
    messagesPerSecond: config.rateLimitMessagesPerSecond,
    burst: config.rateLimitBurst,
    floodFactor: config.rateLimitFloodFactor,
    floodSeconds: config.rateLimitFloodSeconds,
  }
  const shared = createSharedLimits(rateLimit, { burst: config.joinBurstPerAddress, perMinute: config.joinsPerMinutePerAddress })
  if (cluster) cluster.participantBudget = (key) => shared.messagesPerParticipant.tryTake(key)
  const rooms = new RoomRegistry({
    joinsPerAddress: shared.joinsPerAddress,
    store,
    committer,
    metrics,
    log,
    maxParticipants: config.maxParticipantsPerMeeting,
    compactAfterUpdates: config.compactAfterUpdates,
    semantic: config.embeddings ? createSemanticScorer(config.embeddings, log) : null,
    onLoaded: cluster ? (room) => cluster.onRoomLoaded(room) : undefined,
    onCommittedUpdate: cluster ? (meetingId, update) => cluster.onCommittedUpdate(meetingId, update) : undefined,
  })
  const teams = new TeamRegistry({
    store,
    committer,
    metrics,
    log,
    compactAfterUpdates: config.compactAfterUpdates,
    reactionsPerAddress: shared.reactionsPerAddress,
  })
  const sockets = new Set<SocketConnection>()
  const connectionsPerAddress = new ConnectionsPerAddress(config.maxConnectionsPerAddress)
  const startedAt = Date.now()
  const httpServer = createHttpServer(
    createHttpHandler({
      store,
      teams,
      metrics,
      log,
      publicUrl: config.publicUrl,
      staticDir: config.staticDir,
      startedAt,
      connectionCount: () => sockets.size,
      // Another node's commits do not bump this node's versions: in a cluster, cached pages live 2 s at most.
      routeCache: new RouteCache(committedVersions, { onOutcome: (outcome) => metrics.routeCache.inc({ outcome }), maxAgeMs: cluster ? 2_000 : undefined }),
      metricsAccess: { token: config.metricsToken, isOnPublicPort: config.metricsPort === null },
      meetingCreation: new KeyedBuckets({ capacity: config.meetingCreationBurst, refillPerSecond: config.meetingCreationPerMinute / 60 }),
    }),
  )
  const metricsServer =
    config.metricsPort === null ? null : await startMetricsServer(metrics, { port: config.metricsPort, host: config.metricsHost, token: config.metricsToken })
  // maxPayload: ws refuses a larger frame itself (close 1009) before buffering it.
  // perMessageDeflate: negotiated so that large broadcasts can go out compressed once for everyone (sharedDeflate.ts).
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: PER_MESSAGE_DEFLATE })

  httpServer.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    const teamMatch = TEAM_PATH.exec(path)
    // A team space (weekly rhythm) shares the per-address limit and the socket limits, then goes its own way.
    const match = teamMatch ?? MEETING_PATH.exec(path)
    if (!match) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
      return
    }
    const meetingId = match[1] as string
    const objectiveId = match[2] ?? null
    // A socket another node of the cluster passes on carries its client's address (vouched for by the internal secret).
    const forwardedFor = cluster?.forwardedAddress(req) ?? null
    const address = forwardedFor ?? normalizeAddress(req.socket.remoteAddress)
    const release = connectionsPerAddress.tryAcquire(address)
    if (!release) {
      metrics.protocolErrors.inc({ reason: 'too_many_connections' })
      log.warn({ address }, 'refusing a connection over the per-address limit')
      const body = `Too many connections from your address (at most ${config.maxConnectionsPerAddress}).`
      socket.end(
        'HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nRetry-After: 10\r\n' +
          `Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      )
      return
    }
    // The raw socket closes however the connection ends (refused handshake, 4404, client gone, terminate).
    socket.once('close', release)
    // The room is loaded before the handshake completes: no frame can arrive before its room is ready.
    const upgrade = (accept: (ws: WebSocket) => void) => wss.handleUpgrade(req, socket, head, accept)
    const failed = (error: unknown) => {
      log.error({ err: error, meetingId }, 'loading a room failed')
      upgrade((ws) => ws.close(CLOSE.internalError, 'Server error; reconnecting.'))
    }
    const openHere = () => {
      if (teamMatch) teams.open(meetingId).then((team) => upgrade((ws) => acceptTeam(ws, team)), failed)
      else rooms.open(meetingId).then((room) => upgrade((ws) => acceptMeeting(ws, room)), failed)
    }
    if (!cluster) openHere()
    else {
      cluster.route(teamMatch ? { teamId: meetingId } : { meetingId }).then((where) => {
        // A socket passed on by another node is never passed on again: no loops while ownership moves.
        const isPassable = where.kind === 'remote' && forwardedFor === null
        // With Redis, a meeting socket stays here and is relayed; key-result docs and team spaces are passed on.
        const following = isPassable && !teamMatch && objectiveId === null ? cluster.follow(meetingId, where) : null
        metrics.clusterRoutes.inc({ route: following ? 'relayed' : where.kind })
        if (where.kind === 'local') return openHere()
        if (following) return following.then((meeting) => upgrade((ws) => acceptFollowed(ws, meeting)), failed)
        if (isPassable) return upgrade((ws) => cluster.proxy(ws, where.url, req.url ?? path, address, config.maxSocketBufferBytes))
        upgrade((ws) => ws.close(CLOSE.serviceRestart, 'This meeting is moving between servers; reconnecting.'))
      }, failed)
    }

    function acceptTeam(ws: WebSocket, team: TeamRoom | null): void {
      if (!team) return void ws.close(CLOSE.notFound, 'No such team space.')
      const deps = { log, metrics, maxBufferedBytes: config.maxSocketBufferBytes, rateLimit, address, shared, frameTimeoutMs: config.frameTimeoutMs }
      const conn = attachSocket(ws, teamTarget(team), { ...deps, onClose: () => (sockets.delete(conn), teams.releaseIfIdle(team)) })
      sockets.add(conn)
    }

    /** Cluster mode with Redis: a socket of a meeting another node owns, kept here (its limits apply here). */
    function acceptFollowed(ws: WebSocket, meeting: FollowerMeeting): void {
      const deps = { log, metrics, maxBufferedBytes: config.maxSocketBufferBytes, rateLimit, address, shared, frameTimeoutMs: config.frameTimeoutMs }
      const conn = attachSocket(ws, meeting.target, { ...deps, onClose: () => sockets.delete(conn) })
      sockets.add(conn)
    }

    function acceptMeeting(ws: WebSocket, room: MeetingRoom | null): void {
      // The y-websocket client stops reconnecting on 44xx codes.
      if (!room) return void ws.close(CLOSE.notFound, 'No such meeting.')
      const target = objectiveId === null ? room : keyResultTarget(room, objectiveId)
      if (!target) {
        ws.close(CLOSE.notFound, 'No such objective in this meeting.')
        // Loaded for this socket only: a refused socket must not keep a meeting in memory.
        rooms.unloadNowIfIdle(room)
        return
      }
      const conn = attachSocket(ws, target, {
        log,
        metrics,
        maxBufferedBytes: config.maxSocketBufferBytes,
        rateLimit,
        address,
        shared,
        frameTimeoutMs: config.frameTimeoutMs,
        onClose: () => {
          sockets.delete(conn)
          rooms.releaseIfIdle(room)
        },
      })
      sockets.add(conn)
    }
  })

  // y-websocket clients drop a connection that is silent for 30 s; presence is not relayed, so say something.
  const heartbeat = setInterval(
    () => {
      const now = Date.now()
      const frame = encodeAppMessage({ kind: 'heartbeat', serverNow: now })
      for (const conn of sockets) if (now - conn.lastSentAt >= config.heartbeatIntervalMs) conn.send(frame)
    },
    Math.max(250, config.heartbeatIntervalMs / 2),
  )
  heartbeat.unref()

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject)
    httpServer.listen(config.port, config.host, () => resolve())
  })
  const address = httpServer.address() as AddressInfo
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
  const url = `http://${shownHost}:${address.port}`
  await cluster?.join(
    `http://127.0.0.1:${address.port}`,
    rooms,
    teams,
    () => metrics.leasesLost.inc(),
    (reason) => metrics.followerResyncs.inc({ reason }),
  )

  return {
    httpServer,
    url,
    log,
    rooms,
    metricsUrl: metricsServer ? `http://${config.metricsHost}:${(metricsServer.address() as AddressInfo).port}` : null,
    socketBacklog() {
      let totalBytes = 0
      let maxBytes = 0
      for (const client of wss.clients) {
        totalBytes += client.bufferedAmount
        maxBytes = Math.max(maxBytes, client.bufferedAmount)
      }
      return { sockets: wss.clients.size, totalBytes, maxBytes }
    },
    async close() {
      clearInterval(heartbeat)
      await committer.flush()
      await cluster?.leave()
      for (const client of wss.clients) client.terminate()
      wss.close()
      await new Promise<void>((resolve) => httpServer.close(() => resolve()))
      if (metricsServer) await new Promise<void>((resolve) => metricsServer.close(() => resolve()))
      rooms.close()
      teams.close()
      await store.close()
    },
  }
}
