import { afterEach, describe, expect, it } from 'vitest'
import { CommandFailure, type MeetingClient } from '../../../shared/client/MeetingClient.ts'
import { facilitatorOf, joinAs, startTestServer, viewOf, waitFor, type TestServer } from '../helpers/testServer.ts'

let t: TestServer | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

const PRIVATE_TITLES = [
  'Reduce customer churn in Europe',
  'Hire five senior engineers',
  'Grow revenue in Latin America',
  'Launch the mobile app',
  'Cut cloud costs by a third',
  'Improve onboarding for new clients',
]
const DICTIONARY = [
  'revenue',
  'churn',
  'customers',
  'hire engineers',
  'mobile app launch',
  'cloud costs',
  'onboarding clients',
  'Europe',
  'growth',
  'sales',
  'costs',
  'app',
]

async function submitStage(): Promise<{ facilitator: MeetingClient; author: MeetingClient; snoop: MeetingClient }> {
  t = await startTestServer()
  const meeting = await t.createMeeting()
  const facilitator = await facilitatorOf(t, meeting)
  const author = (await joinAs(t, meeting.meetingId, 'Ada')).client
  const snoop = (await joinAs(t, meeting.meetingId, 'Snoop')).client
  await facilitator.send({ type: 'updateSettings', maxSubmissionsPerPerson: 10 })
  await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'mission' })
  for (const title of PRIVATE_TITLES) await author.send({ type: 'submitObjective', title, why: `secret why of ${title}` })
  return { facilitator, author, snoop }
}

describe('findSimilar is no oracle on private proposals (issue 15, secrecy)', () => {
  it('reveals no private title or id to dictionary queries while open submissions are off', async () => {
    const { snoop } = await submitStage()
    const seen: string[] = []
    for (const text of [...DICTIONARY, ...PRIVATE_TITLES]) {
      const { matches } = await snoop.send({ type: 'findSimilar', text })
      for (const m of matches) seen.push(m.title, m.submissionId)
    }
    expect(seen).toEqual([])
  })

  it('says only that a near-duplicate exists for a real draft, and not for one-word probes', async () => {
    const { snoop } = await submitStage()
    expect(await snoop.send({ type: 'findSimilar', text: 'Lower the churn of European customers' })).toEqual({ matches: [], hasHiddenMatch: true })
    expect(await snoop.send({ type: 'findSimilar', text: 'revenue' })).toEqual({ matches: [], hasHiddenMatch: false })
  })

  it('still lists your own proposals, and everyone’s once the facilitator opens submissions', async () => {
    const { facilitator, author, snoop } = await submitStage()
    const own = await author.send({ type: 'findSimilar', text: 'reduce churn of customers' })
    expect(own.matches[0]).toMatchObject({ title: 'Reduce customer churn in Europe', isMine: true })
    await facilitator.send({ type: 'updateSettings', isOpenSubmissions: true })
    const open = await snoop.send({ type: 'findSimilar', text: 'reduce churn of customers' })
    expect(open.matches[0]).toMatchObject({ title: 'Reduce customer churn in Europe', isMine: false })
  })

  it('refuses to support a private proposal by id, so its "why" never reaches the supporter’s feed', async () => {
    const { author, snoop } = await submitStage()
    await waitFor(author, () => author.mySubmissions.length === PRIVATE_TITLES.length)
    const target = author.mySubmissions[0]?.id as string
    const refusal = await snoop.send({ type: 'supportSubmission', submissionId: target, support: true }).catch((e: unknown) => e)
    expect(refusal).toBeInstanceOf(CommandFailure)
    expect((refusal as CommandFailure).code).toBe('not_found')
    expect(JSON.stringify(snoop.mySubmissions)).not.toContain('secret why')
  })
})

describe('authorship is anonymous by default (issue 15, secrecy)', () => {
  async function groupStage(): Promise<{ facilitator: MeetingClient; ada: MeetingClient; adaId: string; snoop: MeetingClient }> {
    t = await startTestServer()
    const meeting = await t.createMeeting()
    const facilitator = await facilitatorOf(t, meeting)
    const ada = await joinAs(t, meeting.meetingId, 'Ada')
    const snoop = (await joinAs(t, meeting.meetingId, 'Snoop')).client
    await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'mission' })
    await ada.client.send({ type: 'submitObjective', title: 'Reduce customer churn', why: '' })
    await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'submit' })
    return { facilitator, ada: ada.client, adaId: ada.identity.participantId, snoop }
  }

  it('gives participants aliases in the people search, never the ids on cards', async () => {
    const { adaId, snoop } = await groupStage()
    const { people } = await snoop.send({ type: 'findPeople', query: 'Ada', limit: 10 })
    expect(people.map((p) => p.name)).toEqual(['Ada'])
    expect(people[0]?.id).not.toBe(adaId)
    await waitFor(snoop, () => viewOf(snoop).cards.length === 1)
    expect(viewOf(snoop).cards[0]?.authorIds).toEqual([adaId]) // the card still counts its author…
    expect(JSON.stringify(viewOf(snoop))).not.toContain(people[0]?.id as string) // …under an id the search never gives
  })

  it('lets the facilitator choose named authorship, and always see real ids', async () => {
    const { facilitator, adaId, snoop } = await groupStage()
    expect((await facilitator.send({ type: 'findPeople', query: 'Ada', limit: 10 })).people[0]?.id).toBe(adaId)
    await facilitator.send({ type: 'updateSettings', authorship: 'named' })
    await waitFor(snoop, () => (snoop.doc.getMap('meeting').get('settings') as { authorship?: string } | undefined)?.authorship === 'named')
    expect((await snoop.send({ type: 'findPeople', query: 'Ada', limit: 10 })).people[0]?.id).toBe(adaId)
  })
})
