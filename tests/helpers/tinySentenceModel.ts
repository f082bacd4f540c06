/**
 * Writes a tiny sentence-embedding model in the layout @huggingface/transformers loads for a
 * "feature-extraction" pipeline, so the ONNX provider's real loading code runs in CI without
 * downloading weights: <dir>/config.json, tokenizer.json, tokenizer_config.json and onnx/model.onnx.
 *
 * The model is one Gather: token id → a row of an embedding table, as `last_hidden_state`. With mean
 * pooling and normalisation the sentence vector is the normalised mean of its tokens' rows, which a
 * test can compute on its own (see expectedVector). The ONNX protobuf is encoded by hand: the few
 * message types needed are a page of code, where the onnx schema would need a protobuf toolchain.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface TinyModel {
  dir: string
  vocab: readonly string[]
  table: readonly (readonly number[])[]
}

// --- protobuf wire format (varint, length-delimited), just what ModelProto needs ---
function varint(value: number | bigint): number[] {
  let v = BigInt(value)
  const out: number[] = []
  do {
    let byte = Number(v & 0x7fn)
    v >>= 7n
    if (v > 0n) byte |= 0x80
    out.push(byte)
  } while (v > 0n)
  return out
}
const key = (field: number, wire: number) => varint((field << 3) | wire)
const int = (field: number, value: number) => [...key(field, 0), ...varint(value)]
const bytes = (field: number, payload: readonly number[] | Uint8Array) => [...key(field, 2), ...varint(payload.length), ...payload]
const str = (field: number, text: string) => bytes(field, new TextEncoder().encode(text))

const FLOAT = 1
const INT64 = 7

function tensorType(elemType: number, dims: ReadonlyArray<string | number>): number[] {
  const shape = dims.flatMap((d) => bytes(1, typeof d === 'number' ? int(1, d) : str(2, d)))
  return bytes(1, [...int(1, elemType), ...bytes(2, shape)])
}
const valueInfo = (name: string, elemType: number, dims: ReadonlyArray<string | number>) => [...str(1, name), ...bytes(2, tensorType(elemType, dims))]

function floatTensor(name: string, rows: readonly (readonly number[])[]): number[] {
  const data = new Float32Array(rows.flat())
  return [...int(1, rows.length), ...int(1, rows[0]?.length ?? 0), ...int(2, FLOAT), ...str(8, name), ...bytes(9, new Uint8Array(data.buffer))]
}

/** ModelProto bytes of: last_hidden_state = Gather(embeddings, input_ids). */
export function gatherModelBytes(table: readonly (readonly number[])[]): Uint8Array {
  const dim = table[0]?.length ?? 0
  const node = [...str(1, 'embeddings'), ...str(1, 'input_ids'), ...str(2, 'last_hidden_state'), ...str(3, 'lookup'), ...str(4, 'Gather')]
  const graph = [
    ...bytes(1, node),
    ...str(2, 'tiny-sentence-model'),
    ...bytes(5, floatTensor('embeddings', table)),
    ...bytes(11, valueInfo('input_ids', INT64, ['batch', 'sequence'])),
    ...bytes(12, valueInfo('last_hidden_state', FLOAT, ['batch', 'sequence', dim])),
  ]
  const opset = [...str(1, ''), ...int(2, 13)]
  return new Uint8Array([...int(1, 8), ...str(2, 'quarterdeck-tests'), ...bytes(7, graph), ...bytes(8, opset)])
}

/**
 * Writes the model under `parent/name`. Tokens are lower-cased words split on whitespace and
 * punctuation; unknown words read as "[UNK]" (id 0), padding is "[PAD]" (id 1).
 */
export function writeTinySentenceModel(parent: string, name: string, words: readonly string[], table: readonly (readonly number[])[]): TinyModel {
  const vocab = ['[UNK]', '[PAD]', ...words]
  if (table.length !== vocab.length) throw new Error(`the table needs ${vocab.length} rows (UNK, PAD and one per word)`)
  const dir = join(parent, name)
  mkdirSync(join(dir, 'onnx'), { recursive: true })
  writeFileSync(join(dir, 'onnx', 'model.onnx'), gatherModelBytes(table))
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ model_type: 'bert', architectures: ['BertModel'], hidden_size: table[0]?.length ?? 0 }))
  writeFileSync(
    join(dir, 'tokenizer_config.json'),
    JSON.stringify({ tokenizer_class: 'PreTrainedTokenizer', unk_token: '[UNK]', pad_token: '[PAD]', model_max_length: 128 }),
  )
  writeFileSync(
    join(dir, 'tokenizer.json'),
    JSON.stringify({
      version: '1.0',
      truncation: null,
      padding: null,
      added_tokens: [
        { id: 0, content: '[UNK]', single_word: false, lstrip: false, rstrip: false, normalized: false, special: true },
        { id: 1, content: '[PAD]', single_word: false, lstrip: false, rstrip: false, normalized: false, special: true },
      ],
      normalizer: { type: 'Lowercase' },
      pre_tokenizer: { type: 'Whitespace' },
      post_processor: null,
      decoder: null,
      model: { type: 'WordLevel', vocab: Object.fromEntries(vocab.map((w, i) => [w, i])), unk_token: '[UNK]' },
    }),
  )
  return { dir, vocab, table }
}

/** What the pipeline should return for a text: the L2-normalised mean of its tokens' rows. */
export function expectedVector(model: TinyModel, text: string): number[] {
  const ids = (text.toLowerCase().match(/\w+|[^\w\s]+/g) ?? []).map((w) => Math.max(0, model.vocab.indexOf(w)))
  const dim = model.table[0]?.length ?? 0
  const sum = new Array<number>(dim).fill(0)
  for (const id of ids) (model.table[id] as number[]).forEach((x, k) => (sum[k] = (sum[k] as number) + x))
  const mean = sum.map((x) => x / Math.max(1, ids.length))
  const norm = Math.hypot(...mean)
  return mean.map((x) => (norm === 0 ? 0 : x / norm))
}
