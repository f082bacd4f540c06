import { describe, expect, it } from 'vitest'
import { alignmentTree, type AlignmentNode } from './alignmentTree.ts'
import { COMPANY, departmentSet, deptObjective } from './cascadeFixtures.ts'
import type { PersonalObjective } from './cascadeTypes.ts'

/** The tree as nested ids, to compare shapes at a glance. */
const shape = (nodes: AlignmentNode[]): unknown[] => nodes.map((n) => (n.children.length ? [n.id, shape(n.children)] : n.id))

const personal = (id: string, supports: PersonalObjective['supports']): PersonalObjective => ({
  id,
  title: `Personal ${id}`,
  person: 'Ana',
  keyResults: [],
  supports,
})

describe('alignmentTree', () => {
  it('puts department objectives under the company objective they support, directly or through a key result', () => {
    const tree = alignmentTree(COMPANY, [departmentSet()])
    expect(shape(tree.roots)).toEqual([
      ['c1', ['d1']],
      ['c2', ['d2']],
    ])
    expect(tree.unaligned).toEqual([])
    const [c1, c2] = tree.roots
    expect(c1?.children[0]).toMatchObject({ level: 'department', owner: 'Sales', viaKeyResult: null, confirmation: 'draft' })
    expect(c2?.children[0]?.viaKeyResult).toEqual({ id: 'c2-kr1', statement: 'Key result c2-kr1' })
  })
  it('gathers several departments under one company objective, in order', () => {
    const marketing = departmentSet({
      id: 'ds-mkt',
      department: 'Marketing',
      objectives: [deptObjective('m1')],
      confirmation: { status: 'confirmed', by: 'ceo', at: 1 },
    })
    const tree = alignmentTree(COMPANY, [departmentSet(), marketing])
    expect(shape(tree.roots)).toEqual([
      ['c1', ['d1', 'm1']],
      ['c2', ['d2']],
    ])
    expect(tree.roots[0]?.children[1]).toMatchObject({ owner: 'Marketing', confirmation: 'confirmed' })
  })
  it('hangs personal objectives under the department (or company) OKR they support', () => {
    const people = [
      personal('p1', { kind: 'objective', id: 'd1' }),
      personal('p2', { kind: 'keyResult', id: 'd2-kr' }),
      personal('p3', { kind: 'objective', id: 'c2' }),
    ]
    const tree = alignmentTree(COMPANY, [departmentSet()], people)
    expect(shape(tree.roots)).toEqual([
      ['c1', [['d1', ['p1']]]],
      ['c2', [['d2', ['p2']], 'p3']],
    ])
    expect(tree.roots[1]?.children[0]?.children[0]).toMatchObject({ level: 'personal', owner: 'Ana', viaKeyResult: { id: 'd2-kr' } })
  })
  it('keeps objectives whose link is missing or broken apart, with what hangs under them', () => {
    const set = departmentSet({ objectives: [deptObjective('d1', { supports: null }), deptObjective('d2', { supports: { kind: 'objective', id: 'gone' } })] })
    const people = [personal('p1', { kind: 'objective', id: 'd1' }), personal('p2', null)]
    const tree = alignmentTree(COMPANY, [set], people)
    expect(shape(tree.roots)).toEqual(['c1', 'c2'])
    expect(shape(tree.unaligned)).toEqual([['d1', ['p1']], 'd2', 'p2'])
  })
  it('does not let a department objective hang under another department objective', () => {
    const set = departmentSet({ objectives: [deptObjective('d1'), deptObjective('d2', { supports: { kind: 'objective', id: 'd1' } })] })
    expect(shape(alignmentTree(COMPANY, [set]).unaligned)).toEqual(['d2'])
  })
  it('does not let a personal objective hang under another personal one', () => {
    const people = [personal('p1', { kind: 'objective', id: 'd1' }), personal('p2', { kind: 'objective', id: 'p1' })]
    const tree = alignmentTree(COMPANY, [departmentSet()], people)
    expect(shape(tree.roots)).toEqual([
      ['c1', [['d1', ['p1']]]],
      ['c2', ['d2']],
    ])
    expect(shape(tree.unaligned)).toEqual(['p2'])
  })
  it('never lets a department OKR with a clashing id take the place of a company one', () => {
    const clash = departmentSet({
      objectives: [
        deptObjective('c2', { supports: { kind: 'objective', id: 'c1' } }),
        deptObjective('d9', { supports: { kind: 'objective', id: 'c1' }, keyResults: [{ id: 'c2-kr1', statement: 'Clash', owner: '', confidence: 5 }] }),
      ],
    })
    const people = [personal('p1', { kind: 'objective', id: 'c2' }), personal('p2', { kind: 'keyResult', id: 'c2-kr1' })]
    const tree = alignmentTree(COMPANY, [clash], people)
    expect(shape(tree.roots)).toEqual([
      ['c1', ['c2', 'd9']],
      ['c2', ['p1', 'p2']],
    ])
    expect(tree.roots[1]?.children[1]?.viaKeyResult).toEqual({ id: 'c2-kr1', statement: 'Key result c2-kr1' })
  })
  it('colours each objective with the worst-of roll-up of its key results', () => {
    const history = [
      { keyResultId: 'c1-kr1', weekId: '2027-01-11', confidence: 8 },
      { keyResultId: 'c1-kr2', weekId: '2027-01-11', confidence: 3 },
      { keyResultId: 'd1-kr', weekId: '2027-01-11', confidence: 7 },
    ]
    const tree = alignmentTree(COMPANY, [departmentSet()], [], history)
    expect(tree.roots.map((n) => n.colour)).toEqual(['red', 'yellow'])
    expect(tree.roots[0]?.children[0]?.colour).toBe('green')
  })
})
