import { describe, expect, it } from 'vitest'
import { OrderedQueue } from './OrderedQueue.ts'

describe('OrderedQueue', () => {
  it('runs a step at once when its answer is synchronous and nothing waits', () => {
    const queue = new OrderedQueue(() => {})
    const ran: number[] = []
    queue.push(
      () => 1,
      (v) => ran.push(v),
    )
    expect(ran).toEqual([1])
    expect(queue.isBusy).toBe(false)
  })

  it('keeps arrival order when an early step waits on a promise', async () => {
    const queue = new OrderedQueue(() => {})
    const ran: string[] = []
    let release: (v: string) => void = () => {}
    queue.push(
      () => new Promise<string>((resolve) => (release = resolve)),
      (v) => ran.push(v),
    )
    queue.push(
      () => 'second (synchronous)',
      (v) => ran.push(v),
    )
    queue.push(
      () => Promise.resolve('third'),
      (v) => ran.push(v),
    )
    expect(ran).toEqual([])
    expect(queue.isBusy).toBe(true)
    release('first')
    await new Promise((r) => setImmediate(r))
    expect(ran).toEqual(['first', 'second (synchronous)', 'third'])
    expect(queue.isBusy).toBe(false)
    queue.push(
      () => 'later',
      (v) => ran.push(v),
    )
    expect(ran.at(-1)).toBe('later')
  })

  it('throws to the caller on the synchronous path and reports to onError on the queued path', async () => {
    const errors: unknown[] = []
    const queue = new OrderedQueue((e) => errors.push(e))
    expect(() =>
      queue.push(
        () => 1,
        () => {
          throw new Error('sync')
        },
      ),
    ).toThrow('sync')
    queue.push(
      () => Promise.resolve(1),
      () => {
        throw new Error('queued')
      },
    )
    queue.push(
      () => Promise.reject(new Error('lookup failed')),
      () => {},
    )
    await new Promise((r) => setImmediate(r))
    expect(errors.map((e) => (e as Error).message)).toEqual(['queued', 'lookup failed'])
    expect(queue.isBusy).toBe(false)
  })
})
