import { describe, expect, it } from 'vitest'
import { TeamCommand } from './teamCommands.ts'

const WEEK = '2027-01-04'

function postWin(text: string, by = '') {
  return TeamCommand.safeParse({ id: 'c1', type: 'postWin', weekId: WEEK, text, by })
}

/** Team spaces take the same hardened text as the meeting (issue 15): nothing that displays as something else. */
describe('team space text fields', () => {
  it('refuses a win that is only invisible characters', () => {
    for (const text of ['\u200b', '\u3164', '\u200e\u200f']) expect(postWin(text).success, JSON.stringify(text)).toBe(false)
  })

  it('refuses a broken character and a bidi override', () => {
    expect(postWin('Shipped \ud800').success).toBe(false)
    expect(postWin('evil\u202egnp.exe').success).toBe(false)
  })

  it('normalises to NFC and collapses whitespace, so the same text is stored the same way', () => {
    const parsed = postWin('  Caf\u0065\u0301   shipped \n ', 'Ana')
    expect(parsed.success).toBe(true)
    if (parsed.success && parsed.data.type === 'postWin') expect(parsed.data.text).toBe('Caf\u00e9 shipped')
  })

  it('keeps an optional field optional, and stores an invisible-only one as empty', () => {
    expect(postWin('Shipped', '').success).toBe(true)
    const parsed = postWin('Shipped', '\u200b')
    if (parsed.success && parsed.data.type === 'postWin') expect(parsed.data.by).toBe('')
    else expect(parsed.success).toBe(false)
  })
})
