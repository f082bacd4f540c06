import { describe, expect, it } from 'vitest'
import { DEFAULT_SIMILARITY_THRESHOLD, analyzeText, groupSimilar, similarity } from '../similarity.ts'
import fixture from '../../tests/fixtures/similarity-labelled.json' with { type: 'json' }
import { canonicalNumbers } from './numbers.ts'
import { englishOf, englishTerm } from './lexiconTerms.ts'
import { ENGLISH_SYNONYM_PAIRS, SPANISH_ENGLISH_PAIRS } from './bilingualLexicon.ts'

describe('general bilingual lexicon (issue 18, third round)', () => {
  it('reads Spanish words and their conjugations as their English translation', () => {
    expect(englishOf('absentismo')).toBe('absence')
    expect(englishOf('exportamos')).toBe('export')
    expect(englishOf('xyzzy')).toBeUndefined()
  })

  it('compares English near-synonyms by one stem', () => {
    expect(englishTerm('attorney')).toBe(englishTerm('lawyer'))
    expect(englishTerm('attain')).toBe(englishTerm('reach'))
    expect(englishTerm('lawyer')).not.toBe(englishTerm('reach'))
  })

  it('matches objectives across languages through everyday words no OKR table names', () => {
    expect(similarity('Bajar el absentismo laboral', 'Reduce absenteeism')).toBeGreaterThan(DEFAULT_SIMILARITY_THRESHOLD)
    expect(similarity('Nuevo almacén en Oporto', 'New warehouse in Porto')).toBeGreaterThan(DEFAULT_SIMILARITY_THRESHOLD)
    expect(similarity('Renovar el alquiler de la oficina', 'Renew the office lease')).toBeGreaterThan(DEFAULT_SIMILARITY_THRESHOLD)
  })

  it('keeps different objects apart even when the lexicon knows both', () => {
    expect(similarity('Renew the office lease', 'Renew the company car fleet')).toBeLessThan(DEFAULT_SIMILARITY_THRESHOLD)
  })

  it('has no Spanish form listed under two English words', () => {
    const seen = new Map<string, string>()
    const clashes = SPANISH_ENGLISH_PAIRS.filter(([es, en]) => {
      const before = seen.get(es)
      seen.set(es, en)
      return before !== undefined && before !== en
    })
    expect(clashes).toEqual([])
    const synonyms = new Map<string, string>()
    const synonymClashes = ENGLISH_SYNONYM_PAIRS.filter(([w, canonical]) => {
      const before = synonyms.get(w)
      synonyms.set(w, canonical)
      return before !== undefined && before !== canonical
    })
    expect(synonymClashes).toEqual([])
  })

  it('meets a word family the stemmer leaves apart', () => {
    expect(similarity('Partnership agreements with hotel groups', 'Sign hotel partners')).toBeGreaterThan(
      similarity('Sign hotel chains', 'Partnership agreements with hotel groups'),
    )
  })
})

describe('numbers, phrases and fundraising (fourth round)', () => {
  it('reads a magnitude without a number and version numbers', () => {
    expect(canonicalNumbers(['medio', 'millon', 'de', 'visitantes'])).toEqual(['500000', 'de', 'visitantes'])
    expect(canonicalNumbers(['half', 'a', 'million'])).toEqual(['500000'])
    expect(canonicalNumbers(['vender', 'mil', 'coches'])).toEqual(['vender', '1000', 'coches'])
    expect(canonicalNumbers(['ship', 'v5'])).toEqual(['ship', 'version', '5'])
  })

  it('reads a synonym and a phrase of one concept alike', () => {
    expect(analyzeText('Improve bus punctuality').terms).toContain('#ontime')
    expect(analyzeText('Buses arrive on time').terms).toContain('#ontime')
    expect(analyzeText('Que los autobuses lleguen puntuales').terms).toContain('#ontime')
  })

  it('reads raising money as fundraising, not as growing something', () => {
    expect(analyzeText('Raise 2 million euros in donations').terms).toContain('#g-raisefunds')
    expect(analyzeText('Raise prices by 10%').terms).not.toContain('#g-raisefunds')
  })
})

describe('fewer false readings', () => {
  it('prefers an exact word to a stem of another, and keeps table concepts whole', () => {
    expect(analyzeText('Vender los pisos en menos de dos meses').terms).not.toContain('#g-table')
    expect(analyzeText('Shorter blackouts for our customers').terms).toContain('#incident')
    expect(analyzeText('Start phase II trials').terms).toContain('=2')
  })

  it('does not take a real word for a typo of a table word with another first letter', () => {
    expect(analyzeText('Replace the old phone system').terms).not.toContain('#ios')
    expect(analyzeText('Win the city council tender').terms).not.toContain('#gender')
  })

  it('does not match a short English word to a Spanish concept by its Spanish stem', () => {
    expect(analyzeText('Chase invoices past their due date').terms).not.toContain('#data')
  })

  it('never groups texts about different audiences through neutral texts between them', () => {
    // Among the first fixture's 420 texts, customer churn and staff turnover share "reduce" and "churn".
    const items = fixture.items
    for (const group of groupSimilar(
      items.map((i) => i.text),
      0.35,
    )) {
      const labels = new Set(group.map((k) => items[k]?.group))
      expect(labels.has('churn-customers') && labels.has('employee-turnover')).toBe(false)
    }
  })
})
