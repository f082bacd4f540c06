import { describe, expect, it } from 'vitest'
import { QUARTER_PATTERN, suggestQuarter } from './quarter.ts'

describe('suggestQuarter', () => {
  it.each([
    ['2026-01-01T00:00:00Z', '2026 Q2'],
    ['2026-03-31T23:59:59Z', '2026 Q2'],
    ['2026-04-01T00:00:00Z', '2026 Q3'],
    ['2026-06-30T12:00:00Z', '2026 Q3'],
    ['2026-07-01T00:00:00Z', '2026 Q4'],
    ['2026-09-30T23:59:59Z', '2026 Q4'],
    ['2026-10-01T00:00:00Z', '2027 Q1'],
    ['2026-12-31T23:59:59Z', '2027 Q1'],
  ])('on %s suggests planning %s', (iso, quarter) => {
    expect(suggestQuarter(new Date(iso))).toBe(quarter)
  })

  it('reads the date in UTC, so the suggestion does not depend on the server time zone', () => {
    // 23:30 on 31 March in UTC−5 is already April in UTC.
    expect(suggestQuarter(new Date('2026-03-31T23:30:00-05:00'))).toBe('2026 Q3')
  })

  it('always suggests a label the pattern accepts', () => {
    for (let month = 0; month < 12; month++) {
      expect(suggestQuarter(new Date(Date.UTC(2030, month, 15)))).toMatch(QUARTER_PATTERN)
    }
  })
})

describe('QUARTER_PATTERN', () => {
  it.each(['2027 Q1', '2027 Q2', '2027 Q3', '2027 Q4', '1999 Q4'])('accepts %s', (label) => {
    expect(QUARTER_PATTERN.test(label)).toBe(true)
  })

  it.each(['2027 Q0', '2027 Q5', '2027Q1', '27 Q1', '2027 q1', ' 2027 Q1', '2027 Q1 ', 'Q1 2027', '2027-Q1', ''])('refuses %j', (label) => {
    expect(QUARTER_PATTERN.test(label)).toBe(false)
  })

  it('captures the year and the quarter number', () => {
    expect(QUARTER_PATTERN.exec('2028 Q3')?.slice(1)).toEqual(['2028', '3'])
  })
})
