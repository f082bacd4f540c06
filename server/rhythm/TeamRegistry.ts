import type { KeyedBuckets } from '../limits/KeyedBuckets.ts'
import type { Logger } from 'pino'
import type { GroupCommitter } from '../persistence/GroupCommitter.ts'
import type { MeetingStore, TeamSpaceStore } from '../persistence/MeetingStore.ts'
import type { Metrics } from '../metrics.ts'
import { LoadedRooms } from '../meeting/LoadedRooms.ts'
import { TeamRoom, teamDocName } from './TeamRoom.ts'

/** The team spaces that have sockets, loaded from storage on first use and unloaded minutes after the last leaves. */
export class TeamRegistry {
  private readonly rooms: LoadedRooms<TeamRoom>

  constructor(
    private readonly deps: {
      store: MeetingStore & TeamSpaceStore
      committer: GroupCommitter
      metrics: Metrics
      log: Logger
      compactAfterUpdates: number
      /** Reactions per `<team>\0<address>`; none: unlimited. */
      reactionsPerAddress?: KeyedBuckets
    },
  ) {
    this.rooms = new LoadedRooms({ committer: deps.committer, load: (teamId) => this.load(teamId) })
  }

  /** The loaded room, if any (without loading it). */
  peek(teamId: string): TeamRoom | null {
    return this.rooms.peek(teamId)
  }

  /** The team space's room, loaded from storage on first use. */
  async open(teamId: string): Promise<TeamRoom | null> {
    return this.rooms.get(teamId)
  }

  private async load(teamId: string): Promise<TeamRoom | null> {
    const team = await this.deps.store.findTeamSpace(teamId)
    if (!team) return null
    const updates = await this.deps.store.loadDoc(team.meetingId, teamDocName(team.id))
    const room = new TeamRoom(team, updates, {
      store: this.deps.store,
      committer: this.deps.committer,
      compactAfterUpdates: this.deps.compactAfterUpdates,
      onCommand: this.deps.metrics.countCommand,
      admitReaction: (conn) => {
        const limit = this.deps.reactionsPerAddress
        if (!limit || !conn.address || limit.tryTake(`${teamId}\u0000${conn.address}`)) return null
        this.deps.metrics.protocolErrors.inc({ reason: 'reaction_limited' })
        return { code: 'rate_limited', message: 'Too many reactions from your network just now; try again in a minute.' }
      },
    })
    this.deps.log.info({ teamId, updates: updates.length }, 'team space loaded')
    return room
  }

  releaseIfIdle(room: TeamRoom): void {
    this.rooms.releaseIfIdle(room)
  }

  all(): IterableIterator<TeamRoom> {
    return this.rooms.all()
  }

  close(): void {
    this.rooms.close()
  }
}
