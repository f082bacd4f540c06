import pg from 'pg'
import type { Credential, MeetingBatch, MeetingStore, NewMeeting, StoredMeeting, TeamSpaceRow, TeamSpaceStore } from '../../persistence/MeetingStore.ts'
import { renewLeases, type OwnedLease } from '../lease/meetingLease.ts'
import { migratePostgres } from './pgMigrations.ts'
import { writeBatch, writeBatches, writeDoc, type EpochBatch, type Tx } from './writeBatch.ts'

export interface PostgresStoreOptions {
  connectionString: string
  /** Pool size. One commit is in flight at a time; the rest serve loads and HTTP reads. */
  maxConnections?: number
  /**
   * A session idle inside a transaction this long is ended by Postgres. A node cut off mid-commit thereby loses
   * its row locks (and its uncommitted writes) instead of blocking the takeover of its meetings.
   */
  idleInTransactionTimeoutMs?: number
  /** A query not answered this long fails on the node's side (then the commit counts as failed: no acks). */
  queryTimeoutMs?: number
}

/** The fence for one commit: who this node is and which lease (epoch) it holds for each meeting it writes. */
export interface CommitFence {
  nodeId: string
  leaseTtlMs: number
  leaseOf(meetingId: string): OwnedLease | null
}

export interface FencedCommitResult {
  /** Meetings whose batches are now committed: they may be acknowledged. */
  committed: string[]
  /** Meetings this node no longer owns: nothing of theirs was written; drop the room and close its sockets. */
  fenced: string[]
}

/**
 * The meeting store on Postgres (cluster mode, `DATABASE_URL`). Same tables and semantics as SqliteMeetingStore;
 * every call is async. Each connection runs with `synchronous_commit = on`, so COMMIT returns only once the WAL is
 * flushed: an acknowledgement sent after it survives a Postgres crash.
 */
export class PostgresMeetingStore implements MeetingStore, TeamSpaceStore {
  private constructor(private readonly pool: pg.Pool) {}

  static async connect(options: PostgresStoreOptions): Promise<PostgresMeetingStore> {
    const idleMs = options.idleInTransactionTimeoutMs ?? 5_000
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 8,
      options: `-c synchronous_commit=on -c idle_in_transaction_session_timeout=${idleMs}`,
      query_timeout: options.queryTimeoutMs ?? 10_000,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
    })
    // reason: an idle pooled connection that dies (Postgres restarted) must not crash the node; the pool
    // discards it and the next query opens a fresh one.
    pool.on('error', () => undefined)
    const client = await pool.connect()
    try {
      await migratePostgres(client)
    } finally {
      client.release()
    }
    return new PostgresMeetingStore(pool)
  }

  /** For the lease module and tests: the same pool, so leases and data share Postgres's one clock and locks. */
  get db(): pg.Pool {
    return this.pool
  }

  async createMeeting(meeting: NewMeeting): Promise<void> {
    await this.transaction(async (tx) => {
      await tx.query('INSERT INTO meetings (id, created_at) VALUES ($1, $2)', [meeting.id, meeting.createdAt])
      await writeBatch(
        tx,
        {
          meetingId: meeting.id,
          update: meeting.initialUpdate,
          credentials: meeting.credentials,
          commands: [],
          snapshot: null,
          vault: meeting.initialVaultUpdate ? { update: meeting.initialVaultUpdate, snapshot: null } : undefined,
        },
        null,
      )
    })
  }

  /** One consistent snapshot of the meeting (REPEATABLE READ), even while its owner keeps committing. */
  async loadMeeting(id: string): Promise<StoredMeeting | null> {
    return this.transaction(async (tx) => {
      const meeting = await tx.query<{ id: string; createdAt: number }>('SELECT id, created_at::float8 AS "createdAt" FROM meetings WHERE id = $1', [id])
      const row = meeting.rows[0]
      if (!row) return null
      const credentials = await tx.query<Credential>(
        'SELECT participant_id AS "participantId", role, token_hash AS "tokenHash" FROM credentials WHERE meeting_id = $1 ORDER BY participant_id',
        [id],
      )
      const docs = await tx.query<{ doc_name: string; blob: Buffer }>(
        "SELECT doc_name, update_blob AS blob FROM doc_updates WHERE meeting_id = $1 AND doc_name NOT LIKE 'team:%' ORDER BY doc_name, seq",
        [id],
      )
      const byDoc = new Map<string, Uint8Array[]>()
      for (const d of docs.rows) {
        const list = byDoc.get(d.doc_name) ?? []
        list.push(new Uint8Array(d.blob))
        byDoc.set(d.doc_name, list)
      }
      const extraDocs: Record<string, Uint8Array[]> = {}
      for (const [name, updates] of byDoc) if (name !== 'meeting' && name !== 'vault') extraDocs[name] = updates
      return {
        id: row.id,
        createdAt: row.createdAt,
        updates: byDoc.get('meeting') ?? [],
        vaultUpdates: byDoc.get('vault') ?? [],
        extraDocs,
        credentials: credentials.rows,
      }
    }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
  }

  /** Single-node mode: no lease, no fence (the only writer is this process). */
  async commit(batches: readonly MeetingBatch[]): Promise<void> {
    if (batches.length === 0) return
    await this.transaction((tx) =>
      writeBatches(
        tx,
        batches.map((batch) => ({ batch, writerEpoch: null })),
      ),
    )
  }

  /**
   * Cluster mode: one transaction that first renews this node's leases for the meetings in the batch
   * (`… WHERE node_id = me AND epoch = mine`, which also locks those rows until COMMIT), then writes only the
   * meetings still owned. Resolves after COMMIT; throws if the commit may not have happened (then nothing may be
   * acknowledged, and the caller reloads).
   */
  async commitFenced(batches: readonly MeetingBatch[], fence: CommitFence): Promise<FencedCommitResult> {
    // Ask once per meeting: the fence and the epoch stamped on the writes must be the same lease.
    const leaseByMeeting = new Map<string, OwnedLease | null>()
    for (const b of batches) if (!leaseByMeeting.has(b.meetingId)) leaseByMeeting.set(b.meetingId, fence.leaseOf(b.meetingId))
    const leases = new Map<string, OwnedLease>()
    for (const lease of leaseByMeeting.values()) if (lease) leases.set(lease.leaseKey, lease)
    return this.transaction(async (tx) => {
      const renewed = await renewLeases(tx, fence.nodeId, [...leases.values()], fence.leaseTtlMs)
      const result: FencedCommitResult = { committed: [], fenced: [] }
      const owned: EpochBatch[] = []
      for (const batch of batches) {
        const lease = leaseByMeeting.get(batch.meetingId)
        const isOwned = lease != null && renewed.has(lease.leaseKey)
        const list = isOwned ? result.committed : result.fenced
        if (!list.includes(batch.meetingId)) list.push(batch.meetingId)
        if (isOwned) owned.push({ batch, writerEpoch: lease.epoch })
      }
      await writeBatches(tx, owned)
      return result
    })
  }

  async findCommandResult(meetingId: string, actorKey: string, commandId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ result_json: string }>(
      'SELECT result_json FROM command_log WHERE meeting_id = $1 AND actor_key = $2 AND command_id = $3',
      [meetingId, actorKey, commandId],
    )
    return rows[0]?.result_json ?? null
  }

  /** Every logged command key of a meeting: a new owner reads them at takeover, so resends are answered from the log. */
  async listCommandKeys(meetingId: string): Promise<{ actorKey: string; commandId: string }[]> {
    const { rows } = await this.pool.query<{ actorKey: string; commandId: string }>(
      'SELECT actor_key AS "actorKey", command_id AS "commandId" FROM command_log WHERE meeting_id = $1',
      [meetingId],
    )
    return rows
  }

  async updateCount(meetingId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM doc_updates WHERE meeting_id = $1 AND doc_name = 'meeting'", [
      meetingId,
    ])
    return rows[0]?.n ?? 0
  }

  async countMeetings(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM meetings')
    return rows[0]?.n ?? 0
  }

  async createTeamSpace(team: TeamSpaceRow & { initialUpdate: Uint8Array }): Promise<void> {
    await this.transaction(async (tx) => {
      await tx.query('INSERT INTO team_spaces (id, meeting_id, name, created_at, editor_token_hash) VALUES ($1, $2, $3, $4, $5)', [
        team.id,
        team.meetingId,
        team.name,
        team.createdAt,
        team.editorTokenHash,
      ])
      await writeDoc(tx, team.meetingId, `team:${team.id}`, team.initialUpdate, null, null)
    })
  }

  async findTeamSpace(teamId: string): Promise<TeamSpaceRow | null> {
    const { rows } = await this.pool.query<TeamSpaceRow>(`${TEAM_COLUMNS} WHERE id = $1`, [teamId])
    return rows[0] ?? null
  }

  async listTeamSpaces(meetingId: string): Promise<TeamSpaceRow[]> {
    const { rows } = await this.pool.query<TeamSpaceRow>(`${TEAM_COLUMNS} WHERE meeting_id = $1 ORDER BY created_at, id`, [meetingId])
    return rows
  }

  async setTeamEditorHash(teamId: string, editorTokenHash: string): Promise<void> {
    await this.pool.query('UPDATE team_spaces SET editor_token_hash = $1 WHERE id = $2', [editorTokenHash, teamId])
  }

  async loadDoc(meetingId: string, docName: string): Promise<Uint8Array[]> {
    const { rows } = await this.pool.query<{ blob: Buffer }>(
      'SELECT update_blob AS blob FROM doc_updates WHERE meeting_id = $1 AND doc_name = $2 ORDER BY seq',
      [meetingId, docName],
    )
    return rows.map((r) => new Uint8Array(r.blob))
  }

  async close(): Promise<void> {
    await this.pool.end()
  }

  private async transaction<T>(work: (tx: Tx) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    const client = await this.pool.connect()
    let isBroken = false
    // reason: a connection that dies between two statements emits 'error' on the checked-out client; the
    // statement in progress (or the next one) fails as well, and that failure is what the caller acts on.
    const ignoreDrop = () => undefined
    client.on('error', ignoreDrop)
    try {
      await client.query(begin)
      const result = await work(client)
      await client.query('COMMIT')
      return result
    } catch (error) {
      isBroken = true
      await client.query('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      // A connection that failed mid-transaction may be dead or confused: never hand it out again.
      client.off('error', ignoreDrop)
      client.release(isBroken)
    }
  }
}

const TEAM_COLUMNS = 'SELECT id, meeting_id AS "meetingId", name, created_at::float8 AS "createdAt", editor_token_hash AS "editorTokenHash" FROM team_spaces'
