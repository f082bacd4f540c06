import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import fixture from '../tests/fixtures/similarity-labelled.json' with { type: 'json' }
import {
  analyzeText,
  buildSimilarityIndex,
  DEFAULT_SIMILARITY_THRESHOLD,
  findSimilar,
  groupSimilar,
  normalizeText,
  querySimilarityIndex,
  similarity,
} from './similarity.ts'
import { scoreGrouping } from './similarityQuality.ts'

interface LabelledItem {
  text: string
  group: string
  split?: string
}
const items: readonly LabelledItem[] = fixture.items

/** Whether texts[i] and texts[j] ended up in one group. */
function isGrouped(texts: readonly string[], i: number, j: number): boolean {
  return groupSimilar(texts).some((g) => g.includes(i) && g.includes(j))
}

describe('normalizeText', () => {
  it('folds Spanish accents, case and punctuation', () => {
    expect(normalizeText('Reducir la Rotación!')).toBe('reducir la rotacion')
    expect(normalizeText('Año · Niño – Pingüino')).toBe('ano nino pinguino')
  })

  it('reads digit groups the same in either locale', () => {
    expect(normalizeText('99,99% uptime')).toBe(normalizeText('99.99% uptime'))
    expect(normalizeText('10.000 miembros')).toBe('10000 miembros')
  })

  it('turns empty and whitespace-only text into an empty string', () => {
    expect(normalizeText('')).toBe('')
    expect(normalizeText('  \n\t ')).toBe('')
    expect(normalizeText('¡¿…?!')).toBe('')
  })
})

describe('analyzeText', () => {
  it('drops English and Spanish stop words', () => {
    expect(analyzeText('Reduce the churn of our customers').terms).toEqual(analyzeText('reduce churn customers').terms)
    expect(analyzeText('Reducir la rotación de los clientes').terms).toEqual(analyzeText('reducir rotacion clientes').terms)
  })

  it('stems inflections in both languages', () => {
    expect(analyzeText('Hiring engineers').terms).toEqual(analyzeText('Hire an engineer').terms)
    expect(analyzeText('Contratación de ingenieros').terms).toEqual(analyzeText('Contratar ingeniero').terms)
  })

  it('maps common OKR words of both languages to one concept', () => {
    expect(analyzeText('Grow revenue').terms).toEqual(analyzeText('Aumentar ingresos').terms)
    expect(analyzeText('Increase sales').terms).toEqual(analyzeText('Crecer las ventas').terms)
  })

  it('reads a one-letter typo of an OKR word as that word', () => {
    expect(analyzeText('Reduce custmer churn').terms).toEqual(analyzeText('Reduce customer churn').terms)
    expect(analyzeText('Migarte to Kubernetes').terms).toEqual(analyzeText('Migrate to Kubernetes').terms)
  })

  it('keeps short acronyms whole in either language', () => {
    expect(analyzeText('Improve NPS').terms).toEqual(analyzeText('Mejorar el NPS').terms)
  })
})

describe('similarity', () => {
  it('is 1 for the same text typed differently', () => {
    expect(similarity('Reducir la rotación de clientes', 'reducir la ROTACION de clientes.')).toBe(1)
  })

  it('is 0 for texts with nothing in common, or empty', () => {
    expect(similarity('Reduce customer churn', 'Launch the Android app')).toBe(0)
    expect(similarity('', '')).toBe(0)
    expect(similarity('   ', 'Reduce churn')).toBe(0)
  })

  it('stays within [0, 1] and is symmetric for any text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const ab = similarity(a, b)
        expect(ab).toBeGreaterThanOrEqual(0)
        expect(ab).toBeLessThanOrEqual(1)
        expect(ab).toBeCloseTo(similarity(b, a), 9)
      }),
      { numRuns: 200 },
    )
  })

  it('scores a paraphrase above an objective that only shares a verb', () => {
    const paraphrase = similarity('Reduce customer churn', 'Cut customer attrition')
    const sameVerb = similarity('Reduce customer churn', 'Reduce hiring time')
    expect(paraphrase).toBeGreaterThan(sameVerb)
  })
})

describe('groupSimilar', () => {
  it('groups an English paraphrase with a typo', () => {
    expect(groupSimilar(['Reduce customer churn', 'Launch the Android app', 'Reduce custmer churn'])).toEqual([[0, 2]])
  })

  it('groups exact repeats that differ only in case, accents and punctuation', () => {
    expect(groupSimilar(['Reducir la rotación', 'reducir la rotacion!', 'REDUCIR LA ROTACIÓN'])).toEqual([[0, 1, 2]])
  })

  it('groups an objective with its Spanish translation', () => {
    expect(isGrouped(['Grow revenue in LATAM', 'Aumentar los ingresos en Latinoamérica', 'Ship dark mode'], 0, 1)).toBe(true)
  })

  it('groups mixed English and Spanish wording', () => {
    expect(isGrouped(['Reduce customer churn', 'Reducir el churn de clientes'], 0, 1)).toBe(true)
  })

  it('keeps "Grow revenue in Europe" apart from "Grow revenue in Asia"', () => {
    expect(groupSimilar(['Grow revenue in Europe', 'Grow revenue in Asia'])).toEqual([])
  })

  it('keeps "Reduce churn" apart from "Reduce hiring time"', () => {
    expect(groupSimilar(['Reduce churn', 'Reduce hiring time'])).toEqual([])
  })

  it('keeps customer churn apart from staff turnover, in Spanish too', () => {
    expect(groupSimilar(['Reducir la rotación de clientes', 'Reducir la rotación de personal'])).toEqual([])
    expect(groupSimilar(['Reduce customer churn', 'Reduce employee turnover'])).toEqual([])
  })

  it('keeps integrations with different vendors apart', () => {
    expect(groupSimilar(['Ship Salesforce integration', 'Ship HubSpot integration'])).toEqual([])
  })

  it('does not chain distinct objectives through a vague one', () => {
    const texts = ['Grow revenue in Europe', 'Increase European revenue', 'Grow revenue', 'Grow revenue in Asia', 'Aumentar las ventas en Asia']
    expect(isGrouped(texts, 0, 3)).toBe(false)
    expect(isGrouped(texts, 0, 1)).toBe(true)
    expect(isGrouped(texts, 3, 4)).toBe(true)
  })

  it('handles empty and whitespace-only text', () => {
    expect(groupSimilar([])).toEqual([])
    expect(groupSimilar(['', '   ', '\n\t', ''])).toEqual([])
    expect(groupSimilar(['', 'Reduce churn', '  ', 'reduce churn'])).toEqual([[1, 3]])
  })

  it('leaves out texts with no near-duplicate and orders groups by smallest index', () => {
    const texts = ['Ship dark mode', 'Launch the iOS app', 'Reduce churn', 'Release the iOS app', 'Cut churn', 'Sponsor a hackathon']
    expect(groupSimilar(texts)).toEqual([
      [1, 3],
      [2, 4],
    ])
  })

  it('is deterministic', () => {
    const texts = items.map((i) => i.text)
    const first = groupSimilar(texts)
    expect(groupSimilar(texts)).toEqual(first)
    expect(groupSimilar([...texts])).toEqual(first)
  })

  it('does not depend on the order of submissions', () => {
    const texts = items.map((i) => i.text)
    const order = texts.map((_, i) => i).reverse()
    const fromReversed = groupSimilar(order.map((i) => texts[i] as string))
      .map((g) => g.map((k) => order[k] as number).sort((x, y) => x - y))
      .sort((x, y) => (x[0] as number) - (y[0] as number))
    expect(fromReversed).toEqual(groupSimilar(texts))
  })

  it('groups more as the threshold falls', () => {
    const texts = items.map((i) => i.text)
    const pairsAt = (t: number) =>
      scoreGrouping(
        items.map((i) => i.group),
        groupSimilar(texts, t),
      ).predictedPairs
    expect(pairsAt(0.3)).toBeGreaterThan(pairsAt(DEFAULT_SIMILARITY_THRESHOLD))
    expect(pairsAt(DEFAULT_SIMILARITY_THRESHOLD)).toBeGreaterThan(pairsAt(0.6))
  })
})

describe('findSimilar', () => {
  const board = [
    'Reduce customer churn',
    'Launch the Android app',
    'Reducir la rotación de clientes',
    'Grow revenue in Europe',
    'Cut customer attrition',
    'Lower our churn rate',
    'Reduce churn below 3% monthly',
  ]

  it('suggests at most 3 existing objectives while typing, best first', () => {
    const found = findSimilar('reduce churn of customers', board)
    expect(found).toHaveLength(3)
    expect(found.map((f) => f.index)).toContain(0)
    for (const f of found) expect([0, 2, 4, 5, 6]).toContain(f.index)
    const scores = found.map((f) => f.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
  })

  it('honours limit and minScore', () => {
    expect(findSimilar('reduce churn', board, { limit: 1 })).toHaveLength(1)
    expect(findSimilar('reduce churn', board, { minScore: 1.01 })).toEqual([])
    expect(findSimilar('Ship dark mode', board)).toEqual([])
  })

  it('returns nothing for empty input or an empty board', () => {
    expect(findSimilar('', board)).toEqual([])
    expect(findSimilar('   ', board)).toEqual([])
    expect(findSimilar('Reduce churn', [])).toEqual([])
  })

  it('gives the same answer from a prebuilt index', () => {
    const index = buildSimilarityIndex(board)
    expect(querySimilarityIndex(index, 'Cut churn', { limit: 3, minScore: DEFAULT_SIMILARITY_THRESHOLD })).toEqual(findSimilar('Cut churn', board))
  })
})

describe('scoreGrouping', () => {
  it('scores a perfect grouping 1 and ignores singleton labels', () => {
    const score = scoreGrouping(
      ['a', 'a', 'b', 'c', 'b'],
      [
        [0, 1],
        [2, 4],
      ],
    )
    expect(score).toMatchObject({ precision: 1, recall: 1, f1: 1, truePairs: 2, predictedPairs: 2, correctPairs: 2 })
  })

  it('counts pairs: one group of four with two true pairs', () => {
    const score = scoreGrouping(['a', 'a', 'b', 'b', 'c'], [[0, 1, 2, 3]])
    expect(score.predictedPairs).toBe(6)
    expect(score.correctPairs).toBe(2)
    expect(score.precision).toBeCloseTo(2 / 6)
    expect(score.recall).toBe(1)
    expect(score.f1).toBeCloseTo(0.5)
  })

  it('gives precision 1 and recall 0 when nothing is grouped', () => {
    expect(scoreGrouping(['a', 'a'], [])).toMatchObject({ precision: 1, recall: 0, f1: 0 })
  })

  it('refuses indices out of range or in two groups', () => {
    expect(() => scoreGrouping(['a', 'a'], [[0, 2]])).toThrow(RangeError)
    expect(() =>
      scoreGrouping(
        ['a', 'a', 'a'],
        [
          [0, 1],
          [1, 2],
        ],
      ),
    ).toThrow(RangeError)
  })
})

describe('quality on the labelled fixture', () => {
  it('has at least 320 distinct, labelled submissions', () => {
    expect(items.length).toBeGreaterThanOrEqual(320)
    expect(new Set(items.map((i) => i.text)).size).toBe(items.length)
    for (const i of items) expect(i.group).not.toBe('')
  })

  // Floors sit a little under what `node --import tsx tests/bench/similarityBench.ts` measures at the
  // default threshold (all: F1 85.5%, precision 90.8%; holdout: F1 58.0%), so a regression fails here.
  it('keeps pairwise F1 and precision above the measured level', () => {
    const score = scoreGrouping(
      items.map((i) => i.group),
      groupSimilar(items.map((i) => i.text)),
    )
    expect(score.f1).toBeGreaterThanOrEqual(0.83)
    expect(score.precision).toBeGreaterThanOrEqual(0.87)
  })

  it('keeps pairwise F1 on holdout wording above the measured level', () => {
    const holdout = items.filter((i) => i.split === 'holdout')
    const score = scoreGrouping(
      holdout.map((i) => i.group),
      groupSimilar(holdout.map((i) => i.text)),
    )
    expect(score.f1).toBeGreaterThanOrEqual(0.53)
  })
})
