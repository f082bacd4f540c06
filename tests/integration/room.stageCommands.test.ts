import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { MeetingClient } from '../../shared/client/MeetingClient.ts'
import { doneProgress, notDone } from '../../shared/presence/roomCounts.ts'
import type { Stage } from '../../shared/stages/stages.ts'
import type { CreateMeetingResponse } from '../../shared/protocol/messages.ts'
import { barrier, facilitatorOf, joinAs, startTestServer, viewOf, waitFor, type Joined, type TestServer } from './helpers/testServer.ts'
import { readStoredMeeting } from './helpers/storedState.ts'

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

interface Room {
  meeting: CreateMeetingResponse
  facilitator: MeetingClient
  ana: Joined
  ben: Joined
}

async function room(): Promise<Room> {
  const meeting = await t.createMeeting()
  const facilitator = await facilitatorOf(t, meeting)
  const ana = await joinAs(t, meeting.meetingId, 'Ana')
  const ben = await joinAs(t, meeting.meetingId, 'Ben')
  await waitFor(facilitator, () => facilitator.roster.length === 3 && viewOf(facilitator).presence.joined === 2)
  return { meeting, facilitator, ana, ben }
}

function everyone(r: Room): MeetingClient[] {
  return [r.facilitator, r.ana.client, r.ben.client]
}

async function advanceTo(r: Room, target: Stage): Promise<void> {
  while (viewOf(r.facilitator).stage !== target) {
    const current = viewOf(r.facilitator).stage
    // Key results need objectives: give the vote one candidate and decide it.
    if (current === 'submit' && viewOf(r.facilitator).submissionCount === 0) {
      await r.ana.client.send({ type: 'submitObjective', title: 'Double weekly active shops', why: '' })
    }
    if (current === 'vote' && viewOf(r.facilitator).vote?.chosenIds == null) {
      await r.facilitator.send({ type: 'openVoting' })
      await r.facilitator.send({ type: 'closeVoting' })
      await r.facilitator.send({ type: 'revealVotes' })
    }
    const { stage } = await r.facilitator.send({ type: 'changeStage', move: 'advance', expected: viewOf(r.facilitator).stage })
    await waitFor(r.facilitator, () => viewOf(r.facilitator).stage === stage)
  }
}

/** Asserts that a refused command left both the stored meeting and every client's view as they were. */
async function expectUnchanged(r: Room, refused: () => Promise<unknown>, code: string): Promise<void> {
  for (const c of everyone(r)) await barrier(c)
  const storedBefore = readStoredMeeting(t.dataDir, r.meeting.meetingId)
  const viewsBefore = everyone(r).map(viewOf)
  await expect(refused()).rejects.toMatchObject({ code })
  for (const c of everyone(r)) await barrier(c)
  expect(readStoredMeeting(t.dataDir, r.meeting.meetingId).update).toEqual(storedBefore.update)
  expect(everyone(r).map(viewOf)).toEqual(viewsBefore)
}

describe('stage commands', () => {
  it('moves everyone to the next stage when the facilitator advances', async () => {
    const r = await room()
    const result = await r.facilitator.send({ type: 'changeStage', move: 'advance', expected: 'mission' })
    expect(result).toEqual({ stage: 'submit' })
    for (const c of everyone(r)) await waitFor(c, () => viewOf(c).stage === 'submit')
    expect(readStoredMeeting(t.dataDir, r.meeting.meetingId).view.stage).toBe('submit')
  })

  it('lets the facilitator go back a stage', async () => {
    const r = await room()
    await advanceTo(r, 'group')
    expect(await r.facilitator.send({ type: 'changeStage', move: 'back', expected: 'group' })).toEqual({ stage: 'submit' })
    for (const c of everyone(r)) await waitFor(c, () => viewOf(c).stage === 'submit')
  })

  it('records when the new stage started, on the server clock', async () => {
    const r = await room()
    const before = Date.now()
    await r.facilitator.send({ type: 'changeStage', move: 'advance', expected: 'mission' })
    await waitFor(r.ana.client, () => viewOf(r.ana.client).stage === 'submit')
    expect(viewOf(r.ana.client).stageStartedAt).toBeGreaterThanOrEqual(before)
    expect(viewOf(r.ana.client).stageStartedAt).toBeLessThanOrEqual(Date.now())
  })

  it('refuses a participant who tries to advance the stage, and changes nothing', async () => {
    const r = await room()
    await expectUnchanged(r, () => r.ana.client.send({ type: 'changeStage', move: 'advance', expected: 'mission' }), 'forbidden')
    expect(viewOf(r.ana.client).stage).toBe('mission')
  })

  it('refuses a participant who tries to start the timer', async () => {
    const r = await room()
    await expectUnchanged(r, () => r.ben.client.send({ type: 'startTimer', seconds: 60 }), 'forbidden')
    expect(viewOf(r.facilitator).timer).toBeNull()
  })

  it('refuses a move made from a stale view of the stage', async () => {
    const r = await room()
    await expectUnchanged(r, () => r.facilitator.send({ type: 'changeStage', move: 'advance', expected: 'submit' }), 'stale_stage')
    expect(viewOf(r.facilitator).stage).toBe('mission')
  })

  it('moves the meeting one step when two facilitator tabs advance at the same time', async () => {
    const r = await room()
    const secondTab = await facilitatorOf(t, r.meeting)
    const outcomes = await Promise.allSettled([
      r.facilitator.send({ type: 'changeStage', move: 'advance', expected: 'mission' }),
      secondTab.send({ type: 'changeStage', move: 'advance', expected: 'mission' }),
    ])
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1)
    const refused = outcomes.find((o) => o.status === 'rejected')
    expect(refused?.status === 'rejected' && refused.reason).toMatchObject({ code: 'stale_stage' })
    await barrier(r.ana.client)
    expect(viewOf(r.ana.client).stage).toBe('submit')
  })

  it('refuses to go back from the mission', async () => {
    const r = await room()
    await expectUnchanged(r, () => r.facilitator.send({ type: 'changeStage', move: 'back', expected: 'mission' }), 'no_previous_stage')
  })

  it('refuses marking done in the mission stage', async () => {
    const r = await room()
    await expectUnchanged(r, () => r.ana.client.send({ type: 'markDone', stage: 'mission', done: true }), 'wrong_stage')
    expect(r.facilitator.roster.every((p) => p.doneStage === null)).toBe(true)
    expect(readStoredMeeting(t.dataDir, r.meeting.meetingId).people.every((p) => p.doneStage === null)).toBe(true)
  })

  it('counts a participant who marks done in submit', async () => {
    const r = await room()
    await advanceTo(r, 'submit')
    expect(await r.ana.client.send({ type: 'markDone', stage: 'submit', done: true })).toEqual({ done: true })
    await waitFor(r.facilitator, () => doneProgress(viewOf(r.facilitator)).done === 1)
    const progress = doneProgress(viewOf(r.facilitator))
    expect(progress).toMatchObject({ isTracked: true, done: 1, total: 2 })
    await waitFor(r.facilitator, () => notDone(r.facilitator.roster, 'submit').length === 1)
    expect(notDone(r.facilitator.roster, 'submit').map((p) => p.name)).toEqual(['Ben'])
    expect(r.ana.client.me?.doneStage).toBe('submit')
    expect(readStoredMeeting(t.dataDir, r.meeting.meetingId).people.find((p) => p.name === 'Ana')?.doneStage).toBe('submit')
  })

  it('lets a participant take back "done"', async () => {
    const r = await room()
    await advanceTo(r, 'submit')
    await r.ana.client.send({ type: 'markDone', stage: 'submit', done: true })
    await waitFor(r.facilitator, () => doneProgress(viewOf(r.facilitator)).done === 1)
    await r.ana.client.send({ type: 'markDone', stage: 'submit', done: false })
    await waitFor(r.facilitator, () => doneProgress(viewOf(r.facilitator)).done === 0)
    await waitFor(r.facilitator, () => r.facilitator.roster.find((p) => p.name === 'Ana')?.doneStage === null)
    await waitFor(r.ana.client, () => r.ana.client.me?.doneStage === null)
  })

  it('starts nobody as done in the next stage', async () => {
    const r = await room()
    await advanceTo(r, 'submit')
    await r.ana.client.send({ type: 'markDone', stage: 'submit', done: true })
    await r.ben.client.send({ type: 'markDone', stage: 'submit', done: true })
    await waitFor(r.facilitator, () => doneProgress(viewOf(r.facilitator)).done === 2)
    await advanceTo(r, 'group')
    expect(doneProgress(viewOf(r.facilitator))).toMatchObject({ done: 0, total: 2 })
  })

  it('refuses "done" for a stage the meeting has left', async () => {
    const r = await room()
    await advanceTo(r, 'group')
    await expectUnchanged(r, () => r.ana.client.send({ type: 'markDone', stage: 'submit', done: true }), 'stale_stage')
  })

  it('refuses "done" from the facilitator', async () => {
    const r = await room()
    await advanceTo(r, 'submit')
    await expectUnchanged(r, () => r.facilitator.send({ type: 'markDone', stage: 'submit', done: true }), 'forbidden')
  })

  it('shows the facilitator’s timer to everyone and clears it when the stage changes', async () => {
    const r = await room()
    const timer = await r.facilitator.send({ type: 'startTimer', seconds: 300 })
    expect(timer.durationMs).toBe(300_000)
    for (const c of everyone(r)) await waitFor(c, () => viewOf(c).timer?.startedAt === timer.startedAt)
    expect(viewOf(r.ben.client).timer).toEqual(timer)
    await advanceTo(r, 'submit')
    for (const c of everyone(r)) await waitFor(c, () => viewOf(c).stage === 'submit')
    expect(viewOf(r.ben.client).timer).toBeNull()
  })

  it('lets the facilitator stop the timer', async () => {
    const r = await room()
    await r.facilitator.send({ type: 'startTimer', seconds: 60 })
    await waitFor(r.ana.client, () => viewOf(r.ana.client).timer !== null)
    expect(await r.facilitator.send({ type: 'stopTimer' })).toEqual({})
    await waitFor(r.ana.client, () => viewOf(r.ana.client).timer === null)
  })

  it('lets anyone who joined rename themselves, and shows it to everyone', async () => {
    const r = await room()
    expect(await r.ana.client.send({ type: 'rename', name: ' Ana  Lee ' })).toEqual({ name: 'Ana Lee' })
    await waitFor(r.ana.client, () => r.ana.client.me?.name === 'Ana Lee')
    await waitFor(r.facilitator, () => r.facilitator.roster.some((p) => p.name === 'Ana Lee'))
    expect(await r.ben.client.send({ type: 'findPeople', query: 'lee', limit: 10 })).toMatchObject({
      total: 1,
      // Anonymous authorship (the default): participants see an alias, not Ana's participant id (issue 15).
      people: [{ id: expect.stringMatching(/^p-/), name: 'Ana Lee' }],
    })
  })

  it('treats published as final: no going back, and nobody new can join', async () => {
    const r = await room()
    await advanceTo(r, 'published')
    await expectUnchanged(r, () => r.facilitator.send({ type: 'changeStage', move: 'back', expected: 'published' }), 'published_is_final')
    await expectUnchanged(r, () => r.facilitator.send({ type: 'changeStage', move: 'advance', expected: 'published' }), 'no_next_stage')
    const late = t.client(r.meeting.meetingId)
    await expect(late.join('Latecomer')).rejects.toMatchObject({ code: 'wrong_stage' })
    await barrier(r.facilitator)
    expect(readStoredMeeting(t.dataDir, r.meeting.meetingId).people.map((p) => p.name)).not.toContain('Latecomer')
    expect(viewOf(r.facilitator).presence.joined).toBe(2)
  })
})
