import { describe, expect, it } from 'vitest'
import { MAX_TIMER_SECONDS, MIN_TIMER_SECONDS, formatCountdown, timerRemainingMs } from './timer.ts'

describe('timerRemainingMs', () => {
  const timer = { startedAt: 1_000_000, durationMs: 5 * 60_000 }

  it('is null when no timer runs', () => {
    expect(timerRemainingMs(null, 1_000_000)).toBeNull()
  })

  it('is the full duration at the moment the timer starts', () => {
    expect(timerRemainingMs(timer, 1_000_000)).toBe(300_000)
  })

  it('counts down with the clock passed in', () => {
    expect(timerRemainingMs(timer, 1_000_000 + 61_500)).toBe(238_500)
  })

  it('reaches zero exactly at the end and never goes negative', () => {
    expect(timerRemainingMs(timer, 1_300_000)).toBe(0)
    expect(timerRemainingMs(timer, 1_300_001)).toBe(0)
    expect(timerRemainingMs(timer, 9_999_999)).toBe(0)
  })

  it('does not grow past the duration for a clock that is behind the server', () => {
    // A client clock before startedAt would show more than the duration; the caller corrects with the server offset.
    expect(timerRemainingMs(timer, 999_000)).toBe(301_000)
  })
})

describe('formatCountdown', () => {
  it.each([
    [0, '0:00'],
    [1, '0:01'],
    [999, '0:01'],
    [1_000, '0:01'],
    [1_001, '0:02'],
    [9_000, '0:09'],
    [59_000, '0:59'],
    [59_001, '1:00'],
    [60_000, '1:00'],
    [61_000, '1:01'],
    [600_000, '10:00'],
    [MAX_TIMER_SECONDS * 1000, '180:00'],
  ])('shows %i ms as %s', (ms, shown) => {
    expect(formatCountdown(ms)).toBe(shown)
  })

  it('rounds up, so the display reads 0:00 only when time is really up', () => {
    expect(formatCountdown(1)).not.toBe('0:00')
  })
})

describe('timer limits', () => {
  it('allows from ten seconds up to three hours', () => {
    expect(MIN_TIMER_SECONDS).toBe(10)
    expect(MAX_TIMER_SECONDS).toBe(10_800)
  })
})
