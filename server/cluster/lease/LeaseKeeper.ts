import type { Pool } from 'pg'
import { acquireLease, releaseLease, renewLeases, type OwnedLease } from './meetingLease.ts'

export interface LeaseTiming {
  /** Lease length, by Postgres's clock. */
  ttlMs: number
  /** How often idle leases are renewed; well under ttlMs so one slow round does not lose them. */
  renewEveryMs: number
}

export const DEFAULT_LEASE_TIMING: LeaseTiming = { ttlMs: 10_000, renewEveryMs: 3_000 }

/**
 * The leases one node holds. Commits renew the leases they write (PostgresMeetingStore.commitFenced); this keeps
 * the others (meetings with nobody typing) alive between commits and tells the node the moment one is gone, so it
 * drops that room. Safety does not depend on this timer: a node that misses renewals is fenced at its next commit.
 */
export class LeaseKeeper {
  private readonly leases = new Map<string, OwnedLease>()
  /** When each lease was last confirmed by Postgres (local clock, taken before the query was sent: conservative). */
  private readonly confirmedAt = new Map<string, number>()
  private timer: NodeJS.Timeout | null = null
  private renewing: Promise<void> | null = null

  constructor(
    private readonly db: Pool,
    readonly nodeId: string,
    readonly timing: LeaseTiming,
    private readonly onLost: (leaseKey: string) => void,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => {
      this.giveUpUnconfirmed(performance.now())
      void this.renewNow().catch(() => undefined)
    }, this.timing.renewEveryMs)
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  leaseOf(leaseKey: string): OwnedLease | null {
    return this.leases.get(leaseKey) ?? null
  }

  held(): OwnedLease[] {
    return [...this.leases.values()]
  }

  /** Takes the meeting if it is free or its lease ran out; null when another node holds it. */
  async tryAcquire(leaseKey: string): Promise<OwnedLease | null> {
    const held = this.leases.get(leaseKey)
    if (held) return held
    const askedAt = performance.now()
    const lease = await acquireLease(this.db, leaseKey, this.nodeId, this.timing.ttlMs)
    if (lease) {
      this.leases.set(leaseKey, lease)
      this.confirmedAt.set(leaseKey, askedAt)
    }
    return lease
  }

  /**
   * Renews every lease held; those that were taken over are dropped and reported. A failed round (Postgres
   * unreachable) changes nothing here: the next round or the next commit decides.
   */
  async renewNow(): Promise<void> {
    if (this.renewing || this.leases.size === 0) return this.renewing ?? undefined
    this.renewing = (async () => {
      const asked = this.held()
      const askedAt = performance.now()
      const renewed = await renewLeases(this.db, this.nodeId, asked, this.timing.ttlMs)
      for (const lease of asked) {
        if (!renewed.has(lease.leaseKey)) this.markLost(lease.leaseKey)
        else if (this.leases.get(lease.leaseKey) === lease) this.confirmedAt.set(lease.leaseKey, askedAt)
      }
    })().finally(() => (this.renewing = null))
    return this.renewing
  }

  /** A commit found this lease fenced (or renewal did): forget it and tell the node. */
  markLost(leaseKey: string): void {
    this.confirmedAt.delete(leaseKey)
    if (this.leases.delete(leaseKey)) this.onLost(leaseKey)
  }

  /**
   * A node cut off from Postgres cannot renew, yet nothing tells it so until a query times out: meanwhile it would
   * keep its sockets and (with Redis) keep telling followers it is alive, while another node takes the meeting
   * over. Leases not confirmed for two lease lengths (and at least 5 s past one: a loaded machine's slow round trip is
   * not a partition) are given up here, so the rooms close their sockets (1012) and clients find the new owner.
   * Safety never depended on this: such a node's commits are fenced anyway.
   */
  giveUpUnconfirmed(now: number): void {
    const { ttlMs } = this.timing
    const limitMs = Math.max(2 * ttlMs, ttlMs + 5_000)
    for (const [leaseKey, at] of this.confirmedAt) if (now - at > limitMs) this.markLost(leaseKey)
  }

  /** Gives one meeting up (it has no room here any more): another node may take it at once. */
  async release(leaseKey: string): Promise<void> {
    const lease = this.leases.get(leaseKey)
    if (!lease) return
    this.leases.delete(leaseKey)
    this.confirmedAt.delete(leaseKey)
    await releaseLease(this.db, this.nodeId, lease).catch(() => false)
  }

  /**
   * Graceful shutdown: give every meeting up so other nodes take over at once instead of after the TTL.
   * The caller must first stop committing (and await the commit in flight), or that commit renews the lease.
   */
  async releaseAll(): Promise<void> {
    this.stop()
    // A renewal still in flight would extend the lease again after we expire it.
    await this.renewing?.catch(() => undefined)
    const all = this.held()
    this.leases.clear()
    this.confirmedAt.clear()
    await Promise.all(all.map((lease) => releaseLease(this.db, this.nodeId, lease).catch(() => false)))
  }
}
