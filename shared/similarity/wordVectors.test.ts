import { describe, expect, it } from 'vitest'
import { buildSimilarityIndex, groupSimilar, scoredPairs } from '../similarity.ts'
import { englishWordsOf, parseWordVectors, sentenceVector, type WordVectorTable } from './wordVectors.ts'

/** A table in the file format scripts/deriveWordVectors.ts writes, from plain vectors. */
function tableOf(vectors: Record<string, number[]>): WordVectorTable {
  const words = Object.keys(vectors)
  const dims = (vectors[words[0] as string] as number[]).length
  const header = new TextEncoder().encode(`WV1\n${words.length} ${dims}\n${words.join('\n')}\n`)
  const bytes = new Uint8Array(header.length + words.length * dims)
  bytes.set(header)
  const matrix = new Int8Array(bytes.buffer, header.length)
  words.forEach((w, i) => (vectors[w] as number[]).forEach((x, d) => (matrix[i * dims + d] = Math.round(x * 127))))
  return parseWordVectors(bytes)
}

// Made-up words no lexicon knows: zorbel ≈ quintar (axis 0), vessex elsewhere (axis 1); "europe"/"asia" are places.
const TABLE = tableOf({
  open: [0, 0, 0.7, 0.7],
  zorbel: [1, 0, 0, 0],
  quintar: [0.95, 0.3, 0, 0],
  vessex: [0, 1, 0, 0],
  new: [0, 0, 0.6, -0.8],
  europe: [0, 0, 1, 0],
  asia: [0, 0, 0.9, 0.4],
})
const BOOST = { table: TABLE, weight: 0.35, floor: 0.6, minKnown: 2 }

describe('word vectors (issue 18b)', () => {
  it('parses the file format and refuses anything else', () => {
    expect(TABLE.dims).toBe(4)
    expect(TABLE.rows.get('vessex')).toBe(3)
    expect(() => parseWordVectors(new TextEncoder().encode('nope\n'))).toThrow(/WV1/)
  })

  it('reads Spanish words through the bilingual lexicon, English words as typed, no stop words or numbers', () => {
    expect(englishWordsOf('Abrir 8 tiendas nuevas')).toEqual(['open', 'shop', 'new'])
    expect(englishWordsOf('Open 8 new stores')).toEqual(['open', 'new', 'stores'])
  })

  it('reads a Spanish word as the lexical terms do: an OKR table concept before a lexicon stem', () => {
    // The lexicon's "contrato" and "baja" share stems with "contratar" and "bajar"; the tables know the verbs.
    expect(englishWordsOf('Contratar 12 ingenieros')).toEqual(['hire', 'engineer'])
    expect(englishWordsOf('Bajar los costes')[0]).toBe('reduce')
    expect(englishWordsOf('Las métricas clave')).toContain('key')
  })

  it('builds a unit sentence vector from known words only, undefined when none is known', () => {
    const s = sentenceVector(['zorbel', 'zzz', 'quintar'], TABLE, () => 1)
    expect(s?.known).toBe(2)
    expect(Math.hypot(...(s?.vector ?? []))).toBeCloseTo(1, 5)
    expect(sentenceVector(['zzz'], TABLE, () => 1)).toBeUndefined()
  })

  it('lifts a pair the lexical score misses, only where the vectors agree', () => {
    const texts = ['Open a new zorbel', 'Open a new quintar', 'Open a new vessex']
    expect(groupSimilar(texts, 0.6)).toEqual([])
    expect(groupSimilar(texts, 0.6, { wordVectors: BOOST })).toEqual([[0, 1]])
  })

  it('with a neighbour gate, lifts only mutual nearest neighbours', () => {
    // zorbel ≈ quintar ≈ zorbex (axis 0): without the gate the three chain into one group; with one
    // nearest neighbour each, zorbel and zorbex (closest: their vectors and spelling agree) pair up and
    // quintar, whose nearest (zorbel) has a nearer one, is not lifted.
    const table = tableOf({ open: [0, 0, 0.7, 0.7], new: [0, 0, 0.6, -0.8], zorbel: [1, 0, 0, 0], quintar: [0.99, 0.14, 0, 0], zorbex: [0.99, -0.14, 0, 0] })
    const texts = ['Open a new zorbel', 'Open a new quintar', 'Open a new zorbex']
    const boost = { table, weight: 0.35, floor: 0.6, minKnown: 2 }
    expect(groupSimilar(texts, 0.6, { wordVectors: boost })).toEqual([[0, 1, 2]])
    expect(groupSimilar(texts, 0.6, { wordVectors: { ...boost, neighbours: 1 } })).toEqual([[0, 2]])
    // Pairs the lexical score groups on its own are kept whatever the gate says.
    expect(groupSimilar(['Open a new zorbel', 'Open a new zorbel now', 'Open a new quintar'], 0.6, { wordVectors: { ...boost, neighbours: 1 } })).toEqual([
      [0, 1],
    ])
  })

  it('reports the lifted scores it groups by (the close pairs of the panel), never a contrasting pair', () => {
    const index = buildSimilarityIndex(['Open a new zorbel', 'Open a new quintar', 'Open a new zorbel in Europe', 'Open a new zorbel in Asia'])
    const lexical = scoredPairs(index, 0.01)
    const lifted = scoredPairs(index, 0.01, undefined, BOOST)
    const score = (pairs: typeof lexical, a: number, b: number) => pairs.find((p) => p.a === a && p.b === b)?.score ?? 0
    expect(score(lifted, 0, 1)).toBeGreaterThan(score(lexical, 0, 1))
    expect(lifted.some((p) => p.a === 2 && p.b === 3)).toBe(false)
    expect(lifted.every((p) => p.score >= 0.01)).toBe(true)
  })

  it('never lifts a contrasting pair (different places)', () => {
    const texts = ['Open a new zorbel in Europe', 'Open a new quintar in Asia']
    expect(groupSimilar(texts, 0.5, { wordVectors: BOOST })).toEqual([])
    // The same pair in one place is lifted: it is the contrast that keeps them apart.
    expect(groupSimilar(['Open a new zorbel in Europe', 'Open a new quintar in Europe'], 0.5, { wordVectors: BOOST })).toEqual([[0, 1]])
  })
})
