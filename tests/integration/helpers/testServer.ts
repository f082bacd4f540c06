import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import WebSocket from 'ws'
import { loadConfig, type Config } from '../../../server/config.ts'
import { startServer, type RunningServer } from '../../../server/createServer.ts'
import { MeetingClient } from '../../../shared/client/MeetingClient.ts'
import type { CreateMeetingResponse } from '../../../shared/protocol/messages.ts'

export interface TestServer {
  server: RunningServer
  dataDir: string
  wsUrl: string
  createMeeting(body?: Partial<Record<string, unknown>>): Promise<CreateMeetingResponse>
  client(meetingId: string, token?: string | null): MeetingClient
  restart(): Promise<void>
  close(): Promise<void>
}

export const DEFAULT_MEETING = {
  title: 'Company OKRs',
  quarter: '2027 Q1',
  mission: { value: 'help teams decide', field: 'software', impact: 'so work means something' },
  objectiveCount: 3,
}

/** A real server on a free port with its own data directory. */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qd-test-'))
  const config: Config = { ...loadConfig({}), port: 0, host: '127.0.0.1', dataDir, staticDir: '/nonexistent', ...overrides }
  const clients = new Set<MeetingClient>()
  let server = await startServer(config, pino({ level: 'silent' }))
  let port = new URL(server.url).port
  const harness: TestServer = {
    get server() {
      return server
    },
    dataDir,
    get wsUrl() {
      return `ws://127.0.0.1:${port}/ws`
    },
    async createMeeting(body = {}) {
      const res = await fetch(`http://127.0.0.1:${port}/api/meetings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...DEFAULT_MEETING, ...body }),
      })
      if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`)
      return (await res.json()) as CreateMeetingResponse
    },
    client(meetingId, token = null) {
      const c = new MeetingClient({ serverUrl: harness.wsUrl, meetingId, token, WebSocketPolyfill: WebSocket })
      clients.add(c)
      return c
    },
    async restart() {
      await server.close()
      server = await startServer({ ...config, port: Number(port) }, pino({ level: 'silent' }))
      port = new URL(server.url).port
    },
    async close() {
      for (const c of clients) c.destroy()
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return harness
}

/** Resolves when `predicate` holds, re-checking on every doc update; rejects after `timeoutMs`. */
export function waitFor(client: MeetingClient, predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (predicate()) return resolve()
    const check = () => {
      if (!predicate()) return
      cleanup()
      resolve()
    }
    const timer = setTimeout(() => {
      cleanup()
      reject(new Error('waitFor timed out'))
    }, timeoutMs)
    const cleanup = () => {
      clearTimeout(timer)
      client.doc.off('update', check)
      client.off('synced', check)
      client.off('identity', check)
    }
    client.doc.on('update', check)
    client.on('synced', check)
    client.on('identity', check)
  })
}
