import type { MeetingBatch } from '../persistence/MeetingStore.ts'

export type Reply = (frame: Uint8Array) => void
export type LoggedCommand = MeetingBatch['commands'][number]

/** Results of commands committed while lookups were waiting (async store), so a racing resend is not applied twice. */
const RECENTLY_COMMITTED_MAX = 4096

/**
 * The bookkeeping that keeps "acknowledged" and "on disk" the same thing, for one room: commands applied since
 * the last commit, the callbacks owed when their commit settles, and the replies of commands whose commit runs.
 *
 * A room applies commands at any time; `take()` hands the pending ones to a commit and moves their callbacks to
 * "in flight"; `committed()` or `failed()` settles exactly those. What is applied while a commit runs waits for
 * the next one: nobody hears "saved" before the commit holding their change resolved.
 */
export class CommitCycle {
  private commands: LoggedCommand[] = []
  private afterCommit: (() => void)[] = []
  private afterFailure: (() => void)[] = []
  private committing: (() => void)[] = []
  private committingFailures: (() => void)[] = []
  /** Replies owed for commands whose commit is still running, keyed by actor and command id. */
  private readonly inFlight = new Map<string, Reply[]>()
  private readonly recentlyCommitted = new Map<string, string>()
  private isInFlight = false

  /** @param isLookupWaiting whether some command-log lookup is waiting on the store now (see `recall`). */
  constructor(private readonly isLookupWaiting: () => boolean = () => false) {}

  /** Commands applied since the last `take()`. */
  get hasPending(): boolean {
    return this.commands.length > 0
  }

  /** Whether a commit holding this room's changes is running. */
  get isCommitInFlight(): boolean {
    return this.isInFlight
  }

  /** Queues a reply behind the same command's commit in flight; false when there is none. */
  joinInFlight(key: string, reply: Reply): boolean {
    const waiting = this.inFlight.get(key)
    if (!waiting) return false
    waiting.push(reply)
    return true
  }

  /** The logged result of a command committed while its resend's lookup raced the commit. */
  recall(key: string): string | null {
    return this.recentlyCommitted.get(key) ?? null
  }

  /**
   * Logs an applied command for the next commit and owes its sender `ok` when that commit resolves (or `failed`
   * when it does not; built only then). Resends arriving meanwhile join the same reply.
   */
  acknowledgeAfterCommit(key: string, logged: LoggedCommand, reply: Reply, ok: Uint8Array, failed: () => Uint8Array): void {
    this.commands.push(logged)
    const replies: Reply[] = [reply]
    this.inFlight.set(key, replies)
    this.afterCommit.push(() => {
      this.inFlight.delete(key)
      if (this.isLookupWaiting()) this.remember(key, logged.resultJson)
      for (const r of replies) r(ok)
    })
    this.afterFailure.push(() => {
      this.inFlight.delete(key)
      const frame = failed()
      for (const r of replies) r(frame)
    })
  }

  /** Runs `cb` after the next commit resolves (`onFailure` if it fails). */
  afterNextCommit(cb: () => void, onFailure?: () => void): void {
    this.afterCommit.push(cb)
    if (onFailure) this.afterFailure.push(onFailure)
  }

  /** Runs `cb` when the commit in flight resolves (the caller checked there is one). */
  afterCommitInFlight(cb: () => void): void {
    this.committing.push(cb)
  }

  /** Hands the pending commands to a commit; their callbacks now wait for it. */
  take(): LoggedCommand[] {
    const commands = this.commands
    this.commands = []
    this.committing = this.afterCommit
    this.committingFailures = this.afterFailure
    this.afterCommit = []
    this.afterFailure = []
    this.isInFlight = true
    return commands
  }

  /** The commit resolved: acknowledge what it held. */
  committed(): void {
    this.isInFlight = false
    const callbacks = this.committing
    this.committing = []
    this.committingFailures = []
    for (const cb of callbacks) cb()
  }

  /** The commit failed: refuse what it held. */
  failed(): void {
    this.isInFlight = false
    const failures = this.committingFailures
    this.committing = []
    this.committingFailures = []
    for (const cb of failures) cb()
  }

  /** Drops everything not yet committed (memory is ahead of disk), refusing what was owed. */
  abandon(): void {
    const failures = this.afterFailure
    this.commands = []
    this.afterCommit = []
    this.afterFailure = []
    for (const cb of failures) cb()
  }

  private remember(key: string, resultJson: string): void {
    this.recentlyCommitted.set(key, resultJson)
    if (this.recentlyCommitted.size > RECENTLY_COMMITTED_MAX) {
      this.recentlyCommitted.delete(this.recentlyCommitted.keys().next().value as string)
    }
  }
}
