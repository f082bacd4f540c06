import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/**
 * Per-command counts, kept in a Map and added to the prom-client counter when metrics are read: prom-client's
 * labelled `inc` (label validation and hashing on every call) was 6 % of a 25,000-ballot burst's CPU (issue 16).
 */
class CommandTally {
  private readonly pending = new Map<string, { type: string; outcome: string; n: number }>()

  count(type: string, outcome: string): void {
    const key = `${type}\u0000${outcome}`
    const entry = this.pending.get(key)
    if (entry) entry.n++
    else this.pending.set(key, { type, outcome, n: 1 })
  }

  flushInto(counter: Counter<'type' | 'outcome'>): void {
    for (const { type, outcome, n } of this.pending.values()) counter.inc({ type, outcome }, n)
    this.pending.clear()
  }
}

/** One registry per server instance, so tests can run several servers in one process. */
export function createMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'quarterdeck_' })
  const tally = new CommandTally()
  const commands: Counter<'type' | 'outcome'> = new Counter({
    name: 'quarterdeck_commands_total',
    help: 'Commands received, by type and outcome (ok, refused, replayed)',
    labelNames: ['type', 'outcome'],
    registers: [registry],
    collect() {
      tally.flushInto(commands)
    },
  })
  return {
    /** Counts one command (type and outcome: ok, refused, replayed); read with the other metrics. */
    countCommand: (type: string, outcome: 'ok' | 'refused' | 'replayed') => tally.count(type, outcome),
    registry,
    connections: new Gauge({ name: 'quarterdeck_connections', help: 'Open WebSocket connections', registers: [registry] }),
    meetingsLoaded: new Gauge({ name: 'quarterdeck_meetings_loaded', help: 'Meetings held in memory', registers: [registry] }),
    meetingsCreated: new Counter({ name: 'quarterdeck_meetings_created_total', help: 'Meetings created', registers: [registry] }),
    commands,
    protocolErrors: new Counter({
      name: 'quarterdeck_protocol_errors_total',
      help: 'Frames refused, by reason',
      labelNames: ['reason'],
      registers: [registry],
    }),
    commitDuration: new Histogram({
      name: 'quarterdeck_commit_duration_seconds',
      help: 'Time to persist one group commit (all meetings changed in one tick)',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    routeCache: new Counter({
      name: 'quarterdeck_route_cache_total',
      help: 'Published, alignment, wins and report answers: served from the cache (hit) or built from storage (miss)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    commitFailures: new Counter({ name: 'quarterdeck_commit_failures_total', help: 'Group commits that failed', registers: [registry] }),
    clusterRoutes: new Counter({
      name: 'quarterdeck_cluster_routes_total',
      help: 'Cluster mode: new sockets served here (local), kept here and relayed over Redis (relayed), passed on to the owner (remote) or told to retry (unavailable)',
      labelNames: ['route'],
      registers: [registry],
    }),
    leasesLost: new Counter({
      name: 'quarterdeck_cluster_leases_lost_total',
      help: 'Cluster mode: meetings this node found another node owns now (fenced commit or renewal); their sockets got 1012',
      registers: [registry],
    }),
    followerResyncs: new Counter({
      name: 'quarterdeck_cluster_follower_resyncs_total',
      help: 'Cluster mode with Redis: followed meetings whose sockets here were sent to reconnect (1012), by reason (new-owner, gap, silent)',
      labelNames: ['reason'],
      registers: [registry],
    }),
  }
}

export type Metrics = ReturnType<typeof createMetrics>
