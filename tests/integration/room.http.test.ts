import { request } from 'node:http'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { MAX_HTTP_BODY_BYTES } from '../../shared/protocol/limits.ts'
import type { CreateMeetingResponse } from '../../shared/protocol/messages.ts'
import { RawSocket } from './helpers/rawSocket.ts'
import { DEFAULT_MEETING, joinAs, startTestServer, type TestServer } from './helpers/testServer.ts'

let t: TestServer

beforeAll(async () => {
  t = await startTestServer()
})

afterEach(() => {
  t.closeClients()
})

afterAll(async () => {
  await t.close()
})

function postMeeting(body: string, contentType = 'application/json'): Promise<Response> {
  return fetch(`${t.httpUrl}/api/meetings`, { method: 'POST', headers: { 'Content-Type': contentType }, body })
}

async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  return ((await res.json()) as { error: { code: string; message: string } }).error
}

describe('POST /api/meetings', () => {
  it('creates a meeting: 201 with its id, a join link and a facilitator link carrying the token in the fragment', async () => {
    const res = await postMeeting(JSON.stringify(DEFAULT_MEETING))
    expect(res.status).toBe(201)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = (await res.json()) as CreateMeetingResponse
    expect(body.meetingId).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(body.joinUrl).toBe(`${t.httpUrl}/m/${body.meetingId}`)
    const facilitatorUrl = new URL(body.facilitatorUrl)
    expect(facilitatorUrl.pathname).toBe(`/m/${body.meetingId}/facilitate`)
    expect(facilitatorUrl.search).toBe('')
    expect(facilitatorUrl.hash).toBe(`#token=${body.facilitatorToken}`)
    expect(body.facilitatorToken.length).toBeGreaterThanOrEqual(40)
  })

  it('creates a meeting the facilitator can then open with the returned token', async () => {
    const meeting = await t.createMeeting({ title: '  Acme   OKRs ', objectiveCount: 1 })
    const facilitator = t.client(meeting.meetingId, meeting.facilitatorToken)
    const { participantId } = await new Promise<{ participantId: string }>((resolve) => facilitator.on('identity', (identity) => identity && resolve(identity)))
    expect(meeting.facilitatorToken.startsWith(`${participantId}.`)).toBe(true)
    await joinAs(t, meeting.meetingId, 'Ana')
  })

  it('gives every meeting its own id and token', async () => {
    const a = await t.createMeeting()
    const b = await t.createMeeting()
    expect(a.meetingId).not.toBe(b.meetingId)
    expect(a.facilitatorToken).not.toBe(b.facilitatorToken)
  })

  it.each([
    ['a blank title', { ...DEFAULT_MEETING, title: '  ' }, /^title: Title is required\.$/],
    ['a bad quarter', { ...DEFAULT_MEETING, quarter: 'next quarter' }, /^quarter: Quarter looks like "2027 Q1"\.$/],
    ['a missing field of the mission', { ...DEFAULT_MEETING, mission: { value: 'x', field: '', impact: '' } }, /^mission\.field: Field is required\.$/],
    ['an unexpected key', { ...DEFAULT_MEETING, facilitatorToken: 'mine' }, /facilitatorToken/],
    ['two objectives', { ...DEFAULT_MEETING, objectiveCount: 2 }, /^objectiveCount: \S/],
  ])('answers 400 with a readable message for %s', async (_label, body, message) => {
    const res = await postMeeting(JSON.stringify(body))
    expect(res.status).toBe(400)
    const error = await errorOf(res)
    expect(error.code).toBe('bad_request')
    expect(error.message).toMatch(message)
  })

  it('answers 400 bad_json for a body that is not JSON', async () => {
    const res = await postMeeting('{"title": ')
    expect(res.status).toBe(400)
    expect(await errorOf(res)).toEqual({ code: 'bad_json', message: 'The body is not valid JSON.' })
  })

  it('answers 400 for JSON that is not an object', async () => {
    for (const body of ['null', '[]', '"meeting"', '42']) {
      const res = await postMeeting(body)
      expect(res.status).toBe(400)
      expect((await errorOf(res)).code).toBe('bad_request')
    }
  })

  it('answers 415 for a body that is not declared as JSON', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await postMeeting(JSON.stringify(DEFAULT_MEETING), type)
      expect(res.status).toBe(415)
      expect((await errorOf(res)).code).toBe('bad_content_type')
    }
  })

  it('accepts JSON with a charset', async () => {
    const res = await postMeeting(JSON.stringify(DEFAULT_MEETING), 'application/json; charset=utf-8')
    expect(res.status).toBe(201)
  })

  it('answers 413 for a body over 16 KB', async () => {
    const body = JSON.stringify({ ...DEFAULT_MEETING, title: 'x'.repeat(MAX_HTTP_BODY_BYTES) })
    expect(Buffer.byteLength(body)).toBeGreaterThan(MAX_HTTP_BODY_BYTES)
    const res = await postMeeting(body)
    expect(res.status).toBe(413)
    expect((await errorOf(res)).code).toBe('too_large')
  })

  it('answers 413 for a chunked body that grows over 16 KB without a declared length', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${t.httpUrl}/api/meetings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      })
      req.on('response', (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      for (let i = 0; i < 20; i++) req.write('x'.repeat(1024))
      req.end()
    })
    expect(status).toBe(413)
  })

  it('answers 405 to anything but POST', async () => {
    const res = await fetch(`${t.httpUrl}/api/meetings`)
    expect(res.status).toBe(405)
    expect((await errorOf(res)).code).toBe('method_not_allowed')
  })

  it('answers 404 for an unknown API route', async () => {
    const res = await fetch(`${t.httpUrl}/api/nothing-here`)
    expect(res.status).toBe(404)
    expect((await errorOf(res)).code).toBe('not_found')
  })

  it('builds links from PUBLIC_URL when it is set', async () => {
    const other = await startTestServer({ publicUrl: 'https://okr.example.com' })
    try {
      const meeting = await other.createMeeting()
      expect(meeting.joinUrl).toBe(`https://okr.example.com/m/${meeting.meetingId}`)
      expect(meeting.facilitatorUrl.startsWith(`https://okr.example.com/m/${meeting.meetingId}/facilitate#token=`)).toBe(true)
    } finally {
      await other.close()
    }
  })
})

describe('operations endpoints', () => {
  it('reports health on GET /healthz', async () => {
    const res = await fetch(`${t.httpUrl}/healthz`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { ok: boolean; uptimeSeconds: number; connections: number }
    expect(body.ok).toBe(true)
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0)
    expect(body.connections).toBeGreaterThanOrEqual(0)
  })

  it('counts open sockets in /healthz', async () => {
    const read = async () => ((await (await fetch(`${t.httpUrl}/healthz`)).json()) as { connections: number }).connections
    const before = await read()
    const meeting = await t.createMeeting()
    const socket = await RawSocket.open(t.wsUrl, meeting.meetingId)
    try {
      expect(await read()).toBe(before + 1)
    } finally {
      socket.close()
    }
  })

  it('exposes Prometheus metrics named quarterdeck_* on GET /metrics', async () => {
    const meeting = await t.createMeeting()
    await joinAs(t, meeting.meetingId, 'Ana')
    const res = await fetch(`${t.httpUrl}/metrics`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
    const text = await res.text()
    for (const name of [
      'quarterdeck_connections',
      'quarterdeck_meetings_loaded',
      'quarterdeck_meetings_created_total',
      'quarterdeck_commands_total',
      'quarterdeck_commit_duration_seconds_bucket',
    ]) {
      expect(text).toContain(name)
    }
    // Default process metrics carry the quarterdeck_ prefix too.
    expect(text).toMatch(/^quarterdeck_process_\w*cpu_user_seconds_total \d/m)
    expect(text).toMatch(/quarterdeck_commands_total\{type="join",outcome="ok"\} [1-9]/)
    const created = /^quarterdeck_meetings_created_total (\d+)/m.exec(text)
    expect(Number(created?.[1])).toBeGreaterThanOrEqual(1)
  })
})

describe('security headers', () => {
  it.each([
    ['GET /healthz', () => fetch(`${t.httpUrl}/healthz`)],
    ['GET /metrics', () => fetch(`${t.httpUrl}/metrics`)],
    ['POST /api/meetings (201)', () => postMeeting(JSON.stringify(DEFAULT_MEETING))],
    ['POST /api/meetings (400)', () => postMeeting('{}')],
    ['GET /api/unknown (404)', () => fetch(`${t.httpUrl}/api/unknown`)],
    ['GET / without a built client (503)', () => fetch(`${t.httpUrl}/`)],
  ])('are set on %s', async (_label, send) => {
    const res = await send()
    await res.arrayBuffer()
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain('unsafe-eval')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
  })
})

describe('sockets', () => {
  it('closes a socket to an unknown meeting with code 4404', async () => {
    const socket = await RawSocket.open(t.wsUrl, 'AAAAAAAAAAAAAAAAAAAAAA')
    expect((await socket.closed).code).toBe(4404)
  })

  it('refuses a WebSocket upgrade outside /ws/<meetingId>', async () => {
    await expect(RawSocket.open(`${t.wsUrl.replace(/\/ws$/, '')}/elsewhere`, 'AAAAAAAAAAAAAAAAAAAAAA')).rejects.toThrow('unexpected response 404')
  })

  it('sends a heartbeat with the server clock to a quiet socket', async () => {
    const chatty = await startTestServer({ heartbeatIntervalMs: 100 })
    try {
      const meeting = await chatty.createMeeting()
      const socket = await RawSocket.open(chatty.wsUrl, meeting.meetingId)
      const before = Date.now()
      await socket.sync()
      const frame = await socket.waitForFrame((f) => f.kind === 'app' && f.message.kind === 'heartbeat')
      const heartbeat = frame.kind === 'app' && frame.message.kind === 'heartbeat' ? frame.message.serverNow : NaN
      expect(heartbeat).toBeGreaterThanOrEqual(before - 1000)
      expect(heartbeat).toBeLessThanOrEqual(Date.now())
      socket.close()
    } finally {
      await chatty.close()
    }
  })
})
