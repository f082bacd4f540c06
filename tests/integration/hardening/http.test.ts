import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startTestServer, waitUntil, DEFAULT_MEETING, type TestServer } from '../helpers/testServer.ts'

let t: TestServer | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

const TOKEN = 'metrics-secret-0123456789'

async function createStatus(server: TestServer): Promise<Response> {
  return fetch(`${server.httpUrl}/api/meetings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(DEFAULT_MEETING),
  })
}

describe('/metrics is for the operator (issue 15, secrecy)', () => {
  it('answers 401 without the bearer token when METRICS_TOKEN is set, and the metrics with it', async () => {
    t = await startTestServer({ metricsToken: TOKEN })
    expect((await fetch(`${t.httpUrl}/metrics`)).status).toBe(401)
    expect((await fetch(`${t.httpUrl}/metrics`, { headers: { Authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401)
    const ok = await fetch(`${t.httpUrl}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } })
    expect(ok.status).toBe(200)
    expect(await ok.text()).toContain('quarterdeck_connections')
  })

  it('serves the metrics only on METRICS_PORT when it is set (404 on the public port)', async () => {
    t = await startTestServer({ metricsPort: 0, metricsHost: '127.0.0.1' })
    expect((await fetch(`${t.httpUrl}/metrics`)).status).toBe(404)
    const metricsUrl = t.server.metricsUrl
    expect(metricsUrl).not.toBeNull()
    const ok = await fetch(`${metricsUrl}/metrics`)
    expect(ok.status).toBe(200)
    expect(await ok.text()).toContain('quarterdeck_meetings_loaded')
    expect((await fetch(`${metricsUrl}/api/meetings`)).status).toBe(404)
  })
})

describe('creating meetings is rate-limited per address (issue 15, amplification)', () => {
  it('answers 429 with Retry-After past the burst, and creates nothing then', async () => {
    t = await startTestServer({ meetingCreationBurst: 3, meetingCreationPerMinute: 1 })
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push((await createStatus(t)).status)
    expect(statuses).toEqual([201, 201, 201, 429, 429])
    const refused = await createStatus(t)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited' } })
  })
})

describe('a refused socket keeps no meeting loaded (issue 15, amplification)', () => {
  it('unloads the meeting at once after a 4404 on a key-result path with a bad objective', async () => {
    t = await startTestServer()
    const server = t
    const meetings = await Promise.all([1, 2, 3].map(() => server.createMeeting()))
    for (const m of meetings) {
      const ws = new WebSocket(`${server.wsUrl}/${m.meetingId}/kr/no-such-objective`)
      const code = await new Promise<number>((resolve) => ws.once('close', (c) => resolve(c)))
      expect(code).toBe(4404)
    }
    await waitUntil(() => meetings.every((m) => !server.server.rooms.isLoaded(m.meetingId)), 2000, 'refused meetings unloaded')
    expect([...server.server.rooms.all()]).toHaveLength(0)
  })
})
