import { describe, expect, it } from 'vitest'
import { TokenBucket } from './TokenBucket.ts'

function fakeClock(start = 1_000) {
  let t = start
  return { now: () => t, advance: (ms: number) => (t += ms), set: (ms: number) => (t = ms) }
}

describe('TokenBucket', () => {
  it('starts full and allows a burst of its capacity', () => {
    const clock = fakeClock()
    const bucket = new TokenBucket({ capacity: 5, refillPerSecond: 1, now: clock.now })
    for (let i = 0; i < 5; i++) expect(bucket.tryTake()).toBe(true)
    expect(bucket.tryTake()).toBe(false)
  })

  it('refills at its rate, a token at a time', () => {
    const clock = fakeClock()
    const bucket = new TokenBucket({ capacity: 2, refillPerSecond: 4, now: clock.now })
    expect(bucket.tryTake(2)).toBe(true)
    clock.advance(249)
    expect(bucket.tryTake()).toBe(false)
    clock.advance(1)
    expect(bucket.tryTake()).toBe(true)
    expect(bucket.tryTake()).toBe(false)
  })

  it('never holds more than its capacity, however long it was idle', () => {
    const clock = fakeClock()
    const bucket = new TokenBucket({ capacity: 3, refillPerSecond: 10, now: clock.now })
    clock.advance(3_600_000)
    expect(bucket.available).toBe(3)
    expect(bucket.tryTake(4)).toBe(false)
    expect(bucket.available).toBe(3)
  })

  it('takes nothing when it refuses', () => {
    const clock = fakeClock()
    const bucket = new TokenBucket({ capacity: 3, refillPerSecond: 1, now: clock.now })
    expect(bucket.tryTake(2)).toBe(true)
    expect(bucket.tryTake(2)).toBe(false)
    expect(bucket.available).toBe(1)
  })

  it('neither mints nor loses tokens when the clock steps backwards', () => {
    const clock = fakeClock(10_000)
    const bucket = new TokenBucket({ capacity: 2, refillPerSecond: 1, now: clock.now })
    expect(bucket.tryTake(2)).toBe(true)
    clock.set(5_000)
    expect(bucket.tryTake()).toBe(false)
    clock.set(10_999)
    expect(bucket.tryTake()).toBe(false)
    clock.set(11_000)
    expect(bucket.tryTake()).toBe(true)
  })

  it('allows exactly the sustained rate over a long run', () => {
    const clock = fakeClock()
    const bucket = new TokenBucket({ capacity: 10, refillPerSecond: 20, now: clock.now })
    let allowed = 0
    // 100 attempts per second for 10 seconds.
    for (let i = 0; i < 1000; i++) {
      if (bucket.tryTake()) allowed++
      clock.advance(10)
    }
    expect(allowed).toBeGreaterThanOrEqual(10 + 20 * 10 - 1)
    expect(allowed).toBeLessThanOrEqual(10 + 20 * 10)
  })

  it('refuses a bucket that could never hold a token', () => {
    expect(() => new TokenBucket({ capacity: 0, refillPerSecond: 1, now: () => 0 })).toThrow(RangeError)
    expect(() => new TokenBucket({ capacity: 1, refillPerSecond: -1, now: () => 0 })).toThrow(RangeError)
  })
})
