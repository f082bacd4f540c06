import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { hostname } from 'node:os'
import type { Logger } from 'pino'
import type { WebSocket } from 'ws'
import type { MeetingRoom } from '../../meeting/MeetingRoom.ts'
import type { RoomRegistry } from '../../meeting/RoomRegistry.ts'
import type { MeetingBatch } from '../../persistence/MeetingStore.ts'
import type { TeamRegistry } from '../../rhythm/TeamRegistry.ts'
import type { PostgresMeetingStore } from '../postgres/PostgresMeetingStore.ts'
import type { FollowerMeeting } from '../follower/FollowerMeeting.ts'
import { RelayHub } from '../follower/RelayHub.ts'
import { ClusterMembership, type Route } from './ClusterMembership.ts'
import { proxySocket } from './proxySocket.ts'

/** How often leases of meetings with no room here are given up (rooms unload minutes after their last socket). */
const RELEASE_SWEEP_MS = 60_000

export interface ClusterSettings {
  nodeId: string | null
  nodeUrl: string | null
  leaseTtlMs: number
  /** Set: nodes relay over this Redis, and a node keeps (follows) sockets of meetings it does not own. */
  redisUrl?: string | null
}

/**
 * What the server needs of cluster mode, in one place: a store whose group commit is fenced by this node's leases,
 * the route of each new socket (served here, or passed on to the meeting's owner), and the graceful goodbye.
 * The node joins once it listens (its URL may depend on the port it got).
 */
export class ClusterNode {
  readonly nodeId: string
  readonly store: PostgresMeetingStore
  private membership: ClusterMembership | null = null
  private hub: RelayHub | null = null
  /** Relayed sockets share their person's message budget with the sockets held here (set before join). */
  participantBudget: ((key: string) => boolean) | undefined
  private releaseTimer: NodeJS.Timeout | null = null
  private markJoined: (membership: ClusterMembership) => void = () => undefined
  /** Sockets may arrive between listen and join: their routing waits for this. */
  private readonly whenJoined = new Promise<ClusterMembership>((resolve) => (this.markJoined = resolve))

  constructor(
    private readonly base: PostgresMeetingStore,
    private readonly settings: ClusterSettings,
    private readonly log: Logger,
  ) {
    this.nodeId = settings.nodeId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`
    // The group committer writes through this: every commit is fenced (a commit before join would have no lease).
    this.store = new Proxy(base, {
      get: (target, prop, receiver) => {
        if (prop === 'commit') return (batches: readonly MeetingBatch[]) => this.joined().commit(batches)
        const value = Reflect.get(target, prop, receiver) as unknown
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
  }

  async join(
    listenUrl: string,
    rooms: RoomRegistry,
    teams: TeamRegistry,
    onLeaseLost: () => void = () => undefined,
    onResync: (reason: string) => void = () => undefined,
  ): Promise<void> {
    const ttlMs = this.settings.leaseTtlMs
    this.membership = await ClusterMembership.join({
      store: this.base,
      nodeId: this.nodeId,
      url: this.settings.nodeUrl ?? listenUrl,
      timing: { ttlMs, renewEveryMs: Math.max(150, Math.floor(ttlMs / 3)) },
      log: this.log,
      onLost: (leaseKey, keys) => {
        onLeaseLost()
        for (const room of [...rooms.all()]) if (keys.known(room.id) === leaseKey) room.dropAsFenced()
        for (const team of [...teams.all()]) if (keys.known(team.meetingId) === leaseKey) team.dropAsFenced()
      },
    })
    const membership = this.membership
    this.releaseTimer = setInterval(() => {
      const inUse = new Set<string>()
      for (const room of rooms.all()) inUse.add(membership.keys.known(room.id) ?? room.id)
      for (const team of teams.all()) inUse.add(membership.keys.known(team.meetingId) ?? team.meetingId)
      void membership.releaseUnused(inUse).catch(() => undefined)
    }, RELEASE_SWEEP_MS)
    this.releaseTimer.unref()
    if (this.settings.redisUrl) this.hub = await this.connectRelay(this.settings.redisUrl, membership, rooms, onResync)
    this.markJoined(this.membership)
    this.log.info({ nodeId: this.nodeId, url: this.settings.nodeUrl ?? listenUrl }, 'joined the cluster')
  }

  /** Every room notes which lease its meeting is written under as it loads; its followers hear it live from now. */
  onRoomLoaded(room: MeetingRoom): void {
    const membership = this.joined()
    membership.keys.learnFromDoc(room.id, room.doc)
    this.hub?.owned(room, membership.epochOf(room.id))
  }

  /** A committed shared update of a meeting this node owns, published once for the nodes following it. */
  onCommittedUpdate(meetingId: string, update: Uint8Array): void {
    if (this.hub && this.membership) this.hub.committed(meetingId, update, this.membership.epochOf(meetingId))
  }

  /**
   * With Redis up: the follower copy of a meeting another node owns, for a socket this node keeps. Null without
   * Redis (or while it is down): the socket is passed on to the owner instead.
   */
  follow(meetingId: string, owner: Extract<Route, { kind: 'remote' }>): Promise<FollowerMeeting> | null {
    if (!this.hub?.isUp) return null
    return this.hub.follow(meetingId, { nodeId: owner.nodeId, epoch: owner.epoch })
  }

  /** Where a meeting's socket is served (a team space's: its meeting's). */
  async route(target: { meetingId: string } | { teamId: string }): Promise<Route> {
    const membership = await this.whenJoined
    if ('meetingId' in target) return membership.route(target.meetingId)
    const team = await this.base.findTeamSpace(target.teamId)
    return team ? membership.route(team.meetingId) : { kind: 'local' }
  }

  /** The client address another node vouches for; null for a socket straight from a client. */
  forwardedAddress(req: IncomingMessage): string | null {
    return this.membership?.forwardedAddress(req) ?? null
  }

  proxy(ws: WebSocket, ownerUrl: string, path: string, clientAddress: string, maxBufferedBytes: number): void {
    // Pinged twice per lease: a frozen owner's clients move on about when its lease runs out.
    const pingEveryMs = Math.max(250, Math.floor(this.settings.leaseTtlMs / 2))
    proxySocket(ws, { ownerUrl, path, clientAddress, secret: this.joined().internalSecret, maxBufferedBytes, pingEveryMs })
  }

  /** Graceful stop, after the last commit: other nodes take this node's meetings at once. */
  async leave(): Promise<void> {
    if (this.releaseTimer) clearInterval(this.releaseTimer)
    await this.hub?.close().catch(() => undefined)
    await this.membership?.leave().catch((error: unknown) => this.log.warn({ err: error }, 'leaving the cluster failed'))
  }

  private joined(): ClusterMembership {
    if (!this.membership) throw new Error('the node has not joined the cluster yet')
    return this.membership
  }

  private async connectRelay(
    redisUrl: string,
    membership: ClusterMembership,
    rooms: RoomRegistry,
    onResync: (reason: string) => void,
  ): Promise<RelayHub | null> {
    try {
      return await RelayHub.connect({
        redisUrl,
        nodeId: this.nodeId,
        log: this.log,
        epochOf: (meetingId) => membership.epochOf(meetingId),
        admit: async (meetingId) => ((await membership.route(meetingId)).kind === 'local' ? rooms.open(meetingId) : 'moved'),
        release: (room) => rooms.releaseIfIdle(room),
        loadDoc: (meetingId) => this.base.loadDoc(meetingId, 'meeting'),
        participantBudget: this.participantBudget,
        onResync,
      })
    } catch (error) {
      // The node still works without the bus: sockets of meetings owned elsewhere are passed on to their owner.
      this.log.error({ err: error }, 'cannot reach Redis (REDIS_URL); passing sockets on to their owners instead')
      return null
    }
  }
}
