import { describe, expect, it } from 'vitest'
import { MessageRateLimiter, type RateLimitSettings, type RateVerdict } from './MessageRateLimiter.ts'

const SETTINGS: RateLimitSettings = { messagesPerSecond: 20, burst: 40, floodFactor: 10, floodSeconds: 3 }

/** Sends `perSecond` messages a second, evenly, for `seconds`; returns the verdicts. */
function drive(limiter: MessageRateLimiter, clock: { advance(ms: number): void }, perSecond: number, seconds: number) {
  const verdicts: RateVerdict[] = []
  const gapMs = 1000 / perSecond
  for (let i = 0; i < perSecond * seconds; i++) {
    verdicts.push(limiter.check())
    clock.advance(gapMs)
  }
  return verdicts
}

function clock() {
  let t = 0
  return { now: () => t, advance: (ms: number) => (t += ms) }
}

describe('MessageRateLimiter', () => {
  it('lets a sender at the sustained rate through, forever', () => {
    const c = clock()
    const limiter = new MessageRateLimiter(SETTINGS, c.now)
    expect(drive(limiter, c, 20, 60).every((v) => v === 'ok')).toBe(true)
  })

  it('allows a burst after a quiet spell, then refuses single messages', () => {
    const c = clock()
    const limiter = new MessageRateLimiter(SETTINGS, c.now)
    const verdicts = Array.from({ length: 50 }, () => limiter.check())
    expect(verdicts.slice(0, 40).every((v) => v === 'ok')).toBe(true)
    expect(verdicts.slice(40).every((v) => v === 'limited')).toBe(true)
    c.advance(1000)
    expect(Array.from({ length: 20 }, () => limiter.check()).every((v) => v === 'ok')).toBe(true)
  })

  it('refuses, without closing, a sender at a few times the rate', () => {
    const c = clock()
    const limiter = new MessageRateLimiter(SETTINGS, c.now)
    const verdicts = drive(limiter, c, 100, 30)
    expect(verdicts).not.toContain('flood')
    expect(verdicts.filter((v) => v === 'limited').length).toBeGreaterThan(0)
    const ok = verdicts.filter((v) => v === 'ok').length
    expect(ok).toBeLessThanOrEqual(40 + 20 * 30)
  })

  it('calls a sustained flood beyond ten times the rate a flood within a few seconds', () => {
    const c = clock()
    const limiter = new MessageRateLimiter(SETTINGS, c.now)
    // 20 × the rate: the flood bucket (600 messages, refilling 200/s) drains at 200/s.
    const verdicts = drive(limiter, c, 400, 10)
    const firstFlood = verdicts.indexOf('flood')
    expect(firstFlood).toBeGreaterThan(0)
    const seconds = firstFlood / 400
    expect(seconds).toBeGreaterThanOrEqual(2.5)
    expect(seconds).toBeLessThanOrEqual(3.5)
  })

  it('calls an instant burst of many times the flood budget a flood at once', () => {
    const c = clock()
    const limiter = new MessageRateLimiter(SETTINGS, c.now)
    const verdicts = Array.from({ length: 700 }, () => limiter.check())
    expect(verdicts.indexOf('flood')).toBe(600)
  })
})
