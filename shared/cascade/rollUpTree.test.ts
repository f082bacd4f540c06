import { describe, expect, it } from 'vitest'
import type { ConfidenceBand } from '../keyResults/confidenceBand.ts'
import type { AlignmentNode } from './alignmentTree.ts'
import { worseBand, worstBelow } from './rollUpTree.ts'

const node = (id: string, colour: ConfidenceBand | null, children: AlignmentNode[] = []): AlignmentNode => ({
  level: 'company',
  id,
  title: id,
  owner: '',
  viaKeyResult: null,
  colour,
  confirmation: null,
  children,
})

describe('worstBelow', () => {
  it('orders colours red < yellow < green, and no confidence hides nothing', () => {
    expect(worseBand('green', 'yellow')).toBe('yellow')
    expect(worseBand('red', 'yellow')).toBe('red')
    expect(worseBand(null, 'green')).toBe('green')
    expect(worseBand(null, null)).toBeNull()
  })

  it('is null for a leaf, and ignores the node’s own colour', () => {
    expect(worstBelow(node('c', 'red'))).toBeNull()
    expect(worstBelow(node('c', 'red', [node('d', 'green')]))).toBe('green')
  })

  it('reaches grandchildren: a red personal OKR under a green department one shows on the company objective', () => {
    const tree = node('c', 'green', [node('d1', 'green', [node('p', 'red')]), node('d2', 'yellow')])
    expect(worstBelow(tree)).toBe('red')
    expect(worstBelow(tree.children[0]!)).toBe('red')
  })
})
