import { basename, dirname, resolve } from 'node:path'
import type { EmbeddingProvider } from './embeddingProvider.ts'

interface FeatureExtractor {
  (texts: string[], options: { pooling: 'mean'; normalize: boolean }): Promise<{ dims: number[]; data: Float32Array | number[] }>
}

/**
 * A local ONNX sentence model (a folder with config.json, tokenizer.json, tokenizer_config.json and
 * onnx/model.onnx, as exported for transformers.js) run with @huggingface/transformers on the CPU.
 * Remote loading is switched off: the folder is all it reads, nothing is downloaded. The library is
 * imported only when a model folder is configured, so servers without one never load it.
 */
export class OnnxEmbeddingProvider implements EmbeddingProvider {
  readonly name: string
  private extractor: Promise<FeatureExtractor> | null = null

  constructor(private readonly modelDir: string) {
    this.name = `local model ${basename(resolve(modelDir))}`
  }

  private load(): Promise<FeatureExtractor> {
    this.extractor ??= (async () => {
      const transformers = await import('@huggingface/transformers')
      const dir = resolve(this.modelDir)
      transformers.env.allowRemoteModels = false
      transformers.env.allowLocalModels = true
      transformers.env.localModelPath = dirname(dir)
      const pipe = await transformers.pipeline('feature-extraction', basename(dir), { dtype: 'fp32', local_files_only: true })
      return pipe as unknown as FeatureExtractor
    })()
    // A failed load (missing file, bad model) is retried on the next call rather than cached forever.
    this.extractor.catch(() => (this.extractor = null))
    return this.extractor
  }

  async embed(texts: readonly string[], signal: AbortSignal): Promise<Float32Array[]> {
    if (texts.length === 0) return []
    const extractor = await this.load()
    signal.throwIfAborted()
    const output = await extractor([...texts], { pooling: 'mean', normalize: true })
    const dim = output.dims[output.dims.length - 1] ?? 0
    const data = Float32Array.from(output.data)
    return texts.map((_, i) => data.slice(i * dim, (i + 1) * dim))
  }
}
