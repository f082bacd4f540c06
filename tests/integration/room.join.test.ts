import { createHash } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { countPresence } from '../../shared/presence/roomCounts.ts'
import { CommandFailure } from '../../shared/client/MeetingClient.ts'
import {
  barrier,
  facilitatorOf,
  rosterEntryOf,
  joinAs,
  startTestServer,
  viewOf,
  waitFor,
  waitForEvent,
  waitUntil,
  type TestServer,
} from './helpers/testServer.ts'
import { dumpDatabase, readStoredMeeting } from './helpers/storedState.ts'

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

async function serverConnections(): Promise<number> {
  const res = await fetch(`${t.httpUrl}/healthz`)
  return ((await res.json()) as { connections: number }).connections
}

describe('joining a meeting', () => {
  it('gives a joiner an identity and a token', async () => {
    const meeting = await t.createMeeting()
    const { client, identity, token } = await joinAs(t, meeting.meetingId, '  Ana   Lee ')
    expect(identity).toMatchObject({ role: 'participant', name: 'Ana Lee' })
    expect(identity.participantId).toMatch(/^[A-Za-z0-9_-]{8,}$/)
    expect(token.startsWith(`${identity.participantId}.`)).toBe(true)
    expect(client.identity?.participantId).toBe(identity.participantId)
    expect(Math.abs(identity.serverNow - Date.now())).toBeLessThan(5000)
  })

  it('counts the new participant for everyone, names them to the facilitator and to a search, never in the doc', async () => {
    const meeting = await t.createMeeting()
    const facilitator = await facilitatorOf(t, meeting)
    const ben = await joinAs(t, meeting.meetingId, 'Ben')
    const ana = await joinAs(t, meeting.meetingId, 'Ana')
    for (const client of [facilitator, ben.client, ana.client]) {
      await waitFor(client, () => viewOf(client).presence.joined === 2 && viewOf(client).presence.online === 2)
      // Names are not in the shared doc: a join costs everyone a few bytes, not a copy of the list.
      expect(JSON.stringify(client.doc.toJSON())).not.toContain('Ana')
    }
    await waitFor(facilitator, () => facilitator.roster.length === 3)
    expect(rosterEntryOf(facilitator, ana.identity.participantId)).toMatchObject({ name: 'Ana', role: 'participant', isOnline: true, doneStage: null })
    expect(facilitator.roster.map((p) => p.name).sort()).toEqual(['Ana', 'Ben', 'Facilitator'])
    expect(ben.client.roster).toEqual([])
    expect(await ben.client.send({ type: 'findPeople', query: 'an', limit: 100 })).toEqual({
      total: 1,
      // Authorship is anonymous by default: participants get an alias, never the id on Ana's cards (issue 15).
      people: [{ id: expect.stringMatching(/^p-/), name: 'Ana', isOnline: true }],
    })
    expect((await ana.client.send({ type: 'findPeople', query: '', limit: 100 })).total).toBe(2)
    expect(ana.client.me).toMatchObject({ id: ana.identity.participantId, name: 'Ana' })
  })

  it('refuses a people search before joining', async () => {
    const meeting = await t.createMeeting()
    await joinAs(t, meeting.meetingId, 'Ana')
    const stranger = t.client(meeting.meetingId)
    await waitFor(stranger, () => stranger.isSynced)
    await expect(stranger.send({ type: 'findPeople', query: 'a', limit: 10 })).rejects.toMatchObject({ code: 'not_joined' })
  })

  it('recognises the same person on reload: hello with the saved token gives the same identity', async () => {
    const meeting = await t.createMeeting()
    const ana = await joinAs(t, meeting.meetingId, 'Ana')
    t.disconnect(ana.client)
    const reloaded = t.client(meeting.meetingId, ana.token)
    await waitFor(reloaded, () => reloaded.identity !== null && reloaded.isSynced)
    expect(reloaded.identity).toMatchObject({ participantId: ana.identity.participantId, role: 'participant', name: 'Ana' })
    await waitFor(reloaded, () => reloaded.me !== null)
    expect(reloaded.me).toMatchObject({ id: ana.identity.participantId, name: 'Ana' })
    expect(viewOf(reloaded).presence.joined).toBe(1)
  })

  it('recognises the facilitator by the token from the facilitator link', async () => {
    const meeting = await t.createMeeting()
    const facilitator = await facilitatorOf(t, meeting)
    expect(facilitator.identity).toMatchObject({ role: 'facilitator', name: 'Facilitator' })
    expect(meeting.facilitatorToken.startsWith(`${facilitator.identity?.participantId}.`)).toBe(true)
  })

  it('refuses a forged token and forgets it, leaving the client anonymous', async () => {
    const meeting = await t.createMeeting()
    const ana = await joinAs(t, meeting.meetingId, 'Ana')
    const forged = `${ana.identity.participantId}.${'A'.repeat(43)}`
    const intruder = t.client(meeting.meetingId, forged)
    const [token] = await waitForEvent<[string | null]>(intruder, 'token')
    expect(token).toBeNull()
    expect(intruder.identity).toBeNull()
    expect(intruder.hasToken).toBe(false)
    await expect(intruder.send({ type: 'rename', name: 'Not Ana' })).rejects.toMatchObject({ code: 'not_joined' })
    await barrier(ana.client)
    expect(ana.client.me?.name).toBe('Ana')
    expect(readStoredMeeting(t.dataDir, meeting.meetingId).people.find((p) => p.id === ana.identity.participantId)?.name).toBe('Ana')
  })

  it('refuses a token from another meeting', async () => {
    const first = await t.createMeeting()
    const second = await t.createMeeting()
    const ana = await joinAs(t, first.meetingId, 'Ana')
    const elsewhere = t.client(second.meetingId, ana.token)
    const [token] = await waitForEvent<[string | null]>(elsewhere, 'token')
    expect(token).toBeNull()
    expect(elsewhere.identity).toBeNull()
  })

  it('refuses a second join on a socket that already joined', async () => {
    const meeting = await t.createMeeting()
    const ana = await joinAs(t, meeting.meetingId, 'Ana')
    const error = await ana.client.send({ type: 'join', name: 'Ana again' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CommandFailure)
    expect(error).toMatchObject({ code: 'forbidden' })
    await barrier(ana.client)
    expect(viewOf(ana.client).presence.joined).toBe(1)
  })

  it('counts two tabs of one person once, and takes them offline only when both close', async () => {
    const meeting = await t.createMeeting()
    const facilitator = await facilitatorOf(t, meeting)
    const ana = await joinAs(t, meeting.meetingId, 'Ana')
    const secondTab = t.client(meeting.meetingId, ana.token)
    await waitFor(secondTab, () => secondTab.identity?.participantId === ana.identity.participantId)
    await barrier(facilitator)
    expect(countPresence(viewOf(facilitator))).toEqual({ joined: 1, online: 1, away: 0 })

    const connectionsBefore = await serverConnections()
    t.disconnect(ana.client)
    await waitUntil(async () => (await serverConnections()) === connectionsBefore - 1, 5000, 'server saw the tab close')
    await barrier(facilitator)
    expect(countPresence(viewOf(facilitator))).toEqual({ joined: 1, online: 1, away: 0 })

    t.disconnect(secondTab)
    await waitFor(facilitator, () => countPresence(viewOf(facilitator)).online === 0)
    expect(countPresence(viewOf(facilitator))).toEqual({ joined: 1, online: 0, away: 1 })
    await waitFor(facilitator, () => rosterEntryOf(facilitator, ana.identity.participantId)?.isOnline === false)
  })

  it('brings a returning person back online under the same record', async () => {
    const meeting = await t.createMeeting()
    const facilitator = await facilitatorOf(t, meeting)
    const ana = await joinAs(t, meeting.meetingId, 'Ana')
    t.disconnect(ana.client)
    await waitFor(facilitator, () => countPresence(viewOf(facilitator)).online === 0)
    const back = t.client(meeting.meetingId, ana.token)
    await waitFor(back, () => back.identity !== null)
    await waitFor(facilitator, () => countPresence(viewOf(facilitator)).online === 1)
    expect(countPresence(viewOf(facilitator))).toEqual({ joined: 1, online: 1, away: 0 })
    expect(back.identity?.participantId).toBe(ana.identity.participantId)
  })

  it('refuses a join once the meeting is full, without counting the facilitator', async () => {
    const small = await startTestServer({ maxParticipantsPerMeeting: 2 })
    try {
      const meeting = await small.createMeeting()
      await joinAs(small, meeting.meetingId, 'Ana')
      await joinAs(small, meeting.meetingId, 'Ben')
      const third = small.client(meeting.meetingId)
      await expect(third.join('Cy')).rejects.toMatchObject({ code: 'meeting_full' })
      expect(third.identity).toBeNull()
      expect(
        readStoredMeeting(small.dataDir, meeting.meetingId)
          .people.map((p) => p.name)
          .sort(),
      ).toEqual(['Ana', 'Ben', 'Facilitator'])
    } finally {
      await small.close()
    }
  })

  it('stores only a SHA-256 hash of each token, never the token itself', async () => {
    const meeting = await t.createMeeting()
    const ana = await joinAs(t, meeting.meetingId, 'Ana')
    const stored = readStoredMeeting(t.dataDir, meeting.meetingId)
    for (const [token, participantId] of [
      [ana.token, ana.identity.participantId],
      [meeting.facilitatorToken, meeting.facilitatorToken.split('.')[0]],
    ] as const) {
      const secret = token.slice(token.indexOf('.') + 1)
      const credential = stored.credentials.find((c) => c.participantId === participantId)
      expect(credential?.tokenHash).toBe(createHash('sha256').update(secret).digest('hex'))
    }
    const everything = dumpDatabase(t.dataDir)
    expect(everything).not.toContain(ana.token.slice(ana.token.indexOf('.') + 1))
    expect(everything).not.toContain(meeting.facilitatorToken.slice(meeting.facilitatorToken.indexOf('.') + 1))
  })
})
