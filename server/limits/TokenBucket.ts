export interface TokenBucketOptions {
  /** Most tokens the bucket holds: the burst it allows after a quiet spell. */
  capacity: number
  /** Tokens added per second, up to `capacity`: the sustained rate it allows. */
  refillPerSecond: number
  /** Milliseconds on any monotonic scale; injected so tests control time. */
  now: () => number
}

/**
 * The classic token bucket: each event takes a token, tokens come back at a steady rate. Pure apart from the
 * injected clock, and lazy: it refills when asked, so an idle bucket costs no timer.
 */
export class TokenBucket {
  private tokens: number
  private refilledAt: number
  private readonly capacity: number
  private readonly refillPerMs: number
  private readonly now: () => number

  constructor(options: TokenBucketOptions) {
    if (!(options.capacity > 0)) throw new RangeError('A token bucket needs a positive capacity.')
    if (!(options.refillPerSecond >= 0)) throw new RangeError('A token bucket cannot refill at a negative rate.')
    this.capacity = options.capacity
    this.refillPerMs = options.refillPerSecond / 1000
    this.now = options.now
    this.tokens = options.capacity
    this.refilledAt = options.now()
  }

  /** Takes `count` tokens if the bucket holds them; otherwise takes nothing and says so. */
  tryTake(count = 1): boolean {
    this.refill()
    if (this.tokens < count) return false
    this.tokens -= count
    return true
  }

  /** Tokens available right now (fractional while refilling). */
  get available(): number {
    this.refill()
    return this.tokens
  }

  private refill(): void {
    const now = this.now()
    // A clock that steps backwards (tests, or a non-monotonic source) must not mint or destroy tokens.
    const elapsedMs = Math.max(0, now - this.refilledAt)
    this.refilledAt = Math.max(this.refilledAt, now)
    this.tokens = Math.min(this.capacity, this.tokens + elapsedMs * this.refillPerMs)
  }
}
