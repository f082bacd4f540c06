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

/**
 * The storage interface. SQLite is the embedded default; another engine only needs these methods.
 * Every method is synchronous so "persisted" has one meaning: the call returned.
 */
export interface MeetingStore {
  createMeeting(meeting: { id: string; createdAt: number; initialUpdate: Uint8Array; initialVaultUpdate?: Uint8Array; credentials: Credential[] }): void
  loadMeeting(id: string): StoredMeeting | null
  commit(batches: readonly MeetingBatch[]): void
  findCommandResult(meetingId: string, actorKey: string, commandId: string): string | null
  /**
   * Every logged (actor, command id) of a meeting, read once when its room handles its first command so that a fresh
   * command id skips `findCommandResult` (server/meeting/SeenCommandIds.ts). Optional: without it every command asks.
   */
  listCommandKeys?(meetingId: string): Iterable<{ actorKey: string; commandId: string }>
  updateCount(meetingId: string): number
  countMeetings(): number
  close(): void
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
  createTeamSpace(team: TeamSpaceRow & { initialUpdate: Uint8Array }): void
  findTeamSpace(teamId: string): TeamSpaceRow | null
  listTeamSpaces(meetingId: string): TeamSpaceRow[]
  setTeamEditorHash(teamId: string, editorTokenHash: string): void
  /** The stored updates of one named doc of a meeting, in commit order. */
  loadDoc(meetingId: string, docName: string): Uint8Array[]
}
