import type { MeetingMessage } from './relayMessages.ts'

/**
 * What a follower does with one message from a meeting's channel:
 * - `deliver`: the next broadcast, in order: pass it to the meeting's sockets.
 * - `alive`: a heartbeat that says nothing was missed.
 * - `ignore`: a duplicate, or something from an owner older than the one we follow (a fenced node still talking).
 * - `resync`: a new owner (higher epoch), or a hole in the sequence: what the sockets have may lack something, so
 *   close them; clients reconnect, resync from the committed state and resend their queued commands.
 */
export type FeedDecision =
  | { action: 'deliver' }
  | { action: 'alive' }
  | { action: 'ignore'; reason: 'duplicate' | 'stale-epoch' }
  | { action: 'resync'; reason: 'new-owner' | 'gap' }

interface FeedState {
  epoch: number
  lastSeq: number
  lastHeardAt: number
  /** Nothing heard yet in this epoch: the first message sets the sequence baseline. */
  isFresh?: boolean
}

/** Per-meeting order checking on a follower node. Pure state machine: the caller passes the time. */
export class MeetingFeedTracker {
  private readonly feeds = new Map<string, FeedState>()

  accept(message: MeetingMessage, now: number): FeedDecision {
    const state = this.feeds.get(message.meetingId)
    if (state?.isFresh && message.epoch === state.epoch) {
      this.feeds.set(message.meetingId, { epoch: message.epoch, lastSeq: message.seq, lastHeardAt: now })
      return message.kind === 'broadcast' ? { action: 'deliver' } : { action: 'alive' }
    }
    if (!state || state.epoch === 0) {
      // The first message we hear sets the baseline: the follower loaded the committed state when it started
      // following, and everything broadcast from here on comes in order after it.
      this.feeds.set(message.meetingId, { epoch: message.epoch, lastSeq: message.seq, lastHeardAt: now })
      return message.kind === 'broadcast' ? { action: 'deliver' } : { action: 'alive' }
    }
    if (message.epoch < state.epoch) return { action: 'ignore', reason: 'stale-epoch' }
    if (message.epoch > state.epoch) {
      this.feeds.set(message.meetingId, { epoch: message.epoch, lastSeq: message.seq, lastHeardAt: now })
      return { action: 'resync', reason: 'new-owner' }
    }
    state.lastHeardAt = now
    if (message.kind === 'beat') {
      if (message.seq > state.lastSeq) {
        state.lastSeq = message.seq
        return { action: 'resync', reason: 'gap' }
      }
      return { action: 'alive' }
    }
    if (message.seq <= state.lastSeq) return { action: 'ignore', reason: 'duplicate' }
    const isNext = message.seq === state.lastSeq + 1
    state.lastSeq = message.seq
    return isNext ? { action: 'deliver' } : { action: 'resync', reason: 'gap' }
  }

  /** Meetings whose owner has said nothing (not even a heartbeat) for longer than `silenceMs`; forgets them. */
  takeSilent(now: number, silenceMs: number): string[] {
    const silent: string[] = []
    for (const [meetingId, state] of this.feeds) {
      if (now - state.lastHeardAt > silenceMs) {
        silent.push(meetingId)
        this.feeds.delete(meetingId)
      }
    }
    return silent
  }

  /** Start over for a meeting (after its sockets were closed, or when it stops being followed). */
  forget(meetingId: string): void {
    this.feeds.delete(meetingId)
  }

  /**
   * Begin the silence clock for a meeting before its first message arrives. With the owner's `epoch` known (from the
   * lease table), an older owner still talking is ignored from the start and a newer one is a resync.
   */
  watch(meetingId: string, now: number, epoch = 0): void {
    if (!this.feeds.has(meetingId)) this.feeds.set(meetingId, { epoch, lastSeq: 0, lastHeardAt: now, isFresh: epoch > 0 })
  }
}
