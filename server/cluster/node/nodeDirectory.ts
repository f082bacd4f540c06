import type { Pool } from 'pg'

/** Where the live owner of a lease is reached (its internal URL), or null when nobody holds it now. */
export interface LiveOwner {
  nodeId: string
  url: string
  /** The lease's fencing epoch: a follower ignores an older owner still talking and resyncs on a newer one. */
  epoch: number
}

/**
 * The cluster's node table: each node says where other nodes reach it, and keeps saying so while it lives.
 * A meeting's owner (meeting_owner.node_id) is found here, so a node that does not own a meeting can pass the
 * socket on to the one that does.
 */
export async function announceNode(db: Pool, nodeId: string, url: string, ttlMs: number): Promise<void> {
  await db.query(
    `INSERT INTO cluster_nodes (node_id, url, seen_until) VALUES ($1, $2, clock_timestamp() + $3 * interval '1 millisecond')
     ON CONFLICT (node_id) DO UPDATE SET url = EXCLUDED.url, seen_until = EXCLUDED.seen_until`,
    [nodeId, url, ttlMs],
  )
}

export async function forgetNode(db: Pool, nodeId: string): Promise<void> {
  await db.query('DELETE FROM cluster_nodes WHERE node_id = $1', [nodeId])
}

/** The node holding a live lease on `leaseKey`, by Postgres's clock; null when the lease is free or expired. */
export async function findLiveOwner(db: Pool, leaseKey: string): Promise<LiveOwner | null> {
  const { rows } = await db.query<{ node_id: string; url: string; epoch: string }>(
    `SELECT o.node_id, n.url, o.epoch FROM meeting_owner o JOIN cluster_nodes n ON n.node_id = o.node_id
     WHERE o.lease_key = $1 AND o.lease_until > clock_timestamp()`,
    [leaseKey],
  )
  const row = rows[0]
  return row ? { nodeId: row.node_id, url: row.url, epoch: Number(row.epoch) } : null
}

/** The secret nodes show each other on internal links (created once by the schema migration). */
export async function readInternalSecret(db: Pool): Promise<string> {
  const { rows } = await db.query<{ value: string }>("SELECT value FROM cluster_settings WHERE name = 'internal_secret'")
  const value = rows[0]?.value
  if (!value) throw new Error('cluster_settings has no internal_secret: the Postgres schema is not migrated')
  return value
}
