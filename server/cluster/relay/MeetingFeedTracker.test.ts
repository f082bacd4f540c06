import { describe, expect, it } from 'vitest'
import { MeetingFeedTracker } from './MeetingFeedTracker.ts'
import type { MeetingMessage } from './relayMessages.ts'

const broadcast = (epoch: number, seq: number, meetingId = 'm1'): MeetingMessage => ({ kind: 'broadcast', meetingId, owner: 'a', epoch, seq, update: '' })
const beat = (epoch: number, seq: number, meetingId = 'm1'): MeetingMessage => ({ kind: 'beat', meetingId, owner: 'a', epoch, seq })

describe('MeetingFeedTracker', () => {
  it('delivers broadcasts that come one after another', () => {
    const t = new MeetingFeedTracker()
    expect([1, 2, 3].map((seq) => t.accept(broadcast(1, seq), 0).action)).toEqual(['deliver', 'deliver', 'deliver'])
  })

  it('asks for a resync on a hole in the sequence, then continues after it', () => {
    const t = new MeetingFeedTracker()
    t.accept(broadcast(1, 1), 0)
    expect(t.accept(broadcast(1, 3), 0)).toEqual({ action: 'resync', reason: 'gap' })
    expect(t.accept(broadcast(1, 4), 0)).toEqual({ action: 'deliver' })
  })

  it('ignores duplicates and an older owner that is still talking', () => {
    const t = new MeetingFeedTracker()
    t.accept(broadcast(2, 5), 0)
    expect(t.accept(broadcast(2, 5), 0)).toEqual({ action: 'ignore', reason: 'duplicate' })
    expect(t.accept(broadcast(1, 6), 0)).toEqual({ action: 'ignore', reason: 'stale-epoch' })
    expect(t.accept(beat(1, 9), 0)).toEqual({ action: 'ignore', reason: 'stale-epoch' })
  })

  it('asks for a resync when a new owner appears', () => {
    const t = new MeetingFeedTracker()
    t.accept(broadcast(1, 1), 0)
    expect(t.accept(broadcast(2, 1), 0)).toEqual({ action: 'resync', reason: 'new-owner' })
    expect(t.accept(broadcast(2, 2), 0)).toEqual({ action: 'deliver' })
  })

  it('learns from a heartbeat that broadcasts were missed', () => {
    const t = new MeetingFeedTracker()
    t.accept(broadcast(1, 1), 0)
    expect(t.accept(beat(1, 1), 0)).toEqual({ action: 'alive' })
    expect(t.accept(beat(1, 3), 0)).toEqual({ action: 'resync', reason: 'gap' })
    expect(t.accept(beat(1, 3), 0)).toEqual({ action: 'alive' })
  })

  it('reports a meeting whose owner fell silent, once, and not one that is heard', () => {
    const t = new MeetingFeedTracker()
    t.watch('quiet', 0)
    t.accept(broadcast(1, 1, 'busy'), 0)
    t.accept(beat(1, 1, 'busy'), 2_500)
    expect(t.takeSilent(3_100, 3_000)).toEqual(['quiet'])
    expect(t.takeSilent(3_200, 3_000)).toEqual([])
  })

  it('takes the first message after watch() as the baseline, not as a new owner', () => {
    const t = new MeetingFeedTracker()
    t.watch('m1', 0)
    expect(t.accept(broadcast(3, 17), 10)).toEqual({ action: 'deliver' })
    expect(t.accept(broadcast(3, 18), 10)).toEqual({ action: 'deliver' })
  })
})

describe('MeetingFeedTracker seeded with the owner epoch from the lease table', () => {
  it('takes the first message of that epoch as the baseline, ignores an older owner and resyncs on a newer one', () => {
    const t = new MeetingFeedTracker()
    t.watch('m1', 0, 4)
    expect(t.accept(beat(3, 40), 0)).toEqual({ action: 'ignore', reason: 'stale-epoch' })
    expect(t.accept(broadcast(4, 17), 0)).toEqual({ action: 'deliver' })
    expect(t.accept(broadcast(4, 18), 0)).toEqual({ action: 'deliver' })
    expect(t.accept(beat(5, 1), 0)).toEqual({ action: 'resync', reason: 'new-owner' })
  })

  it('resyncs when the first message already comes from a newer owner', () => {
    const t = new MeetingFeedTracker()
    t.watch('m1', 0, 4)
    expect(t.accept(broadcast(5, 1), 0)).toEqual({ action: 'resync', reason: 'new-owner' })
  })
})
