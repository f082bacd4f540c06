import { describe, expect, it } from 'vitest'
import { isOneLine } from './isOneLine.ts'

describe('isOneLine', () => {
  it('accepts a short line, ignoring surrounding whitespace', () => {
    expect(isOneLine('  Legal review took longer \n')).toBe(true)
    expect(isOneLine('x'.repeat(140))).toBe(true)
  })
  it('refuses a line break inside or a line that runs long', () => {
    expect(isOneLine('first\nsecond')).toBe(false)
    expect(isOneLine('first\r\nsecond')).toBe(false)
    expect(isOneLine('x'.repeat(141))).toBe(false)
    expect(isOneLine('twelve chars', 10)).toBe(false)
  })
})
