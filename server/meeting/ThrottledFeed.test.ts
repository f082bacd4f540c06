import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ThrottledFeed } from './ThrottledFeed.ts'

describe('ThrottledFeed', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('sends at once the first time, then folds a burst of changes into one send per interval', () => {
    const sends: number[] = []
    const feed = new ThrottledFeed(
      1000,
      () => Date.now(),
      () => sends.push(Date.now()),
    )
    const start = Date.now()
    feed.markStale()
    feed.schedule()
    vi.advanceTimersByTime(0)
    expect(sends).toEqual([start])
    for (let i = 0; i < 500; i++) {
      feed.markStale()
      feed.schedule()
      vi.advanceTimersByTime(1)
    }
    vi.advanceTimersByTime(1000)
    expect(sends).toEqual([start, start + 1000])
  })

  it('sends nothing when nothing changed', () => {
    const send = vi.fn()
    const feed = new ThrottledFeed(1000, () => Date.now(), send)
    feed.schedule()
    vi.advanceTimersByTime(5000)
    expect(send).not.toHaveBeenCalled()
  })

  it('waits twenty times as long as a slow send took before the next', () => {
    let clock = 0
    const sends: number[] = []
    const feed = new ThrottledFeed(
      1000,
      () => clock,
      () => {
        sends.push(clock)
        clock += 100 // this send took 100 ms
      },
    )
    feed.markStale()
    feed.schedule()
    vi.advanceTimersByTime(0)
    feed.markStale()
    feed.schedule()
    clock = 1000
    vi.advanceTimersByTime(1000)
    expect(sends).toEqual([0])
    clock = 2000
    vi.advanceTimersByTime(1000)
    expect(sends).toEqual([0, 2000])
  })

  it('reads an interval that changes (the roster spaces itself by its size) at each send', () => {
    const sends: number[] = []
    let interval = 100
    const feed = new ThrottledFeed(
      () => interval,
      () => Date.now(),
      () => sends.push(Date.now()),
    )
    const start = Date.now()
    const change = () => {
      feed.markStale()
      feed.schedule()
    }
    change()
    vi.advanceTimersByTime(0)
    change()
    vi.advanceTimersByTime(100)
    expect(sends).toEqual([start, start + 100])
    interval = 1000
    change()
    vi.advanceTimersByTime(999)
    expect(sends).toHaveLength(2)
    vi.advanceTimersByTime(1)
    expect(sends).toEqual([start, start + 100, start + 1100])
  })
})
