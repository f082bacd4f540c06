import type { Logger } from 'pino'
import type { GroupCommitter } from '../persistence/GroupCommitter.ts'
import type { MeetingStore, TeamSpaceStore } from '../persistence/MeetingStore.ts'
import type { Metrics } from '../metrics.ts'
import { TeamRoom, teamDocName } from './TeamRoom.ts'

const UNLOAD_IDLE_MS = 5 * 60_000

/** The team spaces that have sockets, loaded from storage on first use and unloaded minutes after the last leaves. */
export class TeamRegistry {
  private readonly rooms = new Map<string, TeamRoom>()
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>()

  constructor(
    private readonly deps: {
      store: MeetingStore & TeamSpaceStore
      committer: GroupCommitter
      metrics: Metrics
      log: Logger
      compactAfterUpdates: number
    },
  ) {}

  /** The loaded room, if any (without loading it). */
  peek(teamId: string): TeamRoom | null {
    return this.rooms.get(teamId) ?? null
  }

  get(teamId: string): TeamRoom | null {
    const timer = this.unloadTimers.get(teamId)
    if (timer) {
      clearTimeout(timer)
      this.unloadTimers.delete(teamId)
    }
    const existing = this.rooms.get(teamId)
    if (existing && !existing.broken) return existing
    const team = this.deps.store.findTeamSpace(teamId)
    if (!team) return null
    const updates = this.deps.store.loadDoc(team.meetingId, teamDocName(team.id))
    const room = new TeamRoom(team, updates, {
      store: this.deps.store,
      committer: this.deps.committer,
      compactAfterUpdates: this.deps.compactAfterUpdates,
      onCommand: (type, outcome) => this.deps.metrics.commands.inc({ type, outcome }),
    })
    this.rooms.set(teamId, room)
    this.deps.log.info({ teamId, updates: updates.length }, 'team space loaded')
    return room
  }

  releaseIfIdle(room: TeamRoom): void {
    if (!room.isEmpty || this.unloadTimers.has(room.id)) return
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.id)
      if (!room.isEmpty) return
      if (room.hasUncommittedChanges) this.deps.committer.flush()
      if (this.rooms.get(room.id) === room) this.rooms.delete(room.id)
      room.doc.destroy()
    }, UNLOAD_IDLE_MS)
    timer.unref()
    this.unloadTimers.set(room.id, timer)
  }

  close(): void {
    for (const t of this.unloadTimers.values()) clearTimeout(t)
    this.unloadTimers.clear()
    for (const room of this.rooms.values()) room.doc.destroy()
    this.rooms.clear()
  }
}
