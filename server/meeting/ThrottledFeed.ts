/**
 * A feed sent at most once per interval: changes marked in between are folded into the next send, so a burst of
 * thousands of changes costs one send per interval. The frame is built only when it goes out. A send that takes
 * long (the facilitator's roster of 5,000 people: ~20 ms) waits twenty times as long before the next, so a feed
 * never takes more than 5 % of the server during a burst.
 */
const COST_FACTOR = 20

export class ThrottledFeed {
  private isStale = false
  private lastSentAt = Number.NEGATIVE_INFINITY
  private lastCostMs = 0
  private timer: NodeJS.Timeout | null = null

  /** `intervalMs` may be read at each send (a feed whose size varies can space itself by its size). */
  constructor(
    private readonly intervalMs: number | (() => number),
    private readonly now: () => number,
    private readonly send: () => void,
  ) {}

  markStale(): void {
    this.isStale = true
  }

  /** Schedules the next send if something changed and none is scheduled yet. */
  schedule(): void {
    if (!this.isStale || this.timer) return
    const interval = typeof this.intervalMs === 'number' ? this.intervalMs : this.intervalMs()
    const gap = Math.max(interval, this.lastCostMs * COST_FACTOR)
    const wait = Math.max(0, this.lastSentAt + gap - this.now())
    this.timer = setTimeout(() => {
      this.timer = null
      this.isStale = false
      this.lastSentAt = this.now()
      this.send()
      this.lastCostMs = this.now() - this.lastSentAt
    }, wait)
    this.timer.unref?.()
  }
}
