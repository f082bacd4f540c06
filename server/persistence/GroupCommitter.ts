import type { MeetingBatch, MeetingStore } from './MeetingStore.ts'

/** A party to a group commit: hands over what it wrote, then hears whether it is on disk. */
export interface CommitParticipant {
  takeBatch(): MeetingBatch
  onCommitted(): void
  onCommitFailed(error: unknown): void
}

export interface CommitObserver {
  (info: { batches: number; durationMs: number; error?: unknown }): void
}

/**
 * Writes everything the rooms changed during one event-loop tick in one SQLite transaction, then lets the
 * rooms broadcast and acknowledge. One fsync per tick instead of one per command; nobody hears "saved" before
 * the transaction has returned.
 */
export class GroupCommitter {
  private readonly dirty = new Set<CommitParticipant>()
  private isScheduled = false

  constructor(
    private readonly store: MeetingStore,
    private readonly observe: CommitObserver = () => {},
  ) {}

  markDirty(participant: CommitParticipant): void {
    this.dirty.add(participant)
    if (!this.isScheduled) {
      this.isScheduled = true
      setImmediate(() => this.flush())
    }
  }

  /** Commits now (synchronously). Safe to call when nothing is dirty. */
  flush(): void {
    this.isScheduled = false
    if (this.dirty.size === 0) return
    const participants = [...this.dirty]
    this.dirty.clear()
    const batches = participants.map((p) => p.takeBatch())
    const started = performance.now()
    try {
      this.store.commit(batches)
    } catch (error) {
      this.observe({ batches: batches.length, durationMs: performance.now() - started, error })
      for (const p of participants) p.onCommitFailed(error)
      return
    }
    this.observe({ batches: batches.length, durationMs: performance.now() - started })
    for (const p of participants) p.onCommitted()
  }
}
