import { TokenBucket } from './TokenBucket.ts'

export interface RateLimitSettings {
  /** Sustained messages per second one connection may send. */
  messagesPerSecond: number
  /** Messages allowed at once after a quiet spell (a reconnect resends its queue, for instance). */
  burst: number
  /** A connection sending more than `floodFactor` × the rate … */
  floodFactor: number
  /** … for about this many seconds is flooding, and is closed. */
  floodSeconds: number
}

/** What to do with one incoming message: act on it, refuse it (`rate_limited`), or close the connection. */
export type RateVerdict = 'ok' | 'limited' | 'flood'

/**
 * One connection's message budget. Two buckets: the rate bucket refuses single messages over the limit (the
 * sender hears `rate_limited` and may retry); the flood bucket, `floodFactor` times larger and faster, only
 * empties when the sender keeps going far beyond the limit for `floodSeconds`, and then the connection is closed:
 * answering every message of a flood would only feed it.
 */
export class MessageRateLimiter {
  private readonly rate: TokenBucket
  private readonly flood: TokenBucket

  constructor(settings: RateLimitSettings, now: () => number) {
    this.rate = new TokenBucket({ capacity: settings.burst, refillPerSecond: settings.messagesPerSecond, now })
    const floodRate = settings.messagesPerSecond * settings.floodFactor
    this.flood = new TokenBucket({
      capacity: Math.max(settings.burst, floodRate * settings.floodSeconds),
      refillPerSecond: floodRate,
      now,
    })
  }

  /** Counts one incoming message and says what to do with it. */
  check(): RateVerdict {
    if (!this.flood.tryTake()) return 'flood'
    return this.rate.tryTake() ? 'ok' : 'limited'
  }
}
