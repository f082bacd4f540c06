import type pg from 'pg'

/** One stored update as the fencing checks need it: which epoch wrote it, in which global order. */
export interface StoredWrite {
  writeId: number
  epoch: number | null
  payload: string
}

/** Every update of one doc in the order Postgres assigned write ids (i.e. insertion order). */
export async function storedWrites(db: pg.Pool | pg.Client, meetingId: string, docName = 'meeting'): Promise<StoredWrite[]> {
  const { rows } = await db.query<{ write_id: number; epoch: number | null; blob: Buffer }>(
    `SELECT write_id::float8 AS write_id, writer_epoch::float8 AS epoch, update_blob AS blob
     FROM doc_updates WHERE meeting_id = $1 AND doc_name = $2 ORDER BY write_id`,
    [meetingId, docName],
  )
  return rows.map((r) => ({ writeId: r.write_id, epoch: r.epoch, payload: r.blob.toString('utf8') }))
}

/**
 * The fencing property: once an epoch has written, no lower epoch writes again. Returns the violations
 * (an empty list means the history is clean).
 */
export function staleWrites(writes: readonly StoredWrite[]): StoredWrite[] {
  const violations: StoredWrite[] = []
  let highest = 0
  for (const w of writes) {
    if (w.epoch === null) continue
    if (w.epoch < highest) violations.push(w)
    highest = Math.max(highest, w.epoch)
  }
  return violations
}
