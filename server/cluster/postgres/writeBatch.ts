import type { PoolClient } from 'pg'
import type { Credential, MeetingBatch } from '../../persistence/MeetingStore.ts'

export type Tx = PoolClient

const asBytes = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength)

/** One meeting's batch and the epoch its writer holds (null: written without a lease). */
export interface EpochBatch {
  batch: MeetingBatch
  writerEpoch: number | null
}

interface DocRows {
  meetingId: string
  docName: string
  /** A snapshot in this commit replaces everything stored before it. */
  isReplaced: boolean
  blobs: Uint8Array[]
  writerEpoch: number | null
}

/**
 * Writes a whole commit (any number of meetings) in a fixed number of statements, whatever its size: one
 * DELETE for compacted docs, one INSERT of all updates, one of all command results, one upsert of all
 * credentials. Round trips, not rows, are what a networked database charges for. Same outcome as applying the
 * batches one by one in order, as the SQLite store does.
 */
export async function writeBatches(tx: Tx, items: readonly EpochBatch[]): Promise<void> {
  const docs = new Map<string, DocRows>()
  const credentials = new Map<string, { meetingId: string } & Credential>()
  const commands: { meetingId: string; actorKey: string; commandId: string; resultJson: string }[] = []
  const addDoc = (meetingId: string, docName: string, update: Uint8Array | null, snapshot: Uint8Array | null, writerEpoch: number | null) => {
    const key = `${meetingId}\u0000${docName}`
    const rows = docs.get(key) ?? { meetingId, docName, isReplaced: false, blobs: [], writerEpoch }
    rows.writerEpoch = writerEpoch
    if (snapshot) {
      rows.isReplaced = true
      rows.blobs = [snapshot]
    } else if (update) {
      rows.blobs.push(update)
    }
    docs.set(key, rows)
  }
  for (const { batch, writerEpoch } of items) {
    // The last hash given for a participant wins, as with one upsert per batch.
    for (const c of batch.credentials) credentials.set(`${batch.meetingId}\u0000${c.participantId}`, { meetingId: batch.meetingId, ...c })
    addDoc(batch.meetingId, 'meeting', batch.update, batch.snapshot, writerEpoch)
    if (batch.vault) addDoc(batch.meetingId, 'vault', batch.vault.update, batch.vault.snapshot, writerEpoch)
    for (const extra of batch.extraDocs ?? []) addDoc(batch.meetingId, extra.name, extra.update, extra.snapshot, writerEpoch)
    for (const c of batch.commands) commands.push({ meetingId: batch.meetingId, ...c })
  }

  if (credentials.size > 0) {
    const list = [...credentials.values()]
    await tx.query(
      `INSERT INTO credentials (meeting_id, participant_id, role, token_hash)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
       ON CONFLICT (meeting_id, participant_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, role = EXCLUDED.role`,
      [list.map((c) => c.meetingId), list.map((c) => c.participantId), list.map((c) => c.role), list.map((c) => c.tokenHash)],
    )
  }
  const replaced = [...docs.values()].filter((d) => d.isReplaced)
  if (replaced.length > 0) {
    await tx.query(
      `DELETE FROM doc_updates d USING unnest($1::text[], $2::text[]) AS r(meeting_id, doc_name)
       WHERE d.meeting_id = r.meeting_id AND d.doc_name = r.doc_name`,
      [replaced.map((d) => d.meetingId), replaced.map((d) => d.docName)],
    )
  }
  const rows = [...docs.values()].flatMap((d) => d.blobs.map((blob, i) => ({ ...d, blob, ord: i + 1 })))
  if (rows.length > 0) {
    // seq continues each doc's log: its current maximum (0 after a compaction's DELETE) plus the row's place in
    // this commit. WITH ORDINALITY keeps the insertion (write_id) order equal to the order of the batches.
    await tx.query(
      `INSERT INTO doc_updates (meeting_id, doc_name, seq, update_blob, writer_epoch)
       SELECT u.meeting_id, u.doc_name,
              COALESCE((SELECT MAX(d.seq) FROM doc_updates d WHERE d.meeting_id = u.meeting_id AND d.doc_name = u.doc_name), 0) + u.ord,
              u.blob, u.epoch
       FROM unnest($1::text[], $2::text[], $3::bytea[], $4::bigint[], $5::int[]) WITH ORDINALITY AS u(meeting_id, doc_name, blob, epoch, ord, n)
       ORDER BY u.n`,
      [rows.map((r) => r.meetingId), rows.map((r) => r.docName), rows.map((r) => asBytes(r.blob)), rows.map((r) => r.writerEpoch), rows.map((r) => r.ord)],
    )
  }
  if (commands.length > 0) {
    await tx.query(
      `INSERT INTO command_log (meeting_id, actor_key, command_id, result_json)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
       ON CONFLICT DO NOTHING`,
      [commands.map((c) => c.meetingId), commands.map((c) => c.actorKey), commands.map((c) => c.commandId), commands.map((c) => c.resultJson)],
    )
  }
}

/** One meeting's share of a commit inside the caller's transaction. */
export async function writeBatch(tx: Tx, batch: MeetingBatch, writerEpoch: number | null): Promise<void> {
  await writeBatches(tx, [{ batch, writerEpoch }])
}

/** Appends an update to a named doc, or replaces all its updates by one snapshot (compaction). */
export async function writeDoc(
  tx: Tx,
  meetingId: string,
  docName: string,
  update: Uint8Array | null,
  snapshot: Uint8Array | null,
  writerEpoch: number | null,
): Promise<void> {
  const extraDocs = [{ name: docName, update, snapshot }]
  await writeBatches(tx, [{ batch: { meetingId, update: null, credentials: [], commands: [], snapshot: null, extraDocs }, writerEpoch }])
}
