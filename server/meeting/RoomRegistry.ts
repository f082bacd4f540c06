import type { Logger } from 'pino'
import type { MeetingStore } from '../persistence/MeetingStore.ts'
import type { GroupCommitter } from '../persistence/GroupCommitter.ts'
import type { Metrics } from '../metrics.ts'
import { MeetingRoom } from './MeetingRoom.ts'

const UNLOAD_IDLE_MS = 5 * 60_000

/** Keeps the meetings that have sockets in memory, loading each from storage on first use. */
export class RoomRegistry {
  private readonly rooms = new Map<string, MeetingRoom>()
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>()

  constructor(
    private readonly deps: {
      store: MeetingStore
      committer: GroupCommitter
      metrics: Metrics
      log: Logger
      maxParticipants: number
      compactAfterUpdates: number
    },
  ) {}

  get(meetingId: string): MeetingRoom | null {
    const timer = this.unloadTimers.get(meetingId)
    if (timer) {
      clearTimeout(timer)
      this.unloadTimers.delete(meetingId)
    }
    const existing = this.rooms.get(meetingId)
    if (existing && !existing.broken) return existing
    const stored = this.deps.store.loadMeeting(meetingId)
    if (!stored) return null
    const room = new MeetingRoom(meetingId, stored, {
      store: this.deps.store,
      committer: this.deps.committer,
      maxParticipants: this.deps.maxParticipants,
      compactAfterUpdates: this.deps.compactAfterUpdates,
      onCommand: (type, outcome) => this.deps.metrics.commands.inc({ type, outcome }),
      otherRoom: (id) => {
        const other = this.get(id)
        // Loaded only to be written (no socket of its own): unload it again later, like any idle meeting.
        if (other) queueMicrotask(() => this.releaseIfIdle(other))
        return other
      },
    })
    this.rooms.set(meetingId, room)
    this.deps.metrics.meetingsLoaded.set(this.rooms.size)
    this.deps.log.info({ meetingId, updates: stored.updates.length }, 'meeting loaded')
    return room
  }

  /** Unloads a meeting some minutes after its last socket left (it reloads from disk on the next one). */
  releaseIfIdle(room: MeetingRoom): void {
    if (!room.isEmpty || this.unloadTimers.has(room.id)) return
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.id)
      if (!room.isEmpty) return
      if (room.hasUncommittedChanges) this.deps.committer.flush()
      if (this.rooms.get(room.id) === room) this.rooms.delete(room.id)
      room.doc.destroy()
      this.deps.metrics.meetingsLoaded.set(this.rooms.size)
    }, UNLOAD_IDLE_MS)
    timer.unref()
    this.unloadTimers.set(room.id, timer)
  }

  all(): IterableIterator<MeetingRoom> {
    return this.rooms.values()
  }

  close(): void {
    for (const t of this.unloadTimers.values()) clearTimeout(t)
    this.unloadTimers.clear()
    for (const room of this.rooms.values()) room.doc.destroy()
    this.rooms.clear()
  }
}
