import { z } from 'zod'
import type { EmbeddingProvider } from './embeddingProvider.ts'

/** The part of an OpenAI-compatible /v1/embeddings reply we use (Ollama, vLLM, llama.cpp and LocalAI send it). */
const EmbeddingsReply = z.object({
  data: z.array(z.object({ embedding: z.array(z.number()), index: z.number().int().min(0).optional() })),
})

export interface HttpEmbeddingOptions {
  /** The server's base URL ("http://127.0.0.1:11434") or its full embeddings endpoint. */
  url: string
  /** The `model` field of the request: which model the server should run. */
  model: string
  /** Sent as "Authorization: Bearer …" when set (hosted gateways want one; local servers do not). */
  apiKey?: string
  fetch?: typeof fetch
}

/** "http://host:port" → "http://host:port/v1/embeddings"; ".../v1" → ".../v1/embeddings"; a full endpoint stays. */
export function embeddingsEndpoint(url: string): string {
  const trimmed = url.replace(/\/+$/, '')
  if (/\/embeddings$/.test(trimmed)) return trimmed
  if (/\/v1$/.test(trimmed)) return `${trimmed}/embeddings`
  return `${trimmed}/v1/embeddings`
}

/** Embeddings from an OpenAI-compatible HTTP endpoint: POST { model, input: [texts] }. */
export class HttpEmbeddingProvider implements EmbeddingProvider {
  readonly name: string
  private readonly endpoint: string

  constructor(private readonly options: HttpEmbeddingOptions) {
    this.endpoint = embeddingsEndpoint(options.url)
    this.name = `${new URL(this.endpoint).origin} (${options.model})`
  }

  async embed(texts: readonly string[], signal: AbortSignal): Promise<Float32Array[]> {
    if (texts.length === 0) return []
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`
    const response = await (this.options.fetch ?? fetch)(this.endpoint, {
      method: 'POST',
      headers,
      body: JSON.stringify({ model: this.options.model, input: texts }),
      signal,
    })
    if (!response.ok) throw new Error(`embeddings endpoint answered HTTP ${response.status}`)
    const parsed = EmbeddingsReply.safeParse(await response.json())
    if (!parsed.success) throw new Error('embeddings endpoint sent an unexpected reply (no data[].embedding)')
    const data = parsed.data.data
    if (data.length !== texts.length) throw new Error(`embeddings endpoint returned ${data.length} vectors for ${texts.length} texts`)
    // Servers may answer out of order; `index` says which input each vector belongs to.
    const ordered = data.every((d) => d.index !== undefined) ? [...data].sort((a, b) => (a.index ?? 0) - (b.index ?? 0)) : data
    return ordered.map((d) => Float32Array.from(d.embedding))
  }
}
