import type { Awaitable } from '../persistence/MeetingStore.ts'

/**
 * Runs steps in arrival order where each step may first wait for something (a command-log lookup, loading
 * another meeting). When nothing is waiting and the wait is already answered (SQLite answers synchronously),
 * the step runs at once, in the caller's tick: the embedded store keeps its synchronous speed. Once one step
 * waits on a promise, every later step queues behind it, so a room still applies commands in the order they came.
 */
export class OrderedQueue {
  private tail: Promise<void> | null = null
  private waiting = 0

  constructor(private readonly onError: (error: unknown) => void) {}

  /** Whether some step is waiting on a promise (later steps queue behind it). */
  get isBusy(): boolean {
    return this.waiting > 0
  }

  /**
   * Calls `prepare`, then `run` with its answer. A throw from `run` on the synchronous path reaches the caller
   * (as it did before there was a queue); on the queued path it goes to `onError`.
   */
  push<T>(prepare: () => Awaitable<T>, run: (value: T) => void): void {
    if (this.waiting === 0) {
      const value = prepare()
      if (value instanceof Promise) this.chain(value, run)
      else run(value)
      return
    }
    this.chain(
      (this.tail as Promise<void>).then(() => prepare()),
      run,
    )
  }

  private chain<T>(value: Promise<T>, run: (value: T) => void): void {
    this.waiting++
    const step = value
      .then(run)
      .catch(this.onError)
      .finally(() => {
        this.waiting--
        if (this.waiting === 0) this.tail = null
      })
    this.tail = step
  }
}
