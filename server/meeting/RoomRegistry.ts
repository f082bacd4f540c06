import type { Logger } from 'pino'
import type { MeetingStore, StoredMeeting } from '../persistence/MeetingStore.ts'
import type { GroupCommitter } from '../persistence/GroupCommitter.ts'
import type { Metrics } from '../metrics.ts'
import { MeetingRoom } from './MeetingRoom.ts'
import { LoadedRooms } from './LoadedRooms.ts'
import type { KeyedBuckets } from '../limits/KeyedBuckets.ts'
import type { SemanticScorer } from '../similarity/SemanticScorer.ts'

/** Keeps the meetings that have sockets in memory, loading each from storage on first use. */
export class RoomRegistry {
  private readonly rooms: LoadedRooms<MeetingRoom>

  constructor(
    private readonly deps: {
      store: MeetingStore
      committer: GroupCommitter
      metrics: Metrics
      log: Logger
      maxParticipants: number
      compactAfterUpdates: number
      /** Joins per remote address, across meetings; none: unlimited. */
      joinsPerAddress?: KeyedBuckets
      /** The sentence model for similarity, shared by every meeting (its cache too); null: lexical only. */
      semantic?: SemanticScorer | null
      /** Told of every room as it loads (cluster mode notes which lease the meeting is written under). */
      onLoaded?: (room: MeetingRoom) => void
      /** Told of every committed shared update (cluster mode with Redis publishes it to following nodes). */
      onCommittedUpdate?: (meetingId: string, update: Uint8Array) => void
    },
  ) {
    this.rooms = new LoadedRooms({
      committer: deps.committer,
      load: (meetingId) => this.load(meetingId),
      onCountChange: (count) => this.deps.metrics.meetingsLoaded.set(count),
    })
  }

  /** The meeting's room, loaded from storage on first use. */
  async open(meetingId: string): Promise<MeetingRoom | null> {
    return this.rooms.get(meetingId)
  }

  /**
   * The room now, for in-process tests and tools: loaded on the spot when the store answers synchronously
   * (SQLite); with an async store only a room that is already loaded (null otherwise, while it loads).
   */
  get(meetingId: string): MeetingRoom | null {
    const room = this.rooms.get(meetingId)
    return room instanceof Promise ? null : room
  }

  /** Already loaded, without loading. */
  peek(meetingId: string): MeetingRoom | null {
    return this.rooms.peek(meetingId)
  }

  private load(meetingId: string): MeetingRoom | null | Promise<MeetingRoom | null> {
    const stored = this.deps.store.loadMeeting(meetingId)
    return stored instanceof Promise ? stored.then((s) => this.build(meetingId, s)) : this.build(meetingId, stored)
  }

  private build(meetingId: string, stored: StoredMeeting | null): MeetingRoom | null {
    if (!stored) return null
    const room = new MeetingRoom(meetingId, stored, {
      store: this.deps.store,
      committer: this.deps.committer,
      maxParticipants: this.deps.maxParticipants,
      compactAfterUpdates: this.deps.compactAfterUpdates,
      admitJoin: (conn) => {
        const address = conn.address
        if (!address || !this.deps.joinsPerAddress || this.deps.joinsPerAddress.tryTake(address)) return null
        this.deps.metrics.protocolErrors.inc({ reason: 'join_limited' })
        const seconds = Math.max(1, this.deps.joinsPerAddress.secondsUntilNext(address))
        return { code: 'rate_limited', message: `Too many people joined from your network just now; try again in ${seconds} s.` }
      },
      semantic: this.deps.semantic ?? null,
      onCommittedUpdate: this.deps.onCommittedUpdate,
      onCommand: this.deps.metrics.countCommand,
      onError: (error) => this.deps.log.error({ err: error, meetingId }, 'command failed after waiting on storage'),
      otherRoom: (id) => {
        const other = this.rooms.get(id)
        if (other instanceof Promise) return other.then((room) => this.releaseLater(room))
        return this.releaseLater(other)
      },
    })
    this.deps.onLoaded?.(room)
    this.deps.log.info({ meetingId, updates: stored.updates.length }, 'meeting loaded')
    return room
  }

  /** For a room loaded only to be written (no socket of its own): unload it again later, like any idle meeting. */
  private releaseLater(room: MeetingRoom | null): MeetingRoom | null {
    if (room) queueMicrotask(() => this.releaseIfIdle(room))
    return room
  }

  /** Unloads a meeting some minutes after its last socket left (it reloads from disk on the next one). */
  releaseIfIdle(room: MeetingRoom): void {
    this.rooms.releaseIfIdle(room)
  }

  /** Unloads a meeting no socket holds right away (see LoadedRooms.unloadNowIfIdle). */
  unloadNowIfIdle(room: MeetingRoom): void {
    this.rooms.unloadNowIfIdle(room)
  }

  /** Whether a meeting is in memory now (without loading it). */
  isLoaded(meetingId: string): boolean {
    return this.rooms.peek(meetingId) !== null
  }

  all(): IterableIterator<MeetingRoom> {
    return this.rooms.all()
  }

  close(): void {
    this.rooms.close()
  }
}
