import { describe, expect, it } from 'vitest'
import { COMPANY, departmentSet, deptObjective } from './cascadeFixtures.ts'
import type { DepartmentSet } from './cascadeTypes.ts'
import { confirmDepartmentSet, sendBack, submitDepartmentSet } from './departmentConfirmation.ts'

const ceo = { id: 'ceo', isCeo: true }
const lead = { id: 'lead', isCeo: false }
const submitted = (): DepartmentSet => departmentSet({ confirmation: { status: 'submitted', by: 'lead', at: 10 } })

describe('submitDepartmentSet', () => {
  it('sends an aligned draft to the CEO', () => {
    const r = submitDepartmentSet(departmentSet(), COMPANY, lead, 10)
    expect(r).toMatchObject({ ok: true, set: { confirmation: { status: 'submitted', by: 'lead', at: 10 } } })
  })
  it('refuses a set with an unlinked objective, saying which', () => {
    const set = departmentSet({ objectives: [deptObjective('d1', { title: 'Hire two AEs', supports: null })] })
    expect(submitDepartmentSet(set, COMPANY, lead, 10)).toEqual({
      ok: false,
      code: 'not_aligned',
      reason: 'Link every objective to the company set first. “Hire two AEs” does not say which company objective it supports.',
    })
  })
  it('resubmits a set that was sent back', () => {
    const back = departmentSet({ confirmation: { status: 'sent_back', by: 'ceo', at: 5, comment: 'Fewer objectives' } })
    expect(submitDepartmentSet(back, COMPANY, lead, 20)).toMatchObject({ ok: true, set: { confirmation: { status: 'submitted', at: 20 } } })
  })
  it('refuses to submit a set that is already waiting or confirmed', () => {
    expect(submitDepartmentSet(submitted(), COMPANY, lead, 20)).toEqual({ ok: false, code: 'wrong_status', reason: "Sales's set is waiting for the CEO." })
    const done = departmentSet({ confirmation: { status: 'confirmed', by: 'ceo', at: 5 } })
    expect(submitDepartmentSet(done, COMPANY, lead, 20)).toMatchObject({ ok: false, code: 'wrong_status' })
  })
})

describe('confirmDepartmentSet', () => {
  it('lets the CEO confirm a submitted set', () => {
    const set = submitted()
    const r = confirmDepartmentSet(set, ceo, 30)
    expect(r).toEqual({ ok: true, set: { ...set, confirmation: { status: 'confirmed', by: 'ceo', at: 30 } } })
    expect(set.confirmation.status).toBe('submitted')
  })
  it('refuses anyone but the CEO', () => {
    expect(confirmDepartmentSet(submitted(), lead, 30)).toEqual({ ok: false, code: 'forbidden', reason: 'Only the CEO confirms a department set.' })
  })
  it('refuses a draft, a set sent back, or one already confirmed', () => {
    expect(confirmDepartmentSet(departmentSet(), ceo, 30)).toEqual({ ok: false, code: 'wrong_status', reason: "Sales's set is still a draft." })
    const back = departmentSet({ confirmation: { status: 'sent_back', by: 'ceo', at: 5, comment: 'x' } })
    expect(confirmDepartmentSet(back, ceo, 30)).toMatchObject({ ok: false, code: 'wrong_status' })
    const done = departmentSet({ confirmation: { status: 'confirmed', by: 'ceo', at: 5 } })
    expect(confirmDepartmentSet(done, ceo, 30)).toMatchObject({ ok: false, code: 'wrong_status' })
  })
})

describe('sendBack', () => {
  it('lets the CEO send a submitted set back with a comment', () => {
    expect(sendBack(submitted(), ceo, '  Tie d2 to revenue, not onboarding ', 40)).toMatchObject({
      ok: true,
      set: { confirmation: { status: 'sent_back', by: 'ceo', at: 40, comment: 'Tie d2 to revenue, not onboarding' } },
    })
  })
  it('requires a comment', () => {
    expect(sendBack(submitted(), ceo, '   ', 40)).toEqual({
      ok: false,
      code: 'comment_required',
      reason: 'Tell Sales what to change before sending the set back.',
    })
  })
  it('refuses anyone but the CEO, and a set not waiting for confirmation', () => {
    expect(sendBack(submitted(), lead, 'No', 40)).toMatchObject({ ok: false, code: 'forbidden' })
    expect(sendBack(departmentSet(), ceo, 'No', 40)).toMatchObject({ ok: false, code: 'wrong_status' })
  })
  it('goes round the loop: submit, send back, resubmit, confirm', () => {
    let set = departmentSet()
    for (const step of [
      (s: DepartmentSet) => submitDepartmentSet(s, COMPANY, lead, 1),
      (s: DepartmentSet) => sendBack(s, ceo, 'One objective too many', 2),
      (s: DepartmentSet) => submitDepartmentSet(s, COMPANY, lead, 3),
      (s: DepartmentSet) => confirmDepartmentSet(s, ceo, 4),
    ]) {
      const r = step(set)
      if (!r.ok) throw new Error(r.reason)
      set = r.set
    }
    expect(set.confirmation).toEqual({ status: 'confirmed', by: 'ceo', at: 4 })
  })
})
