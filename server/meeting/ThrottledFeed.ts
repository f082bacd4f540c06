/**
 * A feed sent at most once per interval: changes marked in between are folded into the next send, so a burst of
 * thousands of changes costs one send per interval. The frame is built only when it goes out.
 */
export class ThrottledFeed {
  private isStale = false
  private lastSentAt = Number.NEGATIVE_INFINITY
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number,
    private readonly send: () => void,
  ) {}

  markStale(): void {
    this.isStale = true
  }

  /** Schedules the next send if something changed and none is scheduled yet. */
  schedule(): void {
    if (!this.isStale || this.timer) return
    const wait = Math.max(0, this.lastSentAt + this.intervalMs - this.now())
    this.timer = setTimeout(() => {
      this.timer = null
      this.isStale = false
      this.lastSentAt = this.now()
      this.send()
    }, wait)
    this.timer.unref?.()
  }
}
