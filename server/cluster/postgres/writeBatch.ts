import type { PoolClient } from 'pg'
import type { MeetingBatch } from '../../persistence/MeetingStore.ts'

export type Tx = PoolClient

const asBytes = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength)

/** Writes one meeting's share of a commit inside the caller's transaction (the SQLite store's writeBatch, in SQL). */
export async function writeBatch(tx: Tx, batch: MeetingBatch, writerEpoch: number | null): Promise<void> {
  if (batch.credentials.length > 0) {
    await tx.query(
      `INSERT INTO credentials (meeting_id, participant_id, role, token_hash)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[])
       ON CONFLICT (meeting_id, participant_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, role = EXCLUDED.role`,
      [
        batch.meetingId,
        batch.credentials.map((c) => c.participantId),
        batch.credentials.map((c) => c.role),
        batch.credentials.map((c) => c.tokenHash),
      ],
    )
  }
  await writeDoc(tx, batch.meetingId, 'meeting', batch.update, batch.snapshot, writerEpoch)
  if (batch.vault) await writeDoc(tx, batch.meetingId, 'vault', batch.vault.update, batch.vault.snapshot, writerEpoch)
  for (const extra of batch.extraDocs ?? []) {
    await writeDoc(tx, batch.meetingId, extra.name, extra.update, extra.snapshot, writerEpoch)
  }
  if (batch.commands.length > 0) {
    await tx.query(
      `INSERT INTO command_log (meeting_id, actor_key, command_id, result_json)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[])
       ON CONFLICT DO NOTHING`,
      [batch.meetingId, batch.commands.map((c) => c.actorKey), batch.commands.map((c) => c.commandId), batch.commands.map((c) => c.resultJson)],
    )
  }
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
  if (snapshot) {
    await tx.query('DELETE FROM doc_updates WHERE meeting_id = $1 AND doc_name = $2', [meetingId, docName])
    await tx.query(
      'INSERT INTO doc_updates (meeting_id, doc_name, seq, update_blob, writer_epoch) VALUES ($1, $2, 1, $3, $4)',
      [meetingId, docName, asBytes(snapshot), writerEpoch],
    )
  } else if (update) {
    await tx.query(
      `INSERT INTO doc_updates (meeting_id, doc_name, seq, update_blob, writer_epoch)
       SELECT $1, $2, COALESCE(MAX(seq), 0) + 1, $3, $4 FROM doc_updates WHERE meeting_id = $1 AND doc_name = $2`,
      [meetingId, docName, asBytes(update), writerEpoch],
    )
  }
}
