import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Logger } from 'pino'
import type { CommitOutcome, MeetingBatch } from '../../persistence/MeetingStore.ts'
import { LeaseKeeper, type LeaseTiming } from '../lease/LeaseKeeper.ts'
import type { PostgresMeetingStore } from '../postgres/PostgresMeetingStore.ts'
import { LeaseKeys } from './LeaseKeys.ts'
import { announceNode, findLiveOwner, forgetNode, readInternalSecret } from './nodeDirectory.ts'

/** Where a socket for a meeting (or team space) is served: here, by another node, or nowhere right now. */
export type Route = { kind: 'local' } | { kind: 'remote'; url: string; nodeId: string; epoch: number } | { kind: 'unavailable' }

const MAX_CACHED_ROUTES = 10_000

/** Headers of a socket another node passes on (server/cluster/node/proxySocket.ts). */
export const INTERNAL_HEADER = 'x-quarterdeck-internal'
export const CLIENT_ADDRESS_HEADER = 'x-quarterdeck-client-address'

export interface MembershipOptions {
  store: PostgresMeetingStore
  nodeId: string
  /** Where other nodes reach this one (http://host:port). */
  url: string
  timing: LeaseTiming
  log: Logger
  /** Called when this node lost a lease: drop the rooms written under it (close 1012). */
  onLost: (leaseKey: string, keys: LeaseKeys) => void
}

/**
 * This node's part in a cluster on one Postgres (DATABASE_URL): it owns meetings through leases (one writer per
 * meeting, fenced by epoch at every commit), announces where it can be reached, and tells the socket handler where a
 * meeting is served. The store it hands the group committer writes only what this node still owns.
 */
export class ClusterMembership {
  readonly keys: LeaseKeys
  private readonly keeper: LeaseKeeper
  private announceTimer: NodeJS.Timeout | null = null
  /**
   * Recent answers "another node owns it", kept briefly: a reconnect storm (a whole meeting after its owner moved)
   * then costs Postgres one lookup per meeting and second, not two queries per socket. A stale answer only sends a
   * socket to a node that answers 1012, and the client tries again.
   */
  private readonly remoteRoutes = new Map<string, { route: Route; until: number }>()

  private constructor(
    private readonly options: MembershipOptions,
    private readonly secret: Buffer,
  ) {
    this.keys = new LeaseKeys((id) => options.store.loadMeeting(id))
    this.keeper = new LeaseKeeper(options.store.db, options.nodeId, options.timing, (leaseKey) => {
      options.log.warn({ leaseKey }, 'lost a meeting lease; dropping its rooms')
      options.onLost(leaseKey, this.keys)
    })
  }

  static async join(options: MembershipOptions): Promise<ClusterMembership> {
    const secret = Buffer.from(await readInternalSecret(options.store.db))
    const membership = new ClusterMembership(options, secret)
    await membership.announce()
    membership.keeper.start()
    membership.announceTimer = setInterval(() => void membership.announce().catch(() => undefined), options.timing.renewEveryMs)
    membership.announceTimer.unref()
    return membership
  }

  get nodeId(): string {
    return this.options.nodeId
  }

  get internalSecret(): string {
    return this.secret.toString()
  }

  /** The client address another node vouches for, or null when the request is not from a node of this cluster. */
  forwardedAddress(req: IncomingMessage): string | null {
    const shown = req.headers[INTERNAL_HEADER]
    if (typeof shown !== 'string') return null
    const given = Buffer.from(shown)
    if (given.length !== this.secret.length || !timingSafeEqual(given, this.secret)) return null
    const address = req.headers[CLIENT_ADDRESS_HEADER]
    return typeof address === 'string' && address.length > 0 ? address.slice(0, 64) : 'unknown'
  }

  /**
   * Where `meetingId` is served. Takes the meeting's lease when it is free (then the room loads here, after the
   * takeover, so it sees every commit of the previous owner). A meeting that does not exist is "local": the room
   * registry answers 4404 without anyone holding a lease for it.
   */
  async route(meetingId: string): Promise<Route> {
    const key = await this.keys.resolve(meetingId)
    if (key === null) return { kind: 'local' }
    if (this.keeper.leaseOf(key)) return { kind: 'local' }
    const cached = this.remoteRoutes.get(key)
    if (cached && cached.until > Date.now()) return cached.route
    if (await this.keeper.tryAcquire(key)) {
      this.remoteRoutes.delete(key)
      return { kind: 'local' }
    }
    const owner = await findLiveOwner(this.options.store.db, key)
    if (!owner || owner.nodeId === this.options.nodeId) return { kind: 'unavailable' }
    const route: Route = { kind: 'remote', url: owner.url, nodeId: owner.nodeId, epoch: owner.epoch }
    if (this.remoteRoutes.size > MAX_CACHED_ROUTES) this.remoteRoutes.clear()
    this.remoteRoutes.set(key, { route, until: Date.now() + Math.min(1_000, this.options.timing.renewEveryMs) })
    return route
  }

  /** Whether this node holds the lease a meeting is written under. */
  owns(meetingId: string): boolean {
    return this.epochOf(meetingId) !== null
  }

  /** The epoch under which this node holds a meeting's lease, or null when it does not (or the meeting is unknown). */
  epochOf(meetingId: string): number | null {
    const key = this.keys.known(meetingId)
    return key === undefined ? null : (this.keeper.leaseOf(key)?.epoch ?? null)
  }

  /**
   * The group commit in cluster mode: one transaction that first renews this node's leases for the meetings it
   * writes, then writes only those still owned. Meetings fenced off are reported lost at once.
   */
  async commit(batches: readonly MeetingBatch[]): Promise<CommitOutcome> {
    const { store, nodeId, timing } = this.options
    const result = await store
      .commitFenced(batches, {
        nodeId,
        leaseTtlMs: timing.ttlMs,
        leaseOf: (meetingId) => {
          const key = this.keys.known(meetingId)
          return key === undefined ? null : this.keeper.leaseOf(key)
        },
      })
      .catch(async (error: unknown) => {
        // A commit can fail because this node was frozen mid-transaction and Postgres ended its session while another
        // node took the meeting over. Ask before failing: a lease found lost drops its rooms as fenced (1012, "it
        // moved"), not as a server error (1011). Nothing is acknowledged either way; clients resend the same ids.
        await Promise.race([this.keeper.renewNow().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, timing.ttlMs / 2).unref())])
        throw error
      })
    for (const meetingId of result.fenced) {
      const key = this.keys.known(meetingId)
      if (key !== undefined) this.keeper.markLost(key)
    }
    return { fenced: result.fenced }
  }

  /**
   * Gives up the leases none of `keysInUse` needs (their rooms were unloaded, minutes after the last socket left),
   * so a meeting is not tied to the node that first served it forever. A socket routed here just before would
   * load a room whose commit is then fenced: its client hears 1012 and reconnects; nothing is written twice.
   */
  async releaseUnused(keysInUse: ReadonlySet<string>): Promise<void> {
    for (const lease of this.keeper.held()) if (!keysInUse.has(lease.leaseKey)) await this.keeper.release(lease.leaseKey)
  }

  /** Graceful stop: give every meeting up so other nodes take over at once. Call after the last commit. */
  async leave(): Promise<void> {
    if (this.announceTimer) clearInterval(this.announceTimer)
    await this.keeper.releaseAll()
    await forgetNode(this.options.store.db, this.options.nodeId).catch(() => undefined)
  }

  private async announce(): Promise<void> {
    // Listed a little longer than a lease, so an owner is findable for as long as its lease can be live.
    await announceNode(this.options.store.db, this.options.nodeId, this.options.url, this.options.timing.ttlMs * 2)
  }
}
