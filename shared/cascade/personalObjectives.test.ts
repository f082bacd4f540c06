import { describe, expect, it } from 'vitest'
import { COMPANY, departmentSet } from './cascadeFixtures.ts'
import type { PersonalObjective } from './cascadeTypes.ts'
import { MAX_PERSONAL_OBJECTIVES, addPersonalObjective, removePersonalObjective } from './personalObjectives.ts'

const upward = { department: departmentSet().objectives, company: COMPANY.objectives }
const personal = (id: string, over: Partial<PersonalObjective> = {}): PersonalObjective => ({
  id,
  person: 'Bo',
  title: 'Shorter demos',
  keyResults: [{ id: `${id}-kr`, statement: 'Demo in 20 minutes', owner: 'Bo', confidence: 5 }],
  supports: { kind: 'keyResult', id: 'd1-kr' },
  ...over,
})

describe('personal objectives', () => {
  it('adds one that supports a department objective, key result, or a company OKR', () => {
    for (const supports of [
      { kind: 'objective', id: 'd2' },
      { kind: 'keyResult', id: 'd1-kr' },
      { kind: 'objective', id: 'c1' },
    ] as const) {
      const result = addPersonalObjective([], personal('p1', { supports }), upward)
      expect(result).toEqual({ ok: true, list: [personal('p1', { supports })] })
    }
  })

  it('refuses one that supports nothing known, has no key result, or repeats an id', () => {
    expect(addPersonalObjective([], personal('p1', { supports: { kind: 'keyResult', id: 'elsewhere' } }), upward)).toMatchObject({
      ok: false,
      code: 'not_found',
    })
    expect(addPersonalObjective([], personal('p1', { supports: null }), upward)).toMatchObject({ ok: false, code: 'bad_command' })
    expect(addPersonalObjective([], personal('p1', { keyResults: [] }), upward)).toMatchObject({ ok: false, code: 'bad_command' })
    expect(addPersonalObjective([personal('p1')], personal('p1'), upward)).toMatchObject({ ok: false, code: 'bad_command' })
  })

  it('keeps the list bounded', () => {
    const full = Array.from({ length: MAX_PERSONAL_OBJECTIVES }, (_, i) => personal(`p${i}`))
    expect(addPersonalObjective(full, personal('extra'), upward)).toMatchObject({ ok: false, code: 'limit_reached' })
  })

  it('removes by id, and says so when it is already gone', () => {
    expect(removePersonalObjective([personal('p1'), personal('p2')], 'p1')).toEqual({ ok: true, list: [personal('p2')] })
    expect(removePersonalObjective([personal('p2')], 'p1')).toMatchObject({ ok: false, code: 'not_found' })
  })
})
