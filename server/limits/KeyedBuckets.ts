import { TokenBucket } from './TokenBucket.ts'

export interface KeyedBucketOptions {
  /** Events allowed at once per key after a quiet spell. */
  capacity: number
  /** Events per second per key, sustained. */
  refillPerSecond: number
  /** Keys tracked at most; past this, keys whose bucket is full again (nothing to remember) are dropped first. */
  maxKeys?: number
  now?: () => number
}

/**
 * One token bucket per key (a remote address, a participant): "at most N of this per address". Memory stays bounded
 * however many addresses come by, and a key whose bucket has refilled is forgotten without losing anything.
 */
export class KeyedBuckets {
  private readonly buckets = new Map<string, TokenBucket>()
  private readonly maxKeys: number
  private readonly now: () => number

  constructor(private readonly options: KeyedBucketOptions) {
    this.maxKeys = options.maxKeys ?? 50_000
    this.now = options.now ?? (() => performance.now())
  }

  /** Takes one token for `key`; false when that key is over its limit (nothing is taken then). */
  tryTake(key: string, count = 1): boolean {
    let bucket = this.buckets.get(key)
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.forgetIdle()
      bucket = new TokenBucket({ capacity: this.options.capacity, refillPerSecond: this.options.refillPerSecond, now: this.now })
      this.buckets.set(key, bucket)
    }
    return bucket.tryTake(count)
  }

  /** Seconds until `key` has a token again (0 when it has one now): for Retry-After. */
  secondsUntilNext(key: string): number {
    const bucket = this.buckets.get(key)
    if (!bucket) return 0
    const missing = 1 - bucket.available
    if (missing <= 0 || this.options.refillPerSecond <= 0) return 0
    return Math.ceil(missing / this.options.refillPerSecond)
  }

  get size(): number {
    return this.buckets.size
  }

  private forgetIdle(): void {
    for (const [key, bucket] of this.buckets) if (bucket.available >= this.options.capacity) this.buckets.delete(key)
    // Still full of busy keys: the oldest go (Map keeps insertion order); a forgotten key starts with a full bucket.
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < this.maxKeys) break
      this.buckets.delete(key)
    }
  }
}
