import { MeetingFencedError, type MeetingBatch, type MeetingStore } from './MeetingStore.ts'

/** A party to a group commit: hands over what it wrote, then hears whether it is on disk. */
export interface CommitParticipant {
  takeBatch(): MeetingBatch
  onCommitted(): void
  onCommitFailed(error: unknown): void
}

/** What a room needs of the committer: to say it has something to commit. */
export interface CommitScheduler {
  markDirty(participant: CommitParticipant): void
}

export interface CommitObserver {
  (info: { batches: number; durationMs: number; error?: unknown }): void
}

/**
 * Writes everything the rooms changed during one event-loop tick in one store transaction, then lets the rooms
 * broadcast and acknowledge. One fsync per tick instead of one per command; nobody hears "saved" before the
 * store's promise resolved.
 *
 * At most one commit is in flight. While it runs (a networked store takes milliseconds), rooms keep applying
 * commands; their changes wait in the rooms and go out together in the next commit, started as soon as this one
 * settles. With SQLite the promise is already settled, so a commit still completes within the tick it started in.
 */
export class GroupCommitter implements CommitScheduler {
  private readonly dirty = new Set<CommitParticipant>()
  private isScheduled = false
  private inFlight: Promise<void> | null = null

  constructor(
    private readonly store: MeetingStore,
    private readonly observe: CommitObserver = () => {},
  ) {}

  markDirty(participant: CommitParticipant): void {
    this.dirty.add(participant)
    this.schedule()
  }

  /** Whether a commit is running now (its rooms' changes are not yet durable). */
  get isCommitting(): boolean {
    return this.inFlight !== null
  }

  /**
   * Commits everything dirty now, after the commit in flight (if any) settled. Resolves once this commit settled
   * and its rooms have broadcast and acknowledged (or refused). Safe to call when nothing is dirty.
   */
  async flush(): Promise<void> {
    while (this.inFlight) await this.inFlight
    this.isScheduled = false
    if (this.dirty.size === 0) return
    const participants = [...this.dirty]
    this.dirty.clear()
    const batches = participants.map((p) => p.takeBatch())
    const started = performance.now()
    const run = this.store.commit(batches).then(
      (outcome) => {
        this.observe({ batches: batches.length, durationMs: performance.now() - started })
        // A fenced meeting's batch was not written (another node owns it now): it hears "failed", never "saved".
        const fenced = new Set(outcome?.fenced ?? [])
        participants.forEach((p, i) => {
          const meetingId = batches[i]?.meetingId ?? ''
          if (fenced.has(meetingId)) p.onCommitFailed(new MeetingFencedError(meetingId))
          else p.onCommitted()
        })
      },
      (error: unknown) => {
        this.observe({ batches: batches.length, durationMs: performance.now() - started, error })
        for (const p of participants) p.onCommitFailed(error)
      },
    )
    this.inFlight = run.finally(() => {
      this.inFlight = null
      // What the rooms wrote while this commit ran goes out in the next one.
      if (this.dirty.size > 0) this.schedule()
    })
    await this.inFlight
  }

  private schedule(): void {
    if (this.isScheduled || this.inFlight) return
    this.isScheduled = true
    setImmediate(() => void this.flush())
  }
}
