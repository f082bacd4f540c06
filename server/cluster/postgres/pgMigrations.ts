import type { PoolClient } from 'pg'

/**
 * The Postgres schema, append-only like the SQLite one (a released migration is never edited). It mirrors the
 * SQLite tables, plus `meeting_owner` (one owner per meeting, with a fencing epoch) and, on every stored update,
 * the epoch of the owner that wrote it (null when written without a lease: meeting creation, single-node mode),
 * and a global write order, so a test — or an operator — can prove that no stale owner wrote after a takeover.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE meetings (
     id text PRIMARY KEY,
     created_at bigint NOT NULL
   );
   CREATE TABLE credentials (
     meeting_id text NOT NULL REFERENCES meetings(id),
     participant_id text NOT NULL,
     role text NOT NULL CHECK (role IN ('facilitator', 'participant')),
     token_hash text NOT NULL,
     PRIMARY KEY (meeting_id, participant_id)
   );
   CREATE TABLE doc_updates (
     meeting_id text NOT NULL REFERENCES meetings(id),
     doc_name text NOT NULL,
     seq bigint NOT NULL,
     update_blob bytea NOT NULL,
     writer_epoch bigint,
     write_id bigint GENERATED ALWAYS AS IDENTITY,
     PRIMARY KEY (meeting_id, doc_name, seq)
   );
   CREATE TABLE command_log (
     meeting_id text NOT NULL REFERENCES meetings(id),
     actor_key text NOT NULL,
     command_id text NOT NULL,
     result_json text NOT NULL,
     PRIMARY KEY (meeting_id, actor_key, command_id)
   );
   CREATE TABLE team_spaces (
     id text PRIMARY KEY,
     meeting_id text NOT NULL REFERENCES meetings(id),
     name text NOT NULL,
     created_at bigint NOT NULL,
     editor_token_hash text NOT NULL
   );
   CREATE INDEX team_spaces_by_meeting ON team_spaces (meeting_id, created_at);
   -- A row is never deleted: releasing a lease only expires it, so an epoch is never handed out twice.
   CREATE TABLE meeting_owner (
     lease_key text PRIMARY KEY,
     node_id text NOT NULL,
     epoch bigint NOT NULL CHECK (epoch > 0),
     lease_until timestamptz NOT NULL
   );`,
  // Cluster nodes find each other here: the owner of a meeting (meeting_owner.node_id) is reached at its url.
  // The internal secret lets a node trust the client address another node forwards with a proxied socket.
  `CREATE TABLE cluster_nodes (
     node_id text PRIMARY KEY,
     url text NOT NULL,
     seen_until timestamptz NOT NULL
   );
   CREATE TABLE cluster_settings (
     name text PRIMARY KEY,
     value text NOT NULL
   );
   INSERT INTO cluster_settings (name, value)
     VALUES ('internal_secret', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));`,
]

/** Brings the schema up to date. Several nodes may start at once: an advisory lock makes them take turns. */
export async function migratePostgres(client: PoolClient): Promise<number> {
  await client.query('BEGIN')
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('quarterdeck.migrations'))")
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at bigint NOT NULL)')
    const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations')
    const current = rows[0]?.v ?? 0
    for (let version = current + 1; version <= MIGRATIONS.length; version++) {
      await client.query(MIGRATIONS[version - 1] as string)
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [version, Date.now()])
    }
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  }
  return MIGRATIONS.length
}
