import type { Logger } from 'pino'
import type { MeetingRoom } from '../../meeting/MeetingRoom.ts'
import { RedisRelay } from '../relay/RedisRelay.ts'
import type { NodeMessage } from '../relay/relayMessages.ts'
import type { OwnerRef } from './FollowerMeeting.ts'
import type { FollowerMeeting } from './FollowerMeeting.ts'
import { Followers } from './Followers.ts'
import { PrivateOutbox } from './PrivateOutbox.ts'
import { RemoteSockets } from './RemoteSockets.ts'

export interface RelayHubOptions {
  redisUrl: string
  nodeId: string
  log: Logger
  /** The epoch under which this node holds a meeting now, or null. */
  epochOf: (meetingId: string) => number | null
  /** The meeting's room when this node owns it (taking a free lease), 'moved' otherwise, null: no such meeting. */
  admit: (meetingId: string) => Promise<MeetingRoom | null | 'moved'>
  release: (room: MeetingRoom) => void
  loadDoc: (meetingId: string) => Promise<Uint8Array[]>
  onResync?: (reason: string) => void
  /** One person's message budget across their sockets (server/limits/SocketLimits.ts); false: over it. */
  participantBudget?: (key: string) => boolean
  /** An owner silent this long (no broadcast, no heartbeat) is taken for gone by its followers. */
  silenceMs?: number
}

/**
 * Cluster mode with Redis (REDIS_URL): one Redis relay per node, with both of its roles. As an owner it publishes
 * each committed update of its meetings once on the meeting's channel (epoch + sequence, heartbeats in between) and
 * serves the sockets other nodes hold (RemoteSockets); as a follower it holds sockets of meetings others own
 * (Followers). While Redis is down `isUp` is false and new sockets are passed on to the owner instead.
 */
export class RelayHub {
  private constructor(
    private readonly relay: RedisRelay,
    readonly followers: Followers,
    readonly remote: RemoteSockets,
    private readonly log: Logger,
  ) {}

  static async connect(options: RelayHubOptions): Promise<RelayHub> {
    let hub: RelayHub | null = null
    const relay = await RedisRelay.connect(
      { url: options.redisUrl, nodeId: options.nodeId, epochOf: options.epochOf, silenceMs: options.silenceMs },
      { onFeed: (event) => hub?.followers.onFeed(event), onNodeMessage: (message) => hub?.dispatch(message) },
    )
    const outbox = new PrivateOutbox(options.nodeId, (nodeId, message) => relay.sendToNode(nodeId, message))
    const followers = new Followers({
      relay,
      loadDoc: options.loadDoc,
      onResync: (meetingId, reason) => {
        options.log.info({ meetingId, reason }, 'follower resync: closing the meeting sockets held here (1012)')
        options.onResync?.(reason)
      },
    })
    const remote = new RemoteSockets({
      admit: options.admit,
      release: options.release,
      send: (nodeId, item) => outbox.push(nodeId, item),
      isAnnounced: (meetingId) => relay.owns(meetingId),
      participantBudget: options.participantBudget,
    })
    hub = new RelayHub(relay, followers, remote, options.log)
    return hub
  }

  get isUp(): boolean {
    return this.relay.isUp
  }

  /** A follower copy of a meeting another node owns, for a new socket. */
  follow(meetingId: string, owner: OwnerRef): Promise<FollowerMeeting> {
    return this.followers.open(meetingId, owner)
  }

  /** A room loaded here under a lease: heartbeats for its followers start now, before any commit. */
  owned(room: MeetingRoom, epoch: number | null): void {
    if (epoch !== null) this.relay.own(room.id, epoch)
  }

  /**
   * A room committed a tick that changed the shared doc: publish it once for every follower, now (before the tick's
   * acks, which leave in the outbox on the next turn). Lost while Redis is down: its sequence number is spent, so
   * followers see the hole at the next heartbeat and resync.
   */
  committed(meetingId: string, update: Uint8Array, epoch: number | null): void {
    if (epoch === null) return
    this.relay.own(meetingId, epoch)
    this.relay.broadcast(meetingId, update).catch(() => undefined)
  }

  async close(): Promise<void> {
    this.followers.close()
    this.remote.close()
    await this.relay.close()
  }

  private dispatch(message: NodeMessage): void {
    switch (message.kind) {
      case 'forward':
        this.remote.onForward(message)
        return
      case 'presence':
        this.remote.onPresence(message)
        return
      case 'alive':
        this.remote.onAlive(message)
        return
      case 'privates':
        this.followers.onPrivates(message)
        return
      case 'private':
        // The earlier one-frame form: nothing sends it any more.
        this.log.debug({ owner: message.owner }, 'ignoring a single private frame')
        return
    }
  }
}
