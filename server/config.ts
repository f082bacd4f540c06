import { z } from 'zod'
import { loadEmbeddingsConfig, type EmbeddingsConfig } from './similarity/embeddingsConfig.ts'

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  /** Where people reach the app (e.g. https://okr.example.com); links are built from the request's Host header otherwise. */
  PUBLIC_URL: z.string().url().optional(),
  STATIC_DIR: z.string().default('./dist/client'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  /** Set: meetings live in this Postgres instead of SQLite (cluster mode's store; see README "Cluster"). */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** Cluster mode (DATABASE_URL): this node's id (default: a random one per process) and where other nodes reach it. */
  NODE_ID: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,64}$/, 'letters, digits and . _ : - only (at most 64)')
    .optional(),
  NODE_URL: z.string().url().optional(),
  /**
   * Cluster mode: nodes relay to each other over this Redis (a node keeps the sockets of meetings it does not own and
   * follows them; see README "Cluster"). Unset: such sockets are passed on to the owner instead.
   */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  /** Cluster mode: how long a meeting's owner keeps it without renewing (Postgres's clock). */
  LEASE_TTL_MS: z.coerce.number().int().min(500).max(120_000).default(10_000),
  MAX_PARTICIPANTS_PER_MEETING: z.coerce.number().int().min(1).default(10_000),
  /** A socket whose unsent backlog grows past this is a slow reader and is dropped. */
  MAX_SOCKET_BUFFER_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .default(8 * 1024 * 1024),
  /** Messages (commands, sync and awareness frames alike) one connection may send per second, sustained. */
  RATE_LIMIT_MESSAGES_PER_SECOND: z.coerce.number().positive().default(20),
  /** Messages one connection may send at once after a quiet spell (a reconnect resends its queued commands). */
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(60),
  /** A connection sending more than FLOOD_FACTOR × the rate for about FLOOD_SECONDS is closed (1008). */
  RATE_LIMIT_FLOOD_FACTOR: z.coerce.number().min(1).default(10),
  RATE_LIMIT_FLOOD_SECONDS: z.coerce.number().positive().default(3),
  /**
   * Open WebSockets per remote address; one more is refused with HTTP 429. Loopback counts like any address,
   * and people behind one office NAT share theirs, hence the high default.
   */
  MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(1).default(10_000),
  /** Replace a meeting's stored update log by one snapshot after this many commits. */
  COMPACT_AFTER_UPDATES: z.coerce.number().int().min(2).default(500),
  /** Quiet sockets get a heartbeat this often; y-websocket clients give up on a socket silent for 30 s. */
  HEARTBEAT_INTERVAL_MS: z.coerce.number().int().min(500).max(25_000).default(10_000),
  /** When set, GET /metrics answers only `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise). */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN needs at least 16 characters.').optional(),
  /** When set, /metrics is served only on this port (of METRICS_HOST), never on the public one. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().default('127.0.0.1'),
  /** Meetings one address may create at once, then MEETING_CREATION_PER_MINUTE more each minute (over → 429). */
  MEETING_CREATION_BURST: z.coerce.number().int().min(1).default(10),
  MEETING_CREATION_PER_MINUTE: z.coerce.number().positive().default(6),
  /** Joins one address may make at once (an office behind one NAT), then JOINS_PER_MINUTE_PER_ADDRESS more a minute. */
  JOIN_BURST_PER_ADDRESS: z.coerce.number().int().min(1).default(200),
  JOINS_PER_MINUTE_PER_ADDRESS: z.coerce.number().positive().default(120),
  /** A socket must finish its first frame within this, and no frame may stay half-received longer (trickling). */
  FRAME_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
})

export type Config = {
  port: number
  host: string
  dataDir: string
  publicUrl: string | null
  staticDir: string
  logLevel: z.infer<typeof Env>['LOG_LEVEL']
  sqliteSynchronous: 'FULL' | 'NORMAL'
  databaseUrl: string | null
  /** Cluster mode only: this node's id, its internal URL (null: http://127.0.0.1:<port>) and the lease length. */
  cluster?: { nodeId: string | null; nodeUrl: string | null; leaseTtlMs: number; redisUrl?: string | null }
  maxParticipantsPerMeeting: number
  maxSocketBufferBytes: number
  rateLimitMessagesPerSecond: number
  rateLimitBurst: number
  rateLimitFloodFactor: number
  rateLimitFloodSeconds: number
  maxConnectionsPerAddress: number
  compactAfterUpdates: number
  heartbeatIntervalMs: number
  metricsToken: string | null
  metricsPort: number | null
  metricsHost: string
  meetingCreationBurst: number
  meetingCreationPerMinute: number
  joinBurstPerAddress: number
  joinsPerMinutePerAddress: number
  frameTimeoutMs: number
  /** A sentence model for similarity (EMBEDDINGS_URL / EMBEDDINGS_MODEL_DIR); absent or null: lexical only. */
  embeddings?: EmbeddingsConfig | null
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`Bad configuration: ${issue?.path.join('.')}: ${issue?.message}`)
  }
  const e = parsed.data
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    staticDir: e.STATIC_DIR,
    logLevel: e.LOG_LEVEL,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    databaseUrl: e.DATABASE_URL ?? null,
    cluster: { nodeId: e.NODE_ID ?? null, nodeUrl: e.NODE_URL?.replace(/\/+$/, '') ?? null, leaseTtlMs: e.LEASE_TTL_MS, redisUrl: e.REDIS_URL ?? null },
    maxParticipantsPerMeeting: e.MAX_PARTICIPANTS_PER_MEETING,
    maxSocketBufferBytes: e.MAX_SOCKET_BUFFER_BYTES,
    rateLimitMessagesPerSecond: e.RATE_LIMIT_MESSAGES_PER_SECOND,
    rateLimitBurst: e.RATE_LIMIT_BURST,
    rateLimitFloodFactor: e.RATE_LIMIT_FLOOD_FACTOR,
    rateLimitFloodSeconds: e.RATE_LIMIT_FLOOD_SECONDS,
    maxConnectionsPerAddress: e.MAX_CONNECTIONS_PER_ADDRESS,
    compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
    heartbeatIntervalMs: e.HEARTBEAT_INTERVAL_MS,
    metricsToken: e.METRICS_TOKEN ?? null,
    metricsPort: e.METRICS_PORT ?? null,
    metricsHost: e.METRICS_HOST,
    meetingCreationBurst: e.MEETING_CREATION_BURST,
    meetingCreationPerMinute: e.MEETING_CREATION_PER_MINUTE,
    joinBurstPerAddress: e.JOIN_BURST_PER_ADDRESS,
    joinsPerMinutePerAddress: e.JOINS_PER_MINUTE_PER_ADDRESS,
    frameTimeoutMs: e.FRAME_TIMEOUT_MS,
    embeddings: loadEmbeddingsConfig(env),
  }
}
