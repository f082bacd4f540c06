import type Database from 'better-sqlite3'

/** Append-only: a released migration is never edited, only followed by a new one. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE meetings (
     id TEXT PRIMARY KEY,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE credentials (
     meeting_id TEXT NOT NULL REFERENCES meetings(id),
     participant_id TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('facilitator', 'participant')),
     token_hash TEXT NOT NULL,
     PRIMARY KEY (meeting_id, participant_id)
   );
   CREATE TABLE doc_updates (
     meeting_id TEXT NOT NULL REFERENCES meetings(id),
     seq INTEGER NOT NULL,
     update_blob BLOB NOT NULL,
     PRIMARY KEY (meeting_id, seq)
   );
   CREATE TABLE command_log (
     meeting_id TEXT NOT NULL REFERENCES meetings(id),
     actor_key TEXT NOT NULL,
     command_id TEXT NOT NULL,
     result_json TEXT NOT NULL,
     PRIMARY KEY (meeting_id, actor_key, command_id)
   );`,
  // A meeting has more than one doc: the shared one and the server-only vault (and later key-result docs).
  `CREATE TABLE doc_updates_v2 (
     meeting_id TEXT NOT NULL REFERENCES meetings(id),
     doc_name TEXT NOT NULL,
     seq INTEGER NOT NULL,
     update_blob BLOB NOT NULL,
     PRIMARY KEY (meeting_id, doc_name, seq)
   );
   INSERT INTO doc_updates_v2 (meeting_id, doc_name, seq, update_blob)
     SELECT meeting_id, 'meeting', seq, update_blob FROM doc_updates;
   DROP TABLE doc_updates;
   ALTER TABLE doc_updates_v2 RENAME TO doc_updates;`,
  // Weekly rhythm: a team space belongs to one published meeting; its doc lives in doc_updates as `team:<id>`.
  `CREATE TABLE team_spaces (
     id TEXT PRIMARY KEY,
     meeting_id TEXT NOT NULL REFERENCES meetings(id),
     name TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     editor_token_hash TEXT NOT NULL
   );
   CREATE INDEX team_spaces_by_meeting ON team_spaces (meeting_id, created_at);`,
]

export function migrate(db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)')
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }
  const current = row.v ?? 0
  const apply = db.transaction(() => {
    for (let version = current + 1; version <= MIGRATIONS.length; version++) {
      db.exec(MIGRATIONS[version - 1] as string)
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(version, Date.now())
    }
  })
  apply()
  return MIGRATIONS.length
}
