import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { migrate } from './migrations.ts'
import type { Credential, MeetingBatch, MeetingStore, NewMeeting, StoredMeeting, TeamSpaceRow, TeamSpaceStore } from './MeetingStore.ts'

const MEETING_DOC = 'meeting'
const VAULT_DOC = 'vault'

export type SynchronousMode = 'FULL' | 'NORMAL'

/**
 * SQLite in WAL mode. `synchronous=FULL` by default: a commit is fsynced before we acknowledge it, so an
 * acknowledged command survives a power cut, not only a `kill -9`. Commits are grouped per tick by the caller,
 * which keeps the fsync count low under load.
 */
export class SqliteMeetingStore implements MeetingStore, TeamSpaceStore {
  private readonly db: Database.Database
  private readonly statements

  constructor(dataDir: string, synchronous: SynchronousMode = 'FULL') {
    mkdirSync(dataDir, { recursive: true })
    this.db = new Database(join(dataDir, 'quarterdeck.sqlite'))
    this.db.pragma('journal_mode = WAL')
    this.db.pragma(`synchronous = ${synchronous}`)
    this.db.pragma('foreign_keys = ON')
    this.db.pragma('busy_timeout = 5000')
    migrate(this.db)
    this.statements = {
      insertMeeting: this.db.prepare('INSERT INTO meetings (id, created_at) VALUES (?, ?)'),
      getMeeting: this.db.prepare('SELECT id, created_at AS createdAt FROM meetings WHERE id = ?'),
      countMeetings: this.db.prepare('SELECT COUNT(*) AS n FROM meetings'),
      upsertCredential: this.db.prepare(
        `INSERT INTO credentials (meeting_id, participant_id, role, token_hash) VALUES (?, ?, ?, ?)
         ON CONFLICT (meeting_id, participant_id) DO UPDATE SET token_hash = excluded.token_hash, role = excluded.role`,
      ),
      credentials: this.db.prepare('SELECT participant_id AS participantId, role, token_hash AS tokenHash FROM credentials WHERE meeting_id = ?'),
      maxSeq: this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM doc_updates WHERE meeting_id = ? AND doc_name = ?'),
      insertUpdate: this.db.prepare('INSERT INTO doc_updates (meeting_id, doc_name, seq, update_blob) VALUES (?, ?, ?, ?)'),
      updates: this.db.prepare('SELECT update_blob AS blob FROM doc_updates WHERE meeting_id = ? AND doc_name = ? ORDER BY seq'),
      extraDocNames: this.db.prepare(
        "SELECT DISTINCT doc_name AS name FROM doc_updates WHERE meeting_id = ? AND doc_name NOT IN ('meeting', 'vault') AND doc_name NOT LIKE 'team:%'",
      ),
      updateCount: this.db.prepare("SELECT COUNT(*) AS n FROM doc_updates WHERE meeting_id = ? AND doc_name = 'meeting'"),
      deleteUpdates: this.db.prepare('DELETE FROM doc_updates WHERE meeting_id = ? AND doc_name = ?'),
      insertCommand: this.db.prepare('INSERT OR IGNORE INTO command_log (meeting_id, actor_key, command_id, result_json) VALUES (?, ?, ?, ?)'),
      insertTeam: this.db.prepare('INSERT INTO team_spaces (id, meeting_id, name, created_at, editor_token_hash) VALUES (?, ?, ?, ?, ?)'),
      findTeam: this.db.prepare(
        'SELECT id, meeting_id AS meetingId, name, created_at AS createdAt, editor_token_hash AS editorTokenHash FROM team_spaces WHERE id = ?',
      ),
      listTeams: this.db.prepare(
        'SELECT id, meeting_id AS meetingId, name, created_at AS createdAt, editor_token_hash AS editorTokenHash FROM team_spaces WHERE meeting_id = ? ORDER BY created_at, id',
      ),
      setTeamHash: this.db.prepare('UPDATE team_spaces SET editor_token_hash = ? WHERE id = ?'),
      findCommand: this.db.prepare('SELECT result_json AS resultJson FROM command_log WHERE meeting_id = ? AND actor_key = ? AND command_id = ?'),
      listCommandKeys: this.db.prepare('SELECT actor_key AS actorKey, command_id AS commandId FROM command_log WHERE meeting_id = ?'),
    }
    this.commitTransaction = this.db.transaction((batches: readonly MeetingBatch[]) => {
      for (const batch of batches) this.writeBatch(batch)
    })
  }

  private readonly commitTransaction: (batches: readonly MeetingBatch[]) => void

  createMeeting(meeting: NewMeeting): Promise<void> {
    return settled(() =>
      this.db.transaction(() => {
        this.statements.insertMeeting.run(meeting.id, meeting.createdAt)
        this.writeBatch({
          meetingId: meeting.id,
          update: meeting.initialUpdate,
          credentials: meeting.credentials,
          commands: [],
          snapshot: null,
          vault: meeting.initialVaultUpdate ? { update: meeting.initialVaultUpdate, snapshot: null } : undefined,
        })
      })(),
    )
  }

  loadMeeting(id: string): StoredMeeting | null {
    const meeting = this.statements.getMeeting.get(id) as { id: string; createdAt: number } | undefined
    if (!meeting) return null
    const updatesOf = (docName: string) => (this.statements.updates.all(id, docName) as { blob: Buffer }[]).map((r) => new Uint8Array(r.blob))
    const credentials = this.statements.credentials.all(id) as Credential[]
    const extraDocs: Record<string, Uint8Array[]> = {}
    for (const { name } of this.statements.extraDocNames.all(id) as { name: string }[]) extraDocs[name] = updatesOf(name)
    return { ...meeting, updates: updatesOf(MEETING_DOC), vaultUpdates: updatesOf(VAULT_DOC), extraDocs, credentials }
  }

  /**
   * Runs the transaction synchronously (better-sqlite3 blocks until the fsync is done) and reports through the
   * promise: resolved means on disk. A rejected promise means nothing of the batches was written.
   */
  commit(batches: readonly MeetingBatch[]): Promise<void> {
    return settled(() => this.commitNow(batches))
  }

  /** The same transaction, synchronously (for harnesses that drive rooms step by step, like the decoder fuzz). */
  commitNow(batches: readonly MeetingBatch[]): void {
    if (batches.length > 0) this.commitTransaction(batches)
  }

  findCommandResult(meetingId: string, actorKey: string, commandId: string): string | null {
    const row = this.statements.findCommand.get(meetingId, actorKey, commandId) as { resultJson: string } | undefined
    return row?.resultJson ?? null
  }

  listCommandKeys(meetingId: string): { actorKey: string; commandId: string }[] {
    return this.statements.listCommandKeys.all(meetingId) as { actorKey: string; commandId: string }[]
  }

  createTeamSpace(team: TeamSpaceRow & { initialUpdate: Uint8Array }): Promise<void> {
    return settled(() =>
      this.db.transaction(() => {
        this.statements.insertTeam.run(team.id, team.meetingId, team.name, team.createdAt, team.editorTokenHash)
        this.writeDoc(team.meetingId, `team:${team.id}`, team.initialUpdate, null)
      })(),
    )
  }

  findTeamSpace(teamId: string): TeamSpaceRow | null {
    return (this.statements.findTeam.get(teamId) as TeamSpaceRow | undefined) ?? null
  }

  listTeamSpaces(meetingId: string): TeamSpaceRow[] {
    return this.statements.listTeams.all(meetingId) as TeamSpaceRow[]
  }

  setTeamEditorHash(teamId: string, editorTokenHash: string): Promise<void> {
    return settled(() => {
      this.statements.setTeamHash.run(editorTokenHash, teamId)
    })
  }

  loadDoc(meetingId: string, docName: string): Uint8Array[] {
    return (this.statements.updates.all(meetingId, docName) as { blob: Buffer }[]).map((r) => new Uint8Array(r.blob))
  }

  updateCount(meetingId: string): number {
    return (this.statements.updateCount.get(meetingId) as { n: number }).n
  }

  countMeetings(): number {
    return (this.statements.countMeetings.get() as { n: number }).n
  }

  close(): void {
    this.db.close()
  }

  private writeBatch(batch: MeetingBatch): void {
    const s = this.statements
    for (const c of batch.credentials) s.upsertCredential.run(batch.meetingId, c.participantId, c.role, c.tokenHash)
    this.writeDoc(batch.meetingId, MEETING_DOC, batch.update, batch.snapshot)
    if (batch.vault) this.writeDoc(batch.meetingId, VAULT_DOC, batch.vault.update, batch.vault.snapshot)
    for (const extra of batch.extraDocs ?? []) this.writeDoc(batch.meetingId, extra.name, extra.update, extra.snapshot)
    for (const c of batch.commands) s.insertCommand.run(batch.meetingId, c.actorKey, c.commandId, c.resultJson)
  }

  private writeDoc(meetingId: string, docName: string, update: Uint8Array | null, snapshot: Uint8Array | null): void {
    const s = this.statements
    if (snapshot) {
      s.deleteUpdates.run(meetingId, docName)
      s.insertUpdate.run(meetingId, docName, 1, snapshot)
    } else if (update) {
      const { seq } = s.maxSeq.get(meetingId, docName) as { seq: number }
      s.insertUpdate.run(meetingId, docName, seq + 1, update)
    }
  }
}

/** A synchronous write as a settled promise: resolved when it returned, rejected with what it threw. */
function settled(write: () => void): Promise<void> {
  try {
    write()
    return Promise.resolve()
  } catch (error) {
    return Promise.reject(error)
  }
}
