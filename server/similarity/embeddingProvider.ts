/** A sentence-embedding model, local or remote. */
export interface EmbeddingProvider {
  /** Shown to the facilitator and in logs, e.g. "http://127.0.0.1:11434 (nomic-embed-text)". */
  readonly name: string
  /** One vector per text, in order. Rejects on any failure; `signal` aborts a call past its budget. */
  embed(texts: readonly string[], signal: AbortSignal): Promise<Float32Array[]>
}

/** Tries each provider in turn for a batch: a local model can stand in when the remote one fails. */
export class FirstWorkingProvider implements EmbeddingProvider {
  readonly name: string

  constructor(private readonly providers: readonly EmbeddingProvider[]) {
    this.name = providers.map((p) => p.name).join(', then ')
  }

  async embed(texts: readonly string[], signal: AbortSignal): Promise<Float32Array[]> {
    let lastError: unknown = new Error('no embeddings provider configured')
    for (const provider of this.providers) {
      if (signal.aborted) break
      try {
        return await provider.embed(texts, signal)
      } catch (error) {
        lastError = error
      }
    }
    throw lastError
  }
}
