import { afterEach, describe, expect, it } from 'vitest'
import { publishMeeting } from '../helpers/publishedMeeting.ts'
import { startTestServer, waitUntil, type TestServer } from '../helpers/testServer.ts'

let t: TestServer | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

/** The route cache's hits and misses so far, from /metrics. */
async function cacheCounts(server: TestServer): Promise<{ hit: number; miss: number }> {
  const text = await (await fetch(`${server.httpUrl}/metrics`)).text()
  const count = (outcome: string) => Number(new RegExp(`quarterdeck_route_cache_total\\{outcome="${outcome}"\\} (\\d+)`).exec(text)?.[1] ?? 0)
  return { hit: count('hit'), miss: count('miss') }
}

describe('published, alignment, wins and report pages are built once per committed version (issue 15, amplification)', () => {
  it('answers repeated requests (and repeated 404s) from the cache, and rebuilds after the meeting is stored again', async () => {
    t = await startTestServer()
    const { meeting, set } = await publishMeeting(t.httpUrl, t.wsUrl)
    const unpublished = await t.createMeeting()
    // The publishing clients have closed; their going offline is stored too. Count from a quiet meeting.
    const server = t
    await waitUntil(async () => ((await (await fetch(`${server.httpUrl}/healthz`)).json()) as { connections: number }).connections === 0, 5000, 'clients gone')
    const before = await cacheCounts(t)
    const paths = [
      `/api/meetings/${meeting.meetingId}/published`,
      `/api/meetings/${meeting.meetingId}/export.md`,
      `/api/meetings/${meeting.meetingId}/alignment`,
      `/api/meetings/${meeting.meetingId}/wins`,
      `/api/meetings/${unpublished.meetingId}/published`,
    ]
    const firstBodies: string[] = []
    for (let round = 0; round < 5; round++) {
      for (const [i, path] of paths.entries()) {
        const res = await fetch(`${t.httpUrl}${path}`)
        expect(res.status).toBe(i === 4 ? 404 : 200)
        const body = await res.text()
        if (round === 0) firstBodies.push(body)
        else expect(body).toBe(firstBodies[i])
      }
    }
    const after = await cacheCounts(t)
    expect(after.miss - before.miss).toBe(paths.length)
    expect(after.hit - before.hit).toBe(paths.length * 4)
    expect(JSON.parse(firstBodies[0] as string)).toEqual(set)

    // A new team space is stored under the meeting: its wins wall and alignment are rebuilt, not served stale.
    const created = await fetch(`${t.httpUrl}/api/meetings/${meeting.meetingId}/teams`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${meeting.facilitatorToken}` },
      body: JSON.stringify({ name: 'Platform team', objectiveIds: [set.objectives[0]?.id] }),
    })
    expect(created.status).toBe(201)
    const rebuilt = await cacheCounts(t)
    await fetch(`${t.httpUrl}/api/meetings/${meeting.meetingId}/wins`)
    expect((await cacheCounts(t)).miss - rebuilt.miss).toBe(1)
  })
})
