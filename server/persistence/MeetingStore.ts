import type { Role } from '../../shared/stages/permissions.ts'

export interface Credential {
  participantId: string
  role: Role
  tokenHash: string
}

export interface StoredMeeting {
  id: string
  createdAt: number
  /** The doc's updates in the order they were committed; applying them all rebuilds the doc exactly. */
  updates: Uint8Array[]
  /** The server-only doc (private submissions, audit, undo stacks), rebuilt the same way. */
  vaultUpdates: Uint8Array[]
  /** Further docs by name (one per objective's key-result statements: `kr:<objectiveId>`). */
  extraDocs: Record<string, Uint8Array[]>
  credentials: Credential[]
}

/** What a store needs to create a meeting: its first doc update, its vault's, and the facilitator's credential. */
export interface NewMeeting {
  id: string
  createdAt: number
  initialUpdate: Uint8Array
  initialVaultUpdate?: Uint8Array
  credentials: Credential[]
}

/** The server-only doc's share of a batch. */
export interface VaultBatch {
  update: Uint8Array | null
  snapshot: Uint8Array | null
}

/** Everything one meeting wrote during one commit tick. Applied atomically with the other meetings' batches. */
export interface MeetingBatch {
  meetingId: string
  update: Uint8Array | null
  credentials: Credential[]
  commands: { actorKey: string; commandId: string; resultJson: string }[]
  /** When set, replaces all stored updates by this one snapshot (compaction). */
  snapshot: Uint8Array | null
  vault?: VaultBatch
  extraDocs?: ({ name: string } & VaultBatch)[]
}

/** What a commit refused: meetings another node owns now (cluster mode). */
export interface CommitOutcome {
  fenced: readonly string[]
}

/** The reason a fenced meeting's commit failed: another node owns it now, so its sockets go there (close 1012). */
export class MeetingFencedError extends Error {
  constructor(readonly meetingId: string) {
    super(`meeting ${meetingId} is owned by another node now`)
    this.name = 'MeetingFencedError'
  }
}

/** A value now, or later: a synchronous engine (SQLite) answers at once, a networked one with a promise. */
export type Awaitable<T> = T | Promise<T>

/**
 * The storage interface. SQLite is the embedded default; another engine (Postgres in cluster mode) only needs
 * these methods. Writes return promises: "persisted" means the promise resolved, and nobody is acknowledged
 * before that. Reads may answer synchronously or with a promise; callers handle both (`await` works for both,
 * and the command pipeline keeps a synchronous fast path when the answer is already there).
 */
export interface MeetingStore {
  createMeeting(meeting: NewMeeting): Promise<void>
  loadMeeting(id: string): Awaitable<StoredMeeting | null>
  /**
   * Applies all batches atomically (all or none). The caller has at most one commit in flight. A cluster store
   * may answer which meetings it refused to write because this node no longer owns them (`fenced`): nothing of
   * theirs was written, so they must not be acknowledged (server/cluster/node/ClusterMembership.ts).
   */
  commit(batches: readonly MeetingBatch[]): Promise<void> | Promise<CommitOutcome>
  findCommandResult(meetingId: string, actorKey: string, commandId: string): Awaitable<string | null>
  /**
   * Every logged (actor, command id) of a meeting, read once when its room handles its first command so that a fresh
   * command id skips `findCommandResult` (server/room/SeenCommandIds.ts). Optional: without it every command asks.
   */
  listCommandKeys?(meetingId: string): Awaitable<Iterable<{ actorKey: string; commandId: string }>>
  updateCount(meetingId: string): Awaitable<number>
  countMeetings(): Awaitable<number>
  close(): Awaitable<void>
}

/** A team's weekly-rhythm space (weekly rhythm, issue 9): metadata only; its doc is stored as `team:<id>`. */
export interface TeamSpaceRow {
  id: string
  meetingId: string
  name: string
  createdAt: number
  /** sha256 of the editor link's secret; the secret itself is never stored. */
  editorTokenHash: string
}

/** Storage for team spaces. Their docs are committed through MeetingBatch.extraDocs (same group commit). */
export interface TeamSpaceStore {
  createTeamSpace(team: TeamSpaceRow & { initialUpdate: Uint8Array }): Promise<void>
  findTeamSpace(teamId: string): Awaitable<TeamSpaceRow | null>
  listTeamSpaces(meetingId: string): Awaitable<TeamSpaceRow[]>
  setTeamEditorHash(teamId: string, editorTokenHash: string): Promise<void>
  /** The stored updates of one named doc of a meeting, in commit order. */
  loadDoc(meetingId: string, docName: string): Awaitable<Uint8Array[]>
}
