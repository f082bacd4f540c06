import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeEmbeddingsServer, topicEmbedding, type FakeEmbeddingsServer } from '../../tests/helpers/fakeEmbeddingsServer.ts'
import { groupSimilar } from '../../shared/similarity.ts'
import { suggestClustersWithReport } from '../../shared/board/suggestClusters.ts'
import type { CardRecord } from '../../shared/board/boardTypes.ts'
import { embeddingsEndpoint, HttpEmbeddingProvider } from './httpEmbeddingProvider.ts'
import { SemanticScorer } from './SemanticScorer.ts'

const model = topicEmbedding([
  ['people', 'employee', 'engagement', 'work'],
  ['menu', 'delivery', 'glovo', 'uber eats'],
])
const TITLES = ['Make our people happier at work', 'Raise employee engagement', 'Get our menu on the delivery apps', 'Sell through Glovo and Uber Eats']

let server: FakeEmbeddingsServer
beforeAll(async () => {
  server = await startFakeEmbeddingsServer(model)
})
afterAll(async () => {
  await server.close()
})

const card = (id: string, title: string, createdAt: number): CardRecord => ({
  id,
  title,
  why: '',
  authorIds: ['p1'],
  supporterIds: [],
  merged: [],
  clusterId: null,
  submissionIds: [],
  createdAt,
})

describe('OpenAI-compatible embeddings over HTTP', () => {
  it('finds the endpoint from a base URL, a /v1 URL or the full endpoint', () => {
    expect(embeddingsEndpoint('http://127.0.0.1:11434')).toBe('http://127.0.0.1:11434/v1/embeddings')
    expect(embeddingsEndpoint('http://h:8000/v1/')).toBe('http://h:8000/v1/embeddings')
    expect(embeddingsEndpoint('http://h/openai/v1/embeddings')).toBe('http://h/openai/v1/embeddings')
  })

  it('posts { model, input } with the key, and puts vectors back in input order', async () => {
    server.behave({ shuffle: true, status: 200, delayMs: 0 })
    const provider = new HttpEmbeddingProvider({ url: server.url, model: 'nomic-embed-text', apiKey: 'k-123' })
    const vectors = await provider.embed(TITLES, AbortSignal.timeout(5000))
    expect(vectors.map((v) => Array.from(v))).toEqual(TITLES.map((t) => model(t).map((x) => Math.fround(x))))
    const last = server.requests.at(-1)!
    expect(last.path).toBe('/v1/embeddings')
    expect(last.body).toEqual({ model: 'nomic-embed-text', input: TITLES })
    expect(last.authorization).toBe('Bearer k-123')
  })

  it('rejects a failing endpoint with its status', async () => {
    server.behave({ status: 503, shuffle: false })
    const provider = new HttpEmbeddingProvider({ url: server.url, model: 'm' })
    await expect(provider.embed(['x'], AbortSignal.timeout(5000))).rejects.toThrow('HTTP 503')
    server.behave({ status: 200 })
  })

  it('groups what the model says is alike even with no word in common, which lexical matching misses', async () => {
    server.behave({ status: 200, delayMs: 0, shuffle: false })
    const scorer = new SemanticScorer(new HttpEmbeddingProvider({ url: server.url, model: 'm' }), { budgetMs: 2000 })
    expect(groupSimilar(TITLES)).toEqual([])
    await scorer.prepare(TITLES)
    const vectors = TITLES.map((t) => scorer.vectorOf(t))
    expect(groupSimilar(TITLES, undefined, { semantic: { vectors, blend: scorer.blend } })).toEqual([
      [0, 1],
      [2, 3],
    ])
    expect(scorer.reportFor(TITLES)).toMatchObject({ state: 'used', embedded: 4, total: 4 })
    // Cached per text: asking again calls nobody.
    const calls = server.requests.length
    expect(scorer.prepare(TITLES)).toBeNull()
    expect(server.requests.length).toBe(calls)
  })

  it('falls back to lexical scores within the budget when the model is slow, and says why', async () => {
    server.behave({ delayMs: 3000, status: 200 })
    const scorer = new SemanticScorer(new HttpEmbeddingProvider({ url: server.url, model: 'm' }), { budgetMs: 150, requestTimeoutMs: 5000 })
    const cards = TITLES.map((t, i) => card(`c${i}`, t, i))
    await scorer.prepare(TITLES)
    // prepare() returned before the model answered: nothing is cached yet, the request is still running.
    expect(TITLES.map((t) => scorer.vectorOf(t))).toEqual([undefined, undefined, undefined, undefined])
    const report = suggestClustersWithReport(cards, { semantic: { vectors: TITLES.map((t) => scorer.vectorOf(t)), blend: scorer.blend } })
    expect(report.suggestions).toEqual([])
    expect(scorer.reportFor(TITLES)).toMatchObject({ state: 'fallback', embedded: 0, total: 4, reason: 'no answer within 150 ms' })
    server.behave({ delayMs: 0 })
  })

  it('leaves a failing model alone for a while instead of slowing every command', async () => {
    server.behave({ status: 500, delayMs: 0 })
    let now = 1_000
    const scorer = new SemanticScorer(new HttpEmbeddingProvider({ url: server.url, model: 'm' }), { budgetMs: 2000, retryAfterMs: 30_000, now: () => now })
    await scorer.prepare(['Grow revenue in Lyon'])
    expect(scorer.reportFor(['Grow revenue in Lyon'])).toMatchObject({ state: 'fallback', reason: 'embeddings endpoint answered HTTP 500' })
    const calls = server.requests.length
    expect(scorer.prepare(['Grow revenue in Lyon'])).toBeNull()
    expect(server.requests.length).toBe(calls)
    server.behave({ status: 200 })
    now += 31_000
    await scorer.prepare(['Grow revenue in Lyon'])
    expect(scorer.reportFor(['Grow revenue in Lyon'])).toMatchObject({ state: 'used' })
  })
})
