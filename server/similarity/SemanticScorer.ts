import { DEFAULT_SEMANTIC_BLEND, type SemanticBlend } from '../../shared/similarity.ts'
import type { SemanticUse } from '../../shared/board/semanticUse.ts'
import type { EmbeddingProvider } from './embeddingProvider.ts'

export interface SemanticScorerOptions {
  /** How long a command may wait for the model before it answers with lexical scores alone. */
  budgetMs: number
  blend?: SemanticBlend
  /** Texts per request to the model. */
  batchSize?: number
  /** Cached vectors kept at most (oldest dropped first). */
  maxCached?: number
  /** After a failure, the model is left alone this long: a dead endpoint must not slow every command. */
  retryAfterMs?: number
  /** A request still running this long after it started is aborted (a late answer still fills the cache). */
  requestTimeoutMs?: number
  now?: () => number
  onProblem?: (message: string) => void
}

const keyOf = (text: string) => text.trim().replace(/\s+/g, ' ')

/**
 * Embeddings of titles, cached per text, fetched off the commit path. Commands never wait on the
 * model directly: the room calls prepare() before running one, which waits at most `budgetMs`;
 * whatever is cached by then is used, the rest is scored lexically and the facilitator is told.
 */
export class SemanticScorer {
  readonly blend: SemanticBlend
  private readonly cache = new Map<string, Float32Array>()
  private readonly inFlight = new Map<string, Promise<void>>()
  private problem: string | null = null
  private failedAt = Number.NEGATIVE_INFINITY
  private readonly now: () => number

  constructor(
    readonly provider: EmbeddingProvider,
    private readonly options: SemanticScorerOptions,
  ) {
    this.blend = options.blend ?? DEFAULT_SEMANTIC_BLEND
    this.now = options.now ?? Date.now
  }

  vectorOf(text: string): Float32Array | undefined {
    return this.cache.get(keyOf(text))
  }

  /**
   * Starts embedding the texts not cached yet and resolves when they are, or when the budget runs out,
   * or at once after a recent failure. Never rejects. Null when there is nothing to wait for, so the
   * caller can stay synchronous.
   */
  prepare(texts: readonly string[]): Promise<void> | null {
    const waits = new Set<Promise<void>>()
    const missing: string[] = []
    for (const text of texts) {
      const key = keyOf(text)
      if (key === '' || this.cache.has(key)) continue
      const running = this.inFlight.get(key)
      if (running) waits.add(running)
      else if (!missing.includes(key)) missing.push(key)
    }
    const isResting = this.now() - this.failedAt < (this.options.retryAfterMs ?? 30_000)
    if (!isResting) {
      const size = this.options.batchSize ?? 64
      for (let i = 0; i < missing.length; i += size) waits.add(this.fetchBatch(missing.slice(i, i + size)))
    }
    if (waits.size === 0) return null
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.problem = `no answer within ${formatMs(this.options.budgetMs)}`
        this.options.onProblem?.(this.problem)
        resolve()
      }, this.options.budgetMs)
      void Promise.all(waits).then(() => {
        clearTimeout(timer)
        resolve()
      })
    })
  }

  /** What a command that used these texts should tell the facilitator about the model. */
  reportFor(texts: readonly string[]): SemanticUse {
    const keys = new Set(texts.map(keyOf).filter((k) => k !== ''))
    let embedded = 0
    for (const k of keys) if (this.cache.has(k)) embedded++
    if (embedded === keys.size) return { state: 'used', model: this.provider.name, embedded, total: keys.size }
    return { state: 'fallback', model: this.provider.name, embedded, total: keys.size, reason: this.problem ?? 'still embedding these titles' }
  }

  private fetchBatch(keys: string[]): Promise<void> {
    const signal = AbortSignal.timeout(this.options.requestTimeoutMs ?? Math.max(10_000, this.options.budgetMs * 4))
    const run = this.provider
      .embed(keys, signal)
      .then((vectors) => {
        keys.forEach((k, i) => {
          const v = vectors[i]
          if (v !== undefined && v.length > 0) this.remember(k, v)
        })
        this.problem = null
      })
      .catch((error: unknown) => {
        this.failedAt = this.now()
        this.problem = error instanceof Error ? (error.name === 'TimeoutError' ? 'the model timed out' : error.message) : String(error)
        this.options.onProblem?.(this.problem)
      })
      .finally(() => {
        for (const k of keys) this.inFlight.delete(k)
      })
    for (const k of keys) this.inFlight.set(k, run)
    return run
  }

  private remember(key: string, vector: Float32Array) {
    const max = this.options.maxCached ?? 50_000
    if (this.cache.size >= max) {
      const oldest = this.cache.keys().next().value
      if (oldest !== undefined) this.cache.delete(oldest)
    }
    this.cache.set(key, vector)
  }
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s` : `${ms} ms`
}
