import { describe, expect, it } from 'vitest'
import { DEFAULT_SIMILARITY_THRESHOLD, analyzeText, findSimilar, similarity } from '../similarity.ts'
import { canonicalNumbers } from './numbers.ts'
import { englishCognate } from './cognates.ts'

describe('similarity finds what people mean (issue 18)', () => {
  it('hints "Raise our Series A" while someone types "Close our Series A round"', () => {
    const hits = findSimilar('Close our Series A round', ['Raise our Series A', 'Raise prices by 10%', 'Close the Barcelona office'])
    expect(hits.map((h) => h.index)).toEqual([0])
  })

  it('scores "Become #1" and "Win the … market" in one city high', () => {
    expect(similarity('Become #1 coffee retailer in Lyon', 'Win the coffee retail market in Lyon')).toBeGreaterThan(0.6)
  })

  it('keeps a shared city from merging different goals', () => {
    expect(similarity('Become #1 coffee retailer in Lyon', 'Open a bakery in Lyon')).toBeLessThan(DEFAULT_SIMILARITY_THRESHOLD)
  })

  it('reads raise/close/complete as the same when a funding round is the object, not otherwise', () => {
    expect(similarity('Complete the Series A financing', 'Cerrar la ronda Serie A')).toBeGreaterThan(DEFAULT_SIMILARITY_THRESHOLD)
    expect(similarity('Raise prices by 10%', 'Raise our Series A')).toBeLessThan(DEFAULT_SIMILARITY_THRESHOLD)
  })

  it('tells one funding round from another', () => {
    expect(similarity('Raise our Series A', 'Raise our Series B')).toBeLessThan(DEFAULT_SIMILARITY_THRESHOLD)
  })

  it('matches everyday business words across English and Spanish', () => {
    expect(similarity('Process customer returns in 48 hours', 'Gestionar las devoluciones en menos de 48 horas')).toBeGreaterThan(DEFAULT_SIMILARITY_THRESHOLD)
    expect(similarity('Hire 40 nurses for the new hospital wing', 'Contratar 40 enfermeras para el hospital')).toBeGreaterThan(DEFAULT_SIMILARITY_THRESHOLD)
    expect(similarity('Replace the payroll tool', 'Close the gender pay gap')).toBeLessThan(DEFAULT_SIMILARITY_THRESHOLD)
  })

  it('weighs a shared name more than a shared common word', () => {
    const names = analyzeText('Grow coffee sales in Lyon')
    expect(names.entities).toContain('lyon')
    expect(analyzeText('Grow Coffee Sales In Lyon Fast').entities).toEqual([])
  })

  it('does not read a real word as a typo of a table word that differs only in its last letter', () => {
    expect(analyzeText('Win the coffee retail market').terms).not.toContain('#retention')
  })

  it('reads number words and magnitudes as digits', () => {
    expect(canonicalNumbers(['hire', 'five', 'aes'])).toEqual(['hire', '5', 'aes'])
    expect(canonicalNumbers(['10m', 'arr'])).toEqual(['10000000', 'arr'])
    expect(canonicalNumbers(['10', 'millones', 'de', 'arr'])).toEqual(['10000000', 'de', 'arr'])
    expect(canonicalNumbers(['grow', 'revenue', '2x'])).toEqual(['grow', 'revenue', 'double'])
  })

  it('matches Spanish and English cognates through their suffixes', () => {
    expect(englishCognate('activacion')).toBe('activation')
    expect(englishCognate('diversidad')).toBe('diversity')
    expect(englishCognate('casa')).toBeUndefined()
    expect(similarity('Mejorar la automatización del almacén', 'Warehouse automation')).toBeGreaterThan(
      similarity('Mejorar el almacén', 'Warehouse automation'),
    )
  })
})
