import { describe, expect, it } from 'vitest'
import { GroupCommitter, type CommitParticipant } from './GroupCommitter.ts'
import type { MeetingBatch, MeetingStore } from './MeetingStore.ts'

/** A store whose commits settle only when the test says so, like a networked database. */
function slowStore() {
  const commits: { batches: readonly MeetingBatch[]; resolve: () => void; reject: (e: unknown) => void }[] = []
  const store = {
    commit: (batches: readonly MeetingBatch[]) =>
      new Promise<void>((resolve, reject) => {
        commits.push({ batches, resolve, reject })
      }),
  } as unknown as MeetingStore
  return { store, commits }
}

function participant(name: string, log: string[]): CommitParticipant & { writes: number } {
  return {
    writes: 0,
    takeBatch() {
      log.push(`${name}: batch of ${this.writes}`)
      const batch = { meetingId: name, update: null, credentials: [], commands: [], snapshot: null }
      this.writes = 0
      return batch
    },
    onCommitted: () => void log.push(`${name}: committed`),
    onCommitFailed: () => void log.push(`${name}: failed`),
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('GroupCommitter', () => {
  it('keeps one commit in flight; what arrives meanwhile goes out together in the next one', async () => {
    const { store, commits } = slowStore()
    const committer = new GroupCommitter(store)
    const log: string[] = []
    const a = participant('a', log)
    const b = participant('b', log)
    a.writes = 1
    committer.markDirty(a)
    await tick()
    expect(commits).toHaveLength(1)
    expect(committer.isCommitting).toBe(true)
    // Two more ticks of work while the first commit runs: nothing new starts.
    a.writes = 2
    committer.markDirty(a)
    await tick()
    b.writes = 1
    committer.markDirty(b)
    await tick()
    expect(commits).toHaveLength(1)
    expect(log).toEqual(['a: batch of 1'])
    commits[0]?.resolve()
    await tick()
    await tick()
    expect(log).toEqual(['a: batch of 1', 'a: committed', 'a: batch of 2', 'b: batch of 1'])
    expect(commits).toHaveLength(2)
    expect(commits[1]?.batches.map((x) => x.meetingId)).toEqual(['a', 'b'])
    commits[1]?.reject(new Error('connection lost'))
    await tick()
    expect(log.slice(-2)).toEqual(['a: failed', 'b: failed'])
    expect(committer.isCommitting).toBe(false)
  })

  it('flush() waits for the commit in flight, then commits and resolves after the acknowledgements', async () => {
    const { store, commits } = slowStore()
    const observed: number[] = []
    const committer = new GroupCommitter(store, ({ batches }) => observed.push(batches))
    const log: string[] = []
    const a = participant('a', log)
    committer.markDirty(a)
    await tick()
    committer.markDirty(a)
    let isFlushed = false
    const flushed = committer.flush().then(() => (isFlushed = true))
    await tick()
    expect(commits).toHaveLength(1)
    commits[0]?.resolve()
    await tick()
    expect(commits).toHaveLength(2)
    expect(isFlushed).toBe(false)
    commits[1]?.resolve()
    await flushed
    expect(log).toEqual(['a: batch of 0', 'a: committed', 'a: batch of 0', 'a: committed'])
    expect(observed).toEqual([1, 1])
  })
})
