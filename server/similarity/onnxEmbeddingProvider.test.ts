import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { env } from '@huggingface/transformers'
import { groupSimilar } from '../../shared/similarity.ts'
import { OnnxEmbeddingProvider } from './onnxEmbeddingProvider.ts'
import { SemanticScorer } from './SemanticScorer.ts'
import { createSemanticScorer, loadEmbeddingsConfig } from './embeddingsConfig.ts'
import { expectedVector, writeTinySentenceModel } from '../../tests/helpers/tinySentenceModel.ts'

const parent = mkdtempSync(join(tmpdir(), 'qd-onnx-'))
afterAll(() => rmSync(parent, { recursive: true, force: true }))

// Rows: [UNK], [PAD], then one per word. "round"/"ronda" and "staff"/"plantilla" share a direction.
const WORDS = ['round', 'ronda', 'staff', 'plantilla', 'happier', 'engagement']
const TABLE = [
  [0, 0, 0, 0.1],
  [0, 0, 0, 0],
  [1, 0, 0, 0],
  [1, 0.05, 0, 0],
  [0, 1, 0, 0],
  [0, 1, 0.05, 0],
  [0, 0, 1, 0],
  [0, 0.1, 1, 0],
]
const model = writeTinySentenceModel(parent, 'tiny-sentence-model', WORDS, TABLE)

describe('local ONNX sentence model (transformers.js, no downloads)', () => {
  it('loads the folder and returns the mean-pooled, normalised vectors', async () => {
    const provider = new OnnxEmbeddingProvider(model.dir)
    const texts = ['Close the round', 'Cerrar la ronda', 'Happier staff']
    const vectors = await provider.embed(texts, AbortSignal.timeout(20_000))
    texts.forEach((t, i) => {
      const got = Array.from(vectors[i] as Float32Array)
      expectedVector(model, t).forEach((x, k) => expect(got[k]).toBeCloseTo(x, 5))
    })
    expect(env.allowRemoteModels).toBe(false)
    expect(provider.name).toBe('local model tiny-sentence-model')
  })

  it('rejects a folder without a model, and never reaches for the network', async () => {
    const provider = new OnnxEmbeddingProvider(join(parent, 'no-such-model'))
    await expect(provider.embed(['x'], AbortSignal.timeout(20_000))).rejects.toThrow()
  })

  it('is what EMBEDDINGS_MODEL_DIR configures, and its scores join cross-lingual pairs', async () => {
    const config = loadEmbeddingsConfig({ EMBEDDINGS_MODEL_DIR: model.dir, EMBEDDINGS_BUDGET_MS: '20000', EMBEDDINGS_WEIGHT: '0.7' })
    expect(config).toMatchObject({ url: null, modelDir: model.dir, weight: 0.7, budgetMs: 20_000 })
    const scorer = createSemanticScorer(config!)
    expect(scorer).toBeInstanceOf(SemanticScorer)
    const texts = ['Happier staff', 'Plantilla engagement', 'Close the round']
    await scorer.prepare(texts)
    expect(scorer.reportFor(texts)).toMatchObject({ state: 'used', model: 'local model tiny-sentence-model' })
    const vectors = texts.map((t) => scorer.vectorOf(t))
    expect(groupSimilar(texts)).toEqual([])
    expect(groupSimilar(texts, undefined, { semantic: { vectors, blend: scorer.blend } })).toEqual([[0, 1]])
  })

  it('is off unless a model is configured, and refuses bad settings', () => {
    expect(loadEmbeddingsConfig({})).toBeNull()
    expect(() => loadEmbeddingsConfig({ EMBEDDINGS_URL: 'not a url' })).toThrow('EMBEDDINGS_URL')
    expect(() => loadEmbeddingsConfig({ EMBEDDINGS_URL: 'http://127.0.0.1:1', EMBEDDINGS_WEIGHT: '2' })).toThrow('EMBEDDINGS_WEIGHT')
  })
})
