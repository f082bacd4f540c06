import type * as Y from 'yjs'
import type { GroupCommitter } from '../persistence/GroupCommitter.ts'
import type { Awaitable } from '../persistence/MeetingStore.ts'

const UNLOAD_IDLE_MS = 5 * 60_000

/** What LoadedRooms needs of a room: the meeting room and a team space both fit. */
export interface LoadableRoom {
  readonly id: string
  readonly doc: Y.Doc
  readonly broken: boolean
  readonly isEmpty: boolean
  readonly hasUncommittedChanges: boolean
}

/**
 * Rooms kept in memory while they have sockets: each is loaded from storage on first use (or again after it broke)
 * and unloaded some minutes after its last socket left, flushing uncommitted changes first.
 */
export class LoadedRooms<Room extends LoadableRoom> {
  private readonly rooms = new Map<string, Room>()
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>()
  private readonly loading = new Map<string, Promise<Room | null>>()

  constructor(
    private readonly deps: {
      committer: GroupCommitter
      /** Builds the room from storage, or null when it does not exist (at once, or later for an async store). */
      load: (id: string) => Awaitable<Room | null>
      /** Called after a room is loaded or unloaded, with how many are loaded now. */
      onCountChange?: (count: number) => void
    },
  ) {}

  /** The loaded room, if any (without loading it). */
  peek(id: string): Room | null {
    return this.rooms.get(id) ?? null
  }

  /**
   * The room, loading it first if needed. A loaded room (and one from a synchronous store) comes back at once;
   * otherwise a promise. Concurrent callers share one load.
   */
  get(id: string): Awaitable<Room | null> {
    const timer = this.unloadTimers.get(id)
    if (timer) {
      clearTimeout(timer)
      this.unloadTimers.delete(id)
    }
    const existing = this.rooms.get(id)
    if (existing && !existing.broken) return existing
    const loading = this.loading.get(id)
    if (loading) return loading
    const loaded = this.deps.load(id)
    if (!(loaded instanceof Promise)) return this.keep(id, loaded)
    const pending = loaded.then(
      (room) => this.keep(id, room),
      (error: unknown) => {
        this.loading.delete(id)
        throw error
      },
    )
    this.loading.set(id, pending)
    return pending
  }

  private keep(id: string, room: Room | null): Room | null {
    this.loading.delete(id)
    if (!room) return null
    const existing = this.rooms.get(id)
    // reason: a room loaded meanwhile (after a broken one was replaced) wins; loads never race a live room.
    if (existing && !existing.broken && existing !== room) return existing
    this.rooms.set(id, room)
    this.deps.onCountChange?.(this.rooms.size)
    return room
  }

  /** Unloads a room some minutes after its last socket left (it reloads from disk on the next one). */
  releaseIfIdle(room: Room): void {
    if (!room.isEmpty || this.unloadTimers.has(room.id)) return
    const timer = setTimeout(async () => {
      if (room.hasUncommittedChanges) await this.deps.committer.flush()
      if (this.unloadTimers.get(room.id) !== timer) return
      this.unloadTimers.delete(room.id)
      if (!room.isEmpty) return
      if (this.rooms.get(room.id) === room) this.rooms.delete(room.id)
      room.doc.destroy()
      this.deps.onCountChange?.(this.rooms.size)
    }, UNLOAD_IDLE_MS)
    timer.unref()
    this.unloadTimers.set(room.id, timer)
  }

  all(): IterableIterator<Room> {
    return this.rooms.values()
  }

  close(): void {
    for (const t of this.unloadTimers.values()) clearTimeout(t)
    this.unloadTimers.clear()
    for (const room of this.rooms.values()) room.doc.destroy()
    this.rooms.clear()
  }
}
