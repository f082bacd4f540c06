import { KeyedBuckets } from './KeyedBuckets.ts'
import { TokenBucket } from './TokenBucket.ts'
import type { RateLimitSettings } from './MessageRateLimiter.ts'

/**
 * Sync requests after a socket's first: y-websocket asks once per connection, so repeats are rare and each can cost a
 * whole-doc encoding. A socket gets a few (capacity) and one more every 10 s; an address a few dozen and one a second.
 */
const SYNC_REPEATS_PER_SOCKET = { capacity: 3, refillPerSecond: 0.1 }
const SYNC_REPEATS_PER_ADDRESS = { capacity: 30, refillPerSecond: 1 }
/** Reactions to one team's wins from one address: an office reacting together, not a script inflating counts. */
const REACTIONS_PER_ADDRESS = { capacity: 20, refillPerSecond: 1 / 3 }
/** One person may have a few tabs open; their messages together get this many times one socket's budget. */
const PARTICIPANT_BUDGET_FACTOR = 2

/** Limits shared by all sockets of the server: per address and per participant, not per socket. */
export interface SharedLimits {
  syncRepeatsPerAddress: KeyedBuckets
  /** Keyed by `<room id>\0<participant id>`: one token on 40 sockets gets one person's budget, not 40. */
  messagesPerParticipant: KeyedBuckets
  joinsPerAddress: KeyedBuckets
  /** Reactions on one team space from one address: `<team id>\0<address>`. */
  reactionsPerAddress: KeyedBuckets
}

export function createSharedLimits(rate: RateLimitSettings, joins: { burst: number; perMinute: number }, now?: () => number): SharedLimits {
  return {
    syncRepeatsPerAddress: new KeyedBuckets({ ...SYNC_REPEATS_PER_ADDRESS, now }),
    messagesPerParticipant: new KeyedBuckets({
      capacity: rate.burst * PARTICIPANT_BUDGET_FACTOR,
      refillPerSecond: rate.messagesPerSecond * PARTICIPANT_BUDGET_FACTOR,
      now,
    }),
    joinsPerAddress: new KeyedBuckets({ capacity: joins.burst, refillPerSecond: joins.perMinute / 60, now }),
    reactionsPerAddress: new KeyedBuckets({ ...REACTIONS_PER_ADDRESS, now }),
  }
}

/** Whether a frame is a y-websocket sync step 1 (message type 0, sync type 0): two bytes, no parsing. */
export function isSyncRequest(frame: Uint8Array): boolean {
  return frame.byteLength >= 2 && frame[0] === 0 && frame[1] === 0
}

/** One socket's sync requests: the first always passes; repeats take from the socket's and the address's budgets. */
export class SyncRequestGate {
  private hasAsked = false
  private readonly repeats: TokenBucket

  constructor(
    private readonly address: string,
    private readonly shared: SharedLimits,
    now: () => number = () => performance.now(),
  ) {
    this.repeats = new TokenBucket({ ...SYNC_REPEATS_PER_SOCKET, now })
  }

  admit(): boolean {
    if (!this.hasAsked) {
      this.hasAsked = true
      return true
    }
    return this.repeats.tryTake() && this.shared.syncRepeatsPerAddress.tryTake(this.address)
  }
}
