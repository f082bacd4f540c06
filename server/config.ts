import { z } from 'zod'

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  /** Where people reach the app (e.g. https://okr.example.com); links are built from the request's Host header otherwise. */
  PUBLIC_URL: z.string().url().optional(),
  STATIC_DIR: z.string().default('./dist/client'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  MAX_PARTICIPANTS_PER_MEETING: z.coerce.number().int().min(1).default(10_000),
  /** A socket whose unsent backlog grows past this is a slow reader and is dropped. */
  MAX_SOCKET_BUFFER_BYTES: z.coerce.number().int().min(64 * 1024).default(8 * 1024 * 1024),
})

export type Config = {
  port: number
  host: string
  dataDir: string
  publicUrl: string | null
  staticDir: string
  logLevel: z.infer<typeof Env>['LOG_LEVEL']
  sqliteSynchronous: 'FULL' | 'NORMAL'
  maxParticipantsPerMeeting: number
  maxSocketBufferBytes: number
  compactAfterUpdates: number
  heartbeatIntervalMs: number
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
    maxParticipantsPerMeeting: e.MAX_PARTICIPANTS_PER_MEETING,
    maxSocketBufferBytes: e.MAX_SOCKET_BUFFER_BYTES,
    compactAfterUpdates: 500,
    heartbeatIntervalMs: 10_000,
  }
}
