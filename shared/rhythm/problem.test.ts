import { describe, expect, it } from 'vitest'
import { quoted } from './problem.ts'

describe('quoted', () => {
  it('quotes people’s text, tidying its whitespace', () => {
    expect(quoted('  Ship the\n pricing page ', 'A priority')).toBe('“Ship the pricing page”')
  })
  it('uses the fallback for empty text', () => {
    expect(quoted('   ', 'A priority')).toBe('A priority')
  })
  it('shortens long text to 60 characters with an ellipsis', () => {
    const q = quoted('x'.repeat(100), 'A priority')
    expect(q).toBe(`“${'x'.repeat(59)}…”`)
  })
})
