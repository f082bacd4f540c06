import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readMeetingView } from '../../shared/meeting/meetingDoc.ts'
import type { MeetingClient } from '../../shared/client/MeetingClient.ts'
import { startTestServer, waitFor, type TestServer } from './helpers/testServer.ts'
import { startFakeEmbeddingsServer, topicEmbedding, type FakeEmbeddingsServer } from '../helpers/fakeEmbeddingsServer.ts'

const model = topicEmbedding([
  ['people', 'employee', 'engagement'],
  ['menu', 'delivery', 'glovo'],
])
const view = (c: MeetingClient) => readMeetingView(c.doc)!

let embeddings: FakeEmbeddingsServer
let t: TestServer
beforeAll(async () => {
  embeddings = await startFakeEmbeddingsServer(model)
  t = await startTestServer({
    embeddings: { url: embeddings.url, model: 'test-model', apiKey: null, modelDir: null, budgetMs: 400, weight: 0.6, floor: 0.3 },
  })
})
afterAll(async () => {
  await t.close()
  await embeddings.close()
})

async function meetingAt(stage: 'submit' | 'group', titles: string[]) {
  const created = await t.createMeeting()
  const facilitator = t.client(created.meetingId, created.facilitatorToken)
  await waitFor(facilitator, () => facilitator.identity !== null)
  const ada = t.client(created.meetingId)
  await waitFor(ada, () => ada.isSynced)
  await ada.join('Ada')
  await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'mission' })
  for (const title of titles) await ada.send({ type: 'submitObjective', title, why: '' })
  if (stage === 'group') {
    await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'submit' })
    await waitFor(facilitator, () => view(facilitator).cards.length === titles.length)
  }
  return { facilitator, ada }
}

describe('a configured sentence model (EMBEDDINGS_URL)', () => {
  it('lets Suggest clusters group cards that share no word, and says the model was used', async () => {
    embeddings.behave({ delayMs: 0, status: 200 })
    const { facilitator } = await meetingAt('group', ['Make our people happier', 'Raise employee engagement', 'Open an office in Lisbon'])
    const result = await facilitator.send({ type: 'suggestClusters' })
    expect(result).toMatchObject({ count: 1, checked: 3, semantic: { state: 'used', model: expect.stringContaining('test-model') } })
    await waitFor(facilitator, () => view(facilitator).suggestions.length === 1)
    expect(view(facilitator).suggestions[0]!.cardIds).toHaveLength(2)
  })

  it('answers with lexical scores within the budget when the model is slow, and says so', async () => {
    embeddings.behave({ delayMs: 5000, status: 200 })
    const { facilitator } = await meetingAt('group', ['Get our menu on the delivery apps', 'Sell through Glovo'])
    const result = await facilitator.send({ type: 'suggestClusters' })
    expect(result).toMatchObject({ count: 0, checked: 2, semantic: { state: 'fallback', reason: 'no answer within 400 ms' } })
    embeddings.behave({ delayMs: 0 })
  })

  it('hints a proposal the model finds alike while someone types', async () => {
    embeddings.behave({ delayMs: 0, status: 200 })
    const { ada } = await meetingAt('submit', ['Raise employee engagement'])
    const { matches } = await ada.send({ type: 'findSimilar', text: 'Make our people happier' })
    expect(matches.map((m) => m.title)).toEqual(['Raise employee engagement'])
  })
})
