import type { Logger } from 'pino'
import type { MeetingStore } from '../persistence/MeetingStore.ts'
import type { GroupCommitter } from '../persistence/GroupCommitter.ts'
import type { Metrics } from '../metrics.ts'
import { MeetingRoom } from './MeetingRoom.ts'
import { LoadedRooms } from './LoadedRooms.ts'
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
      /** The sentence model for similarity, shared by every meeting (its cache too); null: lexical only. */
      semantic?: SemanticScorer | null
    },
  ) {
    this.rooms = new LoadedRooms({
      committer: deps.committer,
      load: (meetingId) => this.load(meetingId),
      onCountChange: (count) => this.deps.metrics.meetingsLoaded.set(count),
    })
  }

  get(meetingId: string): MeetingRoom | null {
    return this.rooms.get(meetingId)
  }

  private load(meetingId: string): MeetingRoom | null {
    const stored = this.deps.store.loadMeeting(meetingId)
    if (!stored) return null
    const room = new MeetingRoom(meetingId, stored, {
      store: this.deps.store,
      committer: this.deps.committer,
      maxParticipants: this.deps.maxParticipants,
      compactAfterUpdates: this.deps.compactAfterUpdates,
      semantic: this.deps.semantic ?? null,
      onCommand: (type, outcome) => this.deps.metrics.commands.inc({ type, outcome }),
      otherRoom: (id) => {
        const other = this.get(id)
        // Loaded only to be written (no socket of its own): unload it again later, like any idle meeting.
        if (other) queueMicrotask(() => this.releaseIfIdle(other))
        return other
      },
    })
    this.deps.log.info({ meetingId, updates: stored.updates.length }, 'meeting loaded')
    return room
  }

  /** Unloads a meeting some minutes after its last socket left (it reloads from disk on the next one). */
  releaseIfIdle(room: MeetingRoom): void {
    this.rooms.releaseIfIdle(room)
  }

  all(): IterableIterator<MeetingRoom> {
    return this.rooms.all()
  }

  close(): void {
    this.rooms.close()
  }
}
