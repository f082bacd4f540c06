import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readMeetingView } from '../../shared/meeting/meetingDoc.ts'
import type { MeetingClient } from '../../shared/client/MeetingClient.ts'
import { CommandFailure } from '../../shared/client/MeetingClient.ts'
import { startTestServer, waitFor, type TestServer } from './helpers/testServer.ts'

let t: TestServer

beforeAll(async () => {
  t = await startTestServer()
})
afterAll(async () => {
  await t.close()
})

async function meetingWith(names: string[]) {
  const created = await t.createMeeting()
  const facilitator = t.client(created.meetingId, created.facilitatorToken)
  await waitFor(facilitator, () => facilitator.identity !== null)
  const people: MeetingClient[] = []
  for (const name of names) {
    const c = t.client(created.meetingId)
    await waitFor(c, () => c.isSynced)
    await c.join(name)
    people.push(c)
  }
  return { facilitator, people }
}

const view = (c: MeetingClient) => readMeetingView(c.doc)!

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (e) {
    if (e instanceof CommandFailure) return e.code
    throw e
  }
  throw new Error('expected a refusal')
}

describe('submit stage', () => {
  it('keeps proposals private: others see a count, the author sees their own text', async () => {
    const { facilitator, people } = await meetingWith(['Ada', 'Grace'])
    const [ada, grace] = people as [MeetingClient, MeetingClient]
    await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'mission' })
    await ada.send({ type: 'submitObjective', title: 'Grow revenue in Europe', why: 'Biggest market we ignore' })
    await waitFor(grace, () => view(grace).submissionCount === 1)
    expect(JSON.stringify(Array.from(grace.doc.share.keys()))).not.toContain('submissions')
    expect(Buffer.from(JSON.stringify(grace.doc.toJSON())).toString()).not.toContain('Grow revenue')
    await waitFor(ada, () => ada.mySubmissions.length === 1)
    expect(ada.mySubmissions[0]).toMatchObject({ title: 'Grow revenue in Europe', relation: 'author' })
  })

  it('shows similar proposals while typing (open submissions), and supporting one makes you a co-author instead of a duplicate', async () => {
    const { facilitator, people } = await meetingWith(['Ada', 'Grace'])
    const [ada, grace] = people as [MeetingClient, MeetingClient]
    await facilitator.send({ type: 'updateSettings', isOpenSubmissions: true })
    await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'mission' })
    const { submissionId } = await ada.send({ type: 'submitObjective', title: 'Reduce customer churn', why: '' })
    await ada.send({ type: 'submitObjective', title: 'Hire five senior engineers', why: '' })
    const { matches } = await grace.send({ type: 'findSimilar', text: 'reduce churn of customers' })
    expect(matches[0]).toMatchObject({ submissionId, title: 'Reduce customer churn', isMine: false })
    expect(matches.map((m) => m.title)).not.toContain('Hire five senior engineers')
    await grace.send({ type: 'supportSubmission', submissionId, support: true })
    await waitFor(grace, () => grace.mySubmissions.some((s) => s.relation === 'supporter'))
    expect(view(grace).submissionCount).toBe(2)
  })

  it('shows proposals made while closed to everyone once the facilitator opens submissions, and hides them again on closing', async () => {
    const { facilitator, people } = await meetingWith(['Ada', 'Grace'])
    const [ada, grace] = people as [MeetingClient, MeetingClient]
    await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'mission' })
    await ada.send({ type: 'submitObjective', title: 'Launch in Brazil', why: 'Our fastest-growing market' })
    await facilitator.send({ type: 'updateSettings', isOpenSubmissions: true })
    await waitFor(grace, () => view(grace).openSubmissions.some((s) => s.title === 'Launch in Brazil'))
    await facilitator.send({ type: 'updateSettings', isOpenSubmissions: false })
    await waitFor(grace, () => view(grace).openSubmissions.length === 0)
    expect(view(grace).submissionCount).toBe(1)
  })

  it('refuses a proposal past the per-person limit and leaves the count unchanged', async () => {
    const { facilitator, people } = await meetingWith(['Ada'])
    const [ada] = people as [MeetingClient]
    await facilitator.send({ type: 'updateSettings', maxSubmissionsPerPerson: 1 })
    await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'mission' })
    await ada.send({ type: 'submitObjective', title: 'Launch in Brazil', why: '' })
    expect(await refusal(ada.send({ type: 'submitObjective', title: 'Launch in Chile', why: '' }))).toBe('limit_reached')
    await waitFor(ada, () => view(ada).submissionCount === 1)
    expect(view(ada).submissionCount).toBe(1)
  })

  it('refuses editing someone else’s proposal', async () => {
    const { facilitator, people } = await meetingWith(['Ada', 'Grace'])
    const [ada, grace] = people as [MeetingClient, MeetingClient]
    await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'mission' })
    const { submissionId } = await ada.send({ type: 'submitObjective', title: 'Improve uptime', why: '' })
    expect(await refusal(grace.send({ type: 'editSubmission', submissionId, title: 'Mine now', why: '' }))).toBe('forbidden')
    await waitFor(ada, () => ada.mySubmissions.length === 1)
    expect(ada.mySubmissions[0]?.title).toBe('Improve uptime')
  })
})

describe('group stage', () => {
  async function boardWith(titles: string[], groupers = ['Ada', 'Grace']) {
    const m = await meetingWith(groupers)
    await m.facilitator.send({ type: 'changeStage', move: 'advance', expected: 'mission' })
    for (const [i, title] of titles.entries()) {
      const author = m.people[i % m.people.length] as MeetingClient
      await author.send({ type: 'submitObjective', title, why: '' })
    }
    await m.facilitator.send({ type: 'changeStage', move: 'advance', expected: 'submit' })
    for (const c of [m.facilitator, ...m.people]) await waitFor(c, () => view(c).cards.length === titles.length)
    return m
  }
  const cardId = (c: MeetingClient, title: string) => view(c).cards.find((card) => card.title === title)!.id

  it('merges two cards: one remains, authors carried, merged text kept, undo restores exactly', async () => {
    const { people } = await boardWith(['Grow revenue in Europe', 'Increase European sales'])
    const [ada, grace] = people as [MeetingClient, MeetingClient]
    const before = JSON.stringify(view(ada).cards)
    const source = cardId(ada, 'Increase European sales')
    const target = cardId(ada, 'Grow revenue in Europe')
    await ada.send({ type: 'mergeCards', sourceId: source, targetId: target, title: 'Grow revenue in Europe' })
    await waitFor(grace, () => view(grace).cards.length === 1)
    const merged = view(grace).cards[0]!
    expect(merged.authorIds).toHaveLength(2)
    expect(merged.merged.map((m) => m.title)).toEqual(['Increase European sales'])
    await ada.send({ type: 'undoMove' })
    await waitFor(grace, () => view(grace).cards.length === 2)
    expect(JSON.stringify(view(grace).cards)).toBe(before)
  })

  it('two people moving the same card at once end in one result for everyone, no card lost or duplicated', async () => {
    const { facilitator, people } = await boardWith(['Cut cloud costs', 'Reduce AWS spend', 'Lower infrastructure bill'])
    const [ada, grace] = people as [MeetingClient, MeetingClient]
    const a = cardId(ada, 'Cut cloud costs')
    const b = cardId(ada, 'Reduce AWS spend')
    const c = cardId(ada, 'Lower infrastructure bill')
    const results = await Promise.allSettled([
      ada.send({ type: 'mergeCards', sourceId: a, targetId: b, title: 'Reduce AWS spend' }),
      grace.send({ type: 'mergeCards', sourceId: a, targetId: c, title: 'Lower infrastructure bill' }),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect((rejected.reason as CommandFailure).code).toBe('not_found')
    for (const client of [facilitator, ada, grace]) await waitFor(client, () => view(client).cards.length === 2)
    const snapshots = [facilitator, ada, grace].map((client) => JSON.stringify(view(client).cards))
    expect(new Set(snapshots).size).toBe(1)
    const allSubmissions = view(ada).cards.flatMap((card) => card.submissionIds)
    expect(allSubmissions).toHaveLength(3)
  })

  it('clusters cards, names the cluster, takes a card out, and drops the empty cluster', async () => {
    const { people } = await boardWith(['Hire senior engineers', 'Improve onboarding'])
    const [ada, grace] = people as [MeetingClient, MeetingClient]
    const hire = cardId(ada, 'Hire senior engineers')
    const onboard = cardId(ada, 'Improve onboarding')
    const { clusterId } = await ada.send({ type: 'createCluster', cardId: hire, name: 'People' })
    await grace.send({ type: 'moveCard', cardId: onboard, clusterId })
    await grace.send({ type: 'renameCluster', clusterId, name: 'Talent' })
    await waitFor(ada, () => view(ada).clusters[0]?.name === 'Talent')
    expect(view(ada).cards.every((card) => card.clusterId === clusterId)).toBe(true)
    await ada.send({ type: 'moveCard', cardId: hire, clusterId: null })
    await ada.send({ type: 'moveCard', cardId: onboard, clusterId: null })
    await waitFor(grace, () => view(grace).clusters.length === 0)
  })

  it('refuses moves from people the setting does not allow, and moves in the wrong stage, changing nothing', async () => {
    const { facilitator, people } = await boardWith(['Win the SMB market', 'Grow SMB revenue'])
    const [ada] = people as [MeetingClient]
    await facilitator.send({ type: 'updateSettings', grouping: 'helpers', helperIds: [] })
    const before = JSON.stringify(view(ada).cards)
    const [x, y] = view(ada).cards.map((c) => c.id) as [string, string]
    expect(await refusal(ada.send({ type: 'mergeCards', sourceId: x, targetId: y, title: 'SMB' }))).toBe('forbidden')
    await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'group' })
    expect(await refusal(facilitator.send({ type: 'mergeCards', sourceId: x, targetId: y, title: 'SMB' }))).toBe('wrong_stage')
    await waitFor(ada, () => view(ada).stage === 'vote')
    expect(JSON.stringify(view(ada).cards)).toBe(before)
  })

  it('suggests merges and clusters, applied only when the facilitator accepts', async () => {
    const { facilitator, people } = await boardWith(['Reduce customer churn', 'Reduce customer churn rate', 'Hire a VP of marketing'])
    const [ada] = people as [MeetingClient]
    const { count } = await facilitator.send({ type: 'suggestClusters' })
    expect(count).toBeGreaterThanOrEqual(1)
    await waitFor(ada, () => view(ada).suggestions.length >= 1)
    expect(view(ada).cards).toHaveLength(3)
    const suggestion = view(ada).suggestions[0]!
    expect(suggestion.cardIds).toHaveLength(2)
    await facilitator.send({ type: 'resolveSuggestion', suggestionId: suggestion.id, accept: true })
    await waitFor(ada, () => view(ada).cards.length === 2 || view(ada).clusters.length === 1)
    const { entries } = await facilitator.send({ type: 'readAudit' })
    expect(entries.map((e) => e.action)).toContain('accepted a suggestion')
  })
})
