import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { GroupCommitter } from '../persistence/GroupCommitter.ts'
import { LoadedRooms, type LoadableRoom } from './LoadedRooms.ts'

class FakeRoom implements LoadableRoom {
  readonly doc = new Y.Doc()
  broken = false
  isEmpty = true
  hasUncommittedChanges = false
  constructor(readonly id: string) {}
}

function setup() {
  const flush = vi.fn()
  const counts: number[] = []
  const loads: string[] = []
  const rooms = new LoadedRooms<FakeRoom>({
    committer: { flush } as unknown as GroupCommitter,
    load: (id) => {
      loads.push(id)
      return id === 'missing' ? null : new FakeRoom(id)
    },
    onCountChange: (count) => counts.push(count),
  })
  return { rooms, flush, counts, loads }
}

describe('LoadedRooms', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('loads a room once and hands the same one back; a missing room is null and not kept', () => {
    const { rooms, loads, counts } = setup()
    const a = rooms.get('a')
    expect(rooms.get('a')).toBe(a)
    expect(rooms.get('missing')).toBeNull()
    expect(rooms.peek('missing')).toBeNull()
    expect(loads).toEqual(['a', 'missing'])
    expect(counts).toEqual([1])
  })

  it('reloads a broken room', () => {
    const { rooms } = setup()
    const a = rooms.get('a') as FakeRoom
    a.broken = true
    const again = rooms.get('a')
    expect(again).not.toBe(a)
    expect(rooms.peek('a')).toBe(again)
  })

  it('unloads an idle room after five minutes, flushing uncommitted changes first', async () => {
    const { rooms, flush, counts } = setup()
    const a = rooms.get('a') as FakeRoom
    a.hasUncommittedChanges = true
    rooms.releaseIfIdle(a)
    vi.advanceTimersByTime(5 * 60_000 - 1)
    expect(rooms.peek('a')).toBe(a)
    await vi.advanceTimersByTimeAsync(1)
    expect(flush).toHaveBeenCalledOnce()
    expect(rooms.peek('a')).toBeNull()
    expect(counts).toEqual([1, 0])
  })

  it('shares one load between concurrent callers of an async loader, and forgets a failed load', async () => {
    const loads: string[] = []
    let shouldFail = true
    const rooms = new LoadedRooms<FakeRoom>({
      committer: { flush: vi.fn() } as unknown as GroupCommitter,
      load: async (id) => {
        loads.push(id)
        if (shouldFail) throw new Error('database away')
        return new FakeRoom(id)
      },
    })
    await expect(rooms.get('a')).rejects.toThrow('database away')
    shouldFail = false
    const first = rooms.get('a')
    const second = rooms.get('a')
    expect(second).toBe(first)
    const room = await first
    expect(room?.id).toBe('a')
    expect(rooms.get('a')).toBe(room)
    expect(loads).toEqual(['a', 'a'])
  })

  it('keeps a room that someone joined before the timer fired, or that was asked for again', () => {
    const { rooms } = setup()
    const a = rooms.get('a') as FakeRoom
    rooms.releaseIfIdle(a)
    a.isEmpty = false
    vi.advanceTimersByTime(5 * 60_000)
    expect(rooms.peek('a')).toBe(a)
    a.isEmpty = true
    rooms.releaseIfIdle(a)
    expect(rooms.get('a')).toBe(a)
    vi.advanceTimersByTime(5 * 60_000)
    expect(rooms.peek('a')).toBe(a)
  })
})
