import { z } from 'zod'
import type { Logger } from 'pino'
import { FirstWorkingProvider, type EmbeddingProvider } from './embeddingProvider.ts'
import { HttpEmbeddingProvider } from './httpEmbeddingProvider.ts'
import { OnnxEmbeddingProvider } from './onnxEmbeddingProvider.ts'
import { SemanticScorer } from './SemanticScorer.ts'

const Env = z.object({
  /** An OpenAI-compatible embeddings server: its base URL or its /v1/embeddings endpoint. */
  EMBEDDINGS_URL: z.string().url().optional(),
  /** The `model` the HTTP server should run (e.g. "nomic-embed-text" on Ollama). */
  EMBEDDINGS_MODEL: z.string().min(1).default('text-embedding'),
  EMBEDDINGS_API_KEY: z.string().min(1).optional(),
  /** A local ONNX sentence model folder (transformers.js layout); nothing is downloaded. */
  EMBEDDINGS_MODEL_DIR: z.string().min(1).optional(),
  /** How long a command waits for the model before answering lexically. */
  EMBEDDINGS_BUDGET_MS: z.coerce.number().int().min(50).max(30_000).default(1500),
  /** Share of the score from the model (0–1). */
  EMBEDDINGS_WEIGHT: z.coerce.number().min(0).max(1).default(0.6),
  /** Cosine at or below which the model means "unrelated" (depends on the model; 0.2–0.5 is typical). */
  EMBEDDINGS_FLOOR: z.coerce.number().min(-1).max(0.99).default(0.3),
})

export interface EmbeddingsConfig {
  url: string | null
  model: string
  apiKey: string | null
  modelDir: string | null
  budgetMs: number
  weight: number
  floor: number
}

/** Null when neither EMBEDDINGS_URL nor EMBEDDINGS_MODEL_DIR is set: similarity stays lexical (the default). */
export function loadEmbeddingsConfig(env: NodeJS.ProcessEnv): EmbeddingsConfig | null {
  const parsed = Env.safeParse(env)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`Bad configuration: ${issue?.path.join('.')}: ${issue?.message}`)
  }
  const e = parsed.data
  if (e.EMBEDDINGS_URL === undefined && e.EMBEDDINGS_MODEL_DIR === undefined) return null
  return {
    url: e.EMBEDDINGS_URL ?? null,
    model: e.EMBEDDINGS_MODEL,
    apiKey: e.EMBEDDINGS_API_KEY ?? null,
    modelDir: e.EMBEDDINGS_MODEL_DIR ?? null,
    budgetMs: e.EMBEDDINGS_BUDGET_MS,
    weight: e.EMBEDDINGS_WEIGHT,
    floor: e.EMBEDDINGS_FLOOR,
  }
}

/** The HTTP model first when both are configured, the local one standing in when it fails. */
export function createSemanticScorer(config: EmbeddingsConfig, log?: Logger): SemanticScorer {
  const providers: EmbeddingProvider[] = []
  if (config.url) providers.push(new HttpEmbeddingProvider({ url: config.url, model: config.model, ...(config.apiKey ? { apiKey: config.apiKey } : {}) }))
  if (config.modelDir) providers.push(new OnnxEmbeddingProvider(config.modelDir))
  const provider = providers.length === 1 ? (providers[0] as EmbeddingProvider) : new FirstWorkingProvider(providers)
  log?.info({ model: provider.name, budgetMs: config.budgetMs, weight: config.weight, floor: config.floor }, 'similarity: sentence model configured')
  return new SemanticScorer(provider, {
    budgetMs: config.budgetMs,
    blend: { weight: config.weight, floor: config.floor },
    onProblem: (message) => log?.warn({ model: provider.name, problem: message }, 'similarity: sentence model unavailable, matching lexically'),
  })
}
