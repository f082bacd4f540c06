import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import WebSocket from 'ws'
import { MeetingClient } from '../../shared/client/MeetingClient.ts'
import type { CreateMeetingResponse } from '../../shared/protocol/messages.ts'
import { readStoredMeeting } from './helpers/storedState.ts'
import { startChildServer, type ChildServer } from './helpers/childServer.ts'
import { RawSocket } from './helpers/rawSocket.ts'
import { DEFAULT_MEETING, joinAs, startTestServer, viewOf, waitFor, type TestServer } from './helpers/testServer.ts'

function storedBallots(dataDir: string, meetingId: string): Record<string, Record<string, number>> {
  const db = new Database(join(dataDir, 'quarterdeck.sqlite'), { readonly: true })
  try {
    const rows = db.prepare("SELECT update_blob AS blob FROM doc_updates WHERE meeting_id = ? AND doc_name = 'vault' ORDER BY seq").all(meetingId) as {
      blob: Buffer
    }[]
    const vault = new Y.Doc()
    for (const r of rows) Y.applyUpdate(vault, new Uint8Array(r.blob))
    return vault.getMap<Record<string, number>>('ballots').toJSON() as Record<string, Record<string, number>>
  } finally {
    db.close()
  }
}

/** A meeting in the Vote stage with voting open on four candidates (budget 3, cap 2), driven through the protocol. */
async function openVote(t: { client(id: string, token?: string | null): MeetingClient }, meeting: CreateMeetingResponse, joined: MeetingClient[]) {
  const facilitator = t.client(meeting.meetingId, meeting.facilitatorToken)
  await waitFor(facilitator, () => facilitator.isSynced && facilitator.identity !== null)
  await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'mission' })
  const titles = ['Win the SMB market', 'Halve onboarding time', 'Reach 99.95% uptime', 'Launch a marketplace']
  const authors = [facilitator, ...joined]
  for (const [i, title] of titles.entries()) await (authors[i % authors.length] as MeetingClient).send({ type: 'submitObjective', title, why: '' })
  await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'submit' })
  await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'group' })
  await facilitator.send({ type: 'configureVote', budget: 3, perCandidateCap: 2, isOwnVoteForbidden: false, isSpendAllReminded: false, shortlistSize: null })
  await facilitator.send({ type: 'openVoting' })
  for (const c of [facilitator, ...joined]) await waitFor(c, () => viewOf(c).vote?.phase === 'open')
  const candidates = viewOf(facilitator).vote!.candidates
  return { facilitator, candidates }
}

async function refusedCode(p: Promise<unknown>): Promise<string> {
  try {
    await p
  } catch (e) {
    return (e as { code: string }).code
  }
  throw new Error('expected a refusal')
}

describe('ballots', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer()
  })
  afterAll(async () => {
    await t.close()
  })

  it('refuses over-budget, over-cap, unknown-candidate, wrong-round, facilitator and anonymous ballots, changing nothing', async () => {
    const meeting = await t.createMeeting()
    const ana = await joinAs(t, meeting.meetingId, 'Ana')
    const ben = await joinAs(t, meeting.meetingId, 'Ben')
    const { facilitator, candidates } = await openVote(t, meeting, [ana.client, ben.client])
    const [w, x, y] = candidates.map((c) => c.id) as [string, string, string]
    await ana.client.send({ type: 'setDots', round: 1, candidateId: w, dots: 2 })
    const ballotsBefore = storedBallots(t.dataDir, meeting.meetingId)
    const docBefore = readStoredMeeting(t.dataDir, meeting.meetingId).update

    expect(await refusedCode(ana.client.send({ type: 'setDots', round: 1, candidateId: x, dots: 2 }))).toBe('limit_reached')
    expect(await refusedCode(ana.client.send({ type: 'setDots', round: 1, candidateId: y, dots: 3 }))).toBe('limit_reached')
    expect(await refusedCode(ana.client.send({ type: 'setDots', round: 1, candidateId: 'nope-nope-nope', dots: 1 }))).toBe('not_found')
    expect(await refusedCode(ana.client.send({ type: 'setDots', round: 2, candidateId: x, dots: 1 }))).toBe('stale_stage')
    expect(await refusedCode(facilitator.send({ type: 'setDots', round: 1, candidateId: x, dots: 1 }))).toBe('forbidden')
    const stranger = t.client(meeting.meetingId)
    await waitFor(stranger, () => stranger.isSynced)
    expect(await refusedCode(stranger.send({ type: 'setDots', round: 1, candidateId: x, dots: 1 }))).toBe('not_joined')

    expect(storedBallots(t.dataDir, meeting.meetingId)).toEqual(ballotsBefore)
    expect(readStoredMeeting(t.dataDir, meeting.meetingId).update).toEqual(docBefore)
  })

  it('refuses ballots before voting opens and after it closes', async () => {
    const meeting = await t.createMeeting()
    const ana = await joinAs(t, meeting.meetingId, 'Ana')
    const { facilitator, candidates } = await openVote(t, meeting, [ana.client])
    await facilitator.send({ type: 'closeVoting' })
    await waitFor(ana.client, () => viewOf(ana.client).vote?.phase === 'closed')
    expect(await refusedCode(ana.client.send({ type: 'setDots', round: 1, candidateId: candidates[0]!.id, dots: 1 }))).toBe('wrong_stage')
  })

  it('sends no tally data to a participant before the reveal: not in the doc, not in any frame', async () => {
    const meeting = await t.createMeeting()
    const ana = await joinAs(t, meeting.meetingId, 'Ana')
    const ben = await joinAs(t, meeting.meetingId, 'Ben')
    const watcher = await RawSocket.open(t.wsUrl, meeting.meetingId)
    await watcher.sync()
    const joinReply = await watcher.request({ id: 'watcher-join-0123456789abcdef', type: 'join', name: 'Watcher' })
    expect(joinReply).toMatchObject({ ok: true })
    const { facilitator, candidates } = await openVote(t, meeting, [ana.client, ben.client])
    const target = candidates.find((c) => c.title === 'Reach 99.95% uptime')!
    await ana.client.send({ type: 'setDots', round: 1, candidateId: target.id, dots: 2 })
    await ben.client.send({ type: 'setDots', round: 1, candidateId: target.id, dots: 1 })
    await facilitator.send({ type: 'closeVoting' })
    await waitFor(facilitator, () => viewOf(facilitator).vote?.phase === 'closed')
    // The watcher saw the whole meeting so far: the vote, the "voted" flags, and nothing about counts.
    const closedRequest = await watcher.request({ id: 'ping-closed', type: 'findSimilar', text: 'anything at all' })
    expect(closedRequest.kind).toBe('reply')
    const seenVote = watcher.doc.getMap('meeting').get('vote') as { result: unknown; phase: string }
    expect(seenVote.phase).toBe('closed')
    expect(seenVote.result ?? null).toBeNull()
    expect(watcher.doc.getMap('meeting').get('voteResult') ?? null).toBeNull()
    for (const frame of watcher.frames) {
      if (frame.kind === 'app') {
        const text = JSON.stringify(frame.message)
        expect(text).not.toContain('ranking')
        if (frame.message.kind === 'feed' && frame.message.feed === 'ballot') expect(frame.message.ballot).toEqual({})
      }
    }
    // Who voted is a count for everyone; the names stay with the facilitator.
    expect(watcher.doc.getMap('meeting').get('presence')).toMatchObject({ voted: 2, votedRound: 1 })
    await facilitator.send({ type: 'revealVotes' })
    await waitFor(ana.client, () => viewOf(ana.client).vote?.phase === 'revealed')
    const revealed = viewOf(ana.client).vote!.result!
    expect(revealed.ranking.find((r) => r.id === target.id)?.dots).toBe(3)
    // Anonymous after the reveal: totals only, no voter ids anywhere in the result.
    const text = JSON.stringify(revealed)
    expect(text).not.toContain(ana.identity.participantId)
    expect(text).not.toContain(ben.identity.participantId)
    watcher.close()
  })
})

describe('a ballot acknowledged before kill -9', () => {
  let dataDir: string
  let server: ChildServer | null = null
  const clients: MeetingClient[] = []
  afterEach(async () => {
    for (const c of clients) c.destroy()
    await server?.kill()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('is counted after the restart', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'qd-vote-kill-'))
    server = await startChildServer(dataDir)
    const res = await fetch(`${server.httpUrl}/api/meetings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(DEFAULT_MEETING),
    })
    const meeting = (await res.json()) as CreateMeetingResponse
    let wsUrl = server.wsUrl
    const factory = {
      client(id: string, token: string | null = null) {
        const c = new MeetingClient({ serverUrl: wsUrl, meetingId: id, token, WebSocketPolyfill: WebSocket })
        clients.push(c)
        return c
      },
    }
    const ana = factory.client(meeting.meetingId)
    await waitFor(ana, () => ana.isSynced)
    await ana.join('Ana')
    const { candidates } = await openVote(factory, meeting, [ana])
    const target = candidates[1]!
    await ana.send({ type: 'setDots', round: 1, candidateId: target.id, dots: 2 })
    const port = server.port
    await server.kill()
    server = await startChildServer(dataDir, port)
    wsUrl = server.wsUrl
    const facilitator = factory.client(meeting.meetingId, meeting.facilitatorToken)
    await waitFor(facilitator, () => facilitator.isSynced && facilitator.identity !== null, 15_000)
    await facilitator.send({ type: 'closeVoting' })
    await facilitator.send({ type: 'revealVotes' })
    await waitFor(facilitator, () => viewOf(facilitator).vote?.phase === 'revealed')
    expect(viewOf(facilitator).vote!.result!.ranking.find((r) => r.id === target.id)?.dots).toBe(2)
    // The voter's own reconnected client sees its ballot again.
    await waitFor(ana, () => ana.myBallot.ballot[target.id] === 2, 15_000)
  })
})
