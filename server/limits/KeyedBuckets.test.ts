import { describe, expect, it } from 'vitest'
import { KeyedBuckets } from './KeyedBuckets.ts'

describe('KeyedBuckets', () => {
  it('limits each key on its own', () => {
    let now = 0
    const buckets = new KeyedBuckets({ capacity: 2, refillPerSecond: 1, now: () => now })
    expect([buckets.tryTake('a'), buckets.tryTake('a'), buckets.tryTake('a')]).toEqual([true, true, false])
    expect(buckets.tryTake('b')).toBe(true)
    expect(buckets.secondsUntilNext('a')).toBe(1)
    now = 1000
    expect(buckets.tryTake('a')).toBe(true)
  })

  it('stays within maxKeys, forgetting refilled keys first', () => {
    let now = 0
    const buckets = new KeyedBuckets({ capacity: 1, refillPerSecond: 1, maxKeys: 3, now: () => now })
    buckets.tryTake('a')
    now = 5000
    buckets.tryTake('b')
    buckets.tryTake('c')
    buckets.tryTake('d')
    expect(buckets.size).toBeLessThanOrEqual(3)
    expect(buckets.tryTake('b')).toBe(false) // b is still remembered: it was busy
  })
})
