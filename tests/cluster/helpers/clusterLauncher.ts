import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { freshDatabase } from './freshDatabase.ts'
import { REPO_ROOT } from './runScript.ts'
import { ThrowawayPostgres } from './ThrowawayPostgres.ts'
import { ThrowawayRedis } from './ThrowawayRedis.ts'
import { waitFor } from './waitFor.ts'

/** A line a node printed, with the moment this process read it. */
export type NodeEvent = { ev: string; receivedAt: number } & Record<string, unknown>

/** One node process of the cluster. Its stdout is read as JSON lines (anything else is kept as text). */
export class ClusterNode {
  readonly events: NodeEvent[] = []
  readonly exited: Promise<void>
  private stderr = ''

  constructor(
    readonly id: string,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()))
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()))
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const receivedAt = Date.now()
      try {
        this.events.push({ ...(JSON.parse(line) as { ev: string }), receivedAt })
      } catch {
        this.events.push({ ev: 'text', line, receivedAt })
      }
    })
  }

  get pid(): number {
    return this.child.pid ?? -1
  }

  get isAlive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null
  }

  get errorOutput(): string {
    return this.stderr
  }

  /** `kill -9`: no shutdown hook runs. */
  async kill9(): Promise<void> {
    if (this.isAlive) this.child.kill('SIGKILL')
    await this.exited
  }

  /** Graceful stop (SIGTERM), as in a rolling restart. */
  async stop(): Promise<void> {
    if (this.isAlive) this.child.kill('SIGTERM')
    await this.exited
  }

  /** SIGSTOP: the process is frozen (a long GC pause, a stalled VM), its sockets stay open. */
  freeze(): void {
    this.child.kill('SIGSTOP')
  }

  thaw(): void {
    this.child.kill('SIGCONT')
  }
}

export interface ClusterOptions {
  nodes: number
  /** The node program, relative to the repo root, run with `node --import tsx`. */
  entry: string
  env?: Record<string, string>
  /** Extra environment of the node in one slot (0-based); a replacement in that slot gets the same (e.g. its port). */
  nodeEnv?: (slot: number) => Record<string, string>
  /** The DATABASE_URL a slot's node gets (say, through a LinkProxy to cut that node off); default: the database's. */
  databaseUrlFor?: (slot: number, databaseUrl: string) => string
  /** false: the nodes get no REDIS_URL (sockets of meetings owned elsewhere are passed on, not relayed). */
  relay?: boolean
  /** Runs against the fresh database before any node starts (create meetings, seed data). */
  prepare?: (databaseUrl: string) => Promise<void>
}

/**
 * A whole cluster on this machine, from real parts: a throwaway Postgres and Redis (scripts/throwaway-*.sh) and N
 * node processes given DATABASE_URL, REDIS_URL and a unique NODE_ID. Nodes can be killed, frozen, stopped and
 * replaced; a replacement gets a new id, as a restarted process would.
 */
export class Cluster {
  readonly nodes: ClusterNode[] = []
  private started = 0

  private constructor(
    readonly postgres: ThrowawayPostgres,
    readonly redis: ThrowawayRedis,
    readonly databaseUrl: string,
    private readonly options: ClusterOptions,
  ) {}

  static async start(options: ClusterOptions): Promise<Cluster> {
    const [postgres, redis] = await Promise.all([ThrowawayPostgres.start(), ThrowawayRedis.start()])
    const cluster = new Cluster(postgres, redis, await freshDatabase(postgres), options)
    await options.prepare?.(cluster.databaseUrl)
    for (let i = 0; i < options.nodes; i++) cluster.nodes.push(cluster.spawnNode(i))
    await Promise.all(cluster.nodes.map((n) => cluster.ready(n)))
    return cluster
  }

  /** Replaces node `index` (already dead or stopped) by a fresh process with a new id. */
  async replace(index: number): Promise<ClusterNode> {
    const node = this.spawnNode(index)
    this.nodes[index] = node
    await this.ready(node)
    return node
  }

  async destroy(): Promise<void> {
    await Promise.all([...this.everyNode].map((n) => n.kill9()))
    await Promise.all([this.postgres.destroy(), this.redis.destroy()])
  }

  /** Every event of every node that ever ran, oldest process first. */
  get allEvents(): (NodeEvent & { node: string })[] {
    return [...this.everyNode].flatMap((n) => n.events.map((e) => ({ ...e, node: n.id })))
  }

  private readonly everyNode = new Set<ClusterNode>()

  private spawnNode(slot: number): ClusterNode {
    const id = `node-${++this.started}`
    const child = spawn(process.execPath, ['--import', 'tsx', this.options.entry], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        LOG_LEVEL: 'silent',
        ...this.options.env,
        ...this.options.nodeEnv?.(slot),
        DATABASE_URL: this.options.databaseUrlFor?.(slot, this.databaseUrl) ?? this.databaseUrl,
        ...(this.options.relay === false ? {} : { REDIS_URL: this.redis.url }),
        NODE_ID: id,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const node = new ClusterNode(id, child)
    this.everyNode.add(node)
    return node
  }

  private async ready(node: ClusterNode): Promise<void> {
    await waitFor(
      `${node.id} to be ready`,
      () => {
        if (!node.isAlive) throw new Error(`${node.id} exited: ${node.errorOutput}`)
        return node.events.some((e) => e.ev === 'ready')
      },
      30_000,
    )
  }
}
