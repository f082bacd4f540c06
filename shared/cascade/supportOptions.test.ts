import { describe, expect, it } from 'vitest'
import { COMPANY } from './cascadeFixtures.ts'
import { decodeLink, describeLink, encodeLink, supportOptions } from './supportOptions.ts'

describe('supportOptions', () => {
  it('lists each objective, then its key results, numbered like the published page', () => {
    expect(supportOptions(COMPANY.objectives).map((o) => [o.value, o.label])).toEqual([
      ['objective:c1', 'O1: Customers love onboarding'],
      ['keyResult:c1-kr1', 'O1 · KR1: Key result c1-kr1'],
      ['keyResult:c1-kr2', 'O1 · KR2: Key result c1-kr2'],
      ['objective:c2', 'O2: Grow revenue in Spain'],
      ['keyResult:c2-kr1', 'O2 · KR1: Key result c2-kr1'],
    ])
  })

  it('shortens long statements', () => {
    const [, kr] = supportOptions([{ id: 'o', title: 'T', keyResults: [{ id: 'k', statement: 'x'.repeat(200), owner: '', confidence: 5 }] }])
    expect(kr!.label.length).toBeLessThan(110)
    expect(kr!.label.endsWith('…')).toBe(true)
  })

  it('round-trips links through select values and refuses anything else', () => {
    expect(decodeLink(encodeLink({ kind: 'keyResult', id: 'c1-kr2' }))).toEqual({ kind: 'keyResult', id: 'c1-kr2' })
    expect(encodeLink(null)).toBe('')
    for (const bad of ['', 'objective:', 'team:c1', 'objective:c1 x', 'objective:../x']) expect(decodeLink(bad)).toBeNull()
  })

  it('describes a link only when it points into the set', () => {
    expect(describeLink(COMPANY.objectives, { kind: 'keyResult', id: 'c2-kr1' })?.label).toBe('O2 · KR1: Key result c2-kr1')
    expect(describeLink(COMPANY.objectives, { kind: 'objective', id: 'c2-kr1' })).toBeNull()
    expect(describeLink(COMPANY.objectives, null)).toBeNull()
  })
})
