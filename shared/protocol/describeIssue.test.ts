import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { describeIssue } from './describeIssue.ts'

describe('describeIssue', () => {
  it('shows our own sentence as it is, without the field path after it', () => {
    const parsed = z.object({ name: z.string().min(1, 'Name is required.') }).safeParse({ name: '' })
    expect(describeIssue(parsed.error?.issues[0])).toBe('Name is required.')
  })
  it('names the field for zod’s own messages', () => {
    const parsed = z.object({ budget: z.number() }).safeParse({ budget: 'x' })
    expect(describeIssue(parsed.error?.issues[0])).toMatch(/\(budget\)$/)
  })
  it('falls back when there is no issue', () => {
    expect(describeIssue(undefined)).toBe('Invalid command.')
  })
})
