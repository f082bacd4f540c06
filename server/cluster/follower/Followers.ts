import type { RoomConnection } from '../../sync/RoomConnection.ts'
import type { FeedEvent } from '../relay/RedisRelay.ts'
import { fromBase64, type NodeMessage } from '../relay/relayMessages.ts'
import { FollowerMeeting, type OwnerRef } from './FollowerMeeting.ts'

/** What the follower side needs of the relay (RedisRelay; a fake in unit tests). */
export interface FollowerRelay {
  readonly nodeId: string
  follow(meetingId: string, epoch: number): Promise<void>
  unfollow(meetingId: string): Promise<void>
  sendToNode(nodeId: string, message: NodeMessage): Promise<void>
}

export interface FollowersOptions {
  relay: FollowerRelay
  /** The meeting doc's committed updates, from Postgres. */
  loadDoc: (meetingId: string) => Promise<Uint8Array[]>
  /** A meeting with no socket here is unfollowed after this long (a reconnecting crowd finds it still loaded). */
  idleMs?: number
  /** Told of every resync (new owner, gap, silence), for metrics and logs. */
  onResync?: (meetingId: string, reason: string) => void
}

const RESYNC_REASON = 'The meeting moved between servers or missed an update; reconnecting.'

/**
 * The follower side of a node (cluster mode with Redis): the meetings it holds sockets of without owning them.
 * It routes what owners send (broadcasts on meeting channels, private items on this node's channel) to the right
 * socket, says "alive" to every owner it relays for, and closes a meeting's sockets (1012) when its feed cannot be
 * trusted any more: a new epoch, a sequence gap or an owner silent for ~3 s. Clients then reconnect, resync from
 * the committed state and resend their queued commands with the same ids, which the owner answers from its log.
 */
export class Followers {
  private readonly meetings = new Map<string, { meeting: FollowerMeeting; ready: Promise<FollowerMeeting> }>()
  private readonly sockets = new Map<string, { conn: RoomConnection; meeting: FollowerMeeting }>()
  private readonly idleTimers = new Map<string, NodeJS.Timeout>()
  private readonly aliveTimer: NodeJS.Timeout
  private nextSocket = 0

  constructor(private readonly options: FollowersOptions) {
    this.aliveTimer = setInterval(() => this.sayAlive(), 1_000)
    this.aliveTimer.unref()
  }

  /** Sockets held here for other owners, across meetings. */
  get socketCount(): number {
    return this.sockets.size
  }

  /**
   * The follower copy of a meeting owned by `owner`, loaded and subscribed. A copy following an older owner is
   * resynced first; a route older than the copy (a cached answer) uses the copy.
   */
  open(meetingId: string, owner: OwnerRef): Promise<FollowerMeeting> {
    const current = this.meetings.get(meetingId)
    if (current && !current.meeting.closed) {
      const followed = current.meeting.owner
      if (followed.epoch > owner.epoch || (followed.epoch === owner.epoch && followed.nodeId === owner.nodeId)) return current.ready
      this.resync(meetingId, 'new-owner')
    }
    const meeting: FollowerMeeting = new FollowerMeeting(
      meetingId,
      owner,
      this.linkTo(meetingId, owner.nodeId),
      () => this.newSocketId(),
      (change, socketId, conn) => this.socketsChanged(meeting, change, socketId, conn),
    )
    // Subscribe first, then read Postgres: whatever commits after the read is published after the subscription.
    const ready = this.options.relay
      .follow(meetingId, owner.epoch)
      .then(() => this.options.loadDoc(meetingId))
      .then((updates) => {
        meeting.loaded(updates)
        return meeting
      })
    ready.catch(() => this.drop(meetingId, meeting))
    this.meetings.set(meetingId, { meeting, ready })
    this.scheduleIdleCheck(meetingId)
    return ready
  }

  onFeed(event: FeedEvent): void {
    const entry = this.meetings.get(event.meetingId)
    if (!entry) return
    const { decision, message } = event
    if (decision.action === 'deliver' && message?.kind === 'broadcast') entry.meeting.applyBroadcast(fromBase64(message.update))
    else if (decision.action === 'resync') this.resync(event.meetingId, decision.reason)
  }

  /** The owner's items for sockets here, in the order it sent them. */
  onPrivates(message: Extract<NodeMessage, { kind: 'privates' }>): void {
    const unknown = new Set<string>()
    for (const item of message.items) {
      const held = this.sockets.get(item.socketId)
      if (!held) {
        unknown.add(item.socketId)
        continue
      }
      if ('frame' in item) {
        held.meeting.catchUp(held.conn)
        held.conn.send(fromBase64(item.frame))
      } else held.conn.close(item.close.code, item.close.reason)
    }
    // The owner serves a socket that is gone from here (its goodbye was lost): it stops counting it.
    if (unknown.size > 0) {
      const left = [...unknown].slice(0, 1_000)
      this.options.relay
        .sendToNode(message.owner, { kind: 'presence', meetingId: 'unknown', from: this.options.relay.nodeId, joined: [], left })
        .catch(() => undefined)
    }
  }

  /** Closes every followed meeting's sockets (the node is stopping). */
  close(): void {
    clearInterval(this.aliveTimer)
    for (const timer of this.idleTimers.values()) clearTimeout(timer)
    for (const meetingId of [...this.meetings.keys()]) this.resync(meetingId, 'stopping')
  }

  private resync(meetingId: string, reason: string): void {
    const entry = this.meetings.get(meetingId)
    if (!entry) return
    this.options.onResync?.(meetingId, reason)
    this.drop(meetingId, entry.meeting)
    entry.meeting.closeAll(1012, RESYNC_REASON)
  }

  private drop(meetingId: string, meeting: FollowerMeeting): void {
    if (this.meetings.get(meetingId)?.meeting !== meeting) return
    this.meetings.delete(meetingId)
    clearTimeout(this.idleTimers.get(meetingId))
    this.idleTimers.delete(meetingId)
    // reason: an unsubscribe that fails leaves a subscription whose messages find no meeting and are dropped.
    this.options.relay.unfollow(meetingId).catch(() => undefined)
  }

  private linkTo(meetingId: string, ownerId: string) {
    const { relay } = this.options
    return {
      forward: (socketId: string, frame: Uint8Array, opening: { address: string } | null) =>
        relay.sendToNode(ownerId, {
          kind: 'forward',
          meetingId,
          from: relay.nodeId,
          socketId,
          frame: Buffer.from(frame).toString('base64'),
          ...(opening ? { open: true, address: opening.address.slice(0, 64) } : {}),
        }),
      left: (socketId: string) => {
        relay.sendToNode(ownerId, { kind: 'presence', meetingId, from: relay.nodeId, joined: [], left: [socketId] }).catch(() => undefined)
      },
    }
  }

  private socketsChanged(meeting: FollowerMeeting, change: 'added' | 'removed', socketId: string, conn: RoomConnection): void {
    if (change === 'added') this.sockets.set(socketId, { conn, meeting })
    else {
      this.sockets.delete(socketId)
      if (this.meetings.get(meeting.meetingId)?.meeting === meeting) this.scheduleIdleCheck(meeting.meetingId)
    }
  }

  private scheduleIdleCheck(meetingId: string): void {
    clearTimeout(this.idleTimers.get(meetingId))
    const timer = setTimeout(() => {
      this.idleTimers.delete(meetingId)
      const entry = this.meetings.get(meetingId)
      if (entry?.meeting.isEmpty) this.drop(meetingId, entry.meeting)
    }, this.options.idleMs ?? 30_000)
    timer.unref()
    this.idleTimers.set(meetingId, timer)
  }

  /** Every owner this node relays for hears from it each second, or drops its sockets after a few. */
  private sayAlive(): void {
    const owners = new Map<string, string[]>()
    for (const [meetingId, { meeting }] of this.meetings) {
      if (meeting.isEmpty) continue
      const followed = owners.get(meeting.owner.nodeId)
      if (followed) followed.push(meetingId)
      else owners.set(meeting.owner.nodeId, [meetingId])
    }
    for (const [owner, meetingIds] of owners) {
      const message: NodeMessage = { kind: 'alive', from: this.options.relay.nodeId, meetingIds: meetingIds.slice(0, 10_000) }
      this.options.relay.sendToNode(owner, message).catch(() => undefined)
    }
  }

  private newSocketId(): string {
    return (++this.nextSocket).toString(36)
  }
}
