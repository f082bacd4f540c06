import { join } from 'node:path'
import Database from 'better-sqlite3'
import * as Y from 'yjs'

export interface StoredMeeting {
  /** The meeting doc rebuilt from the stored updates, without garbage collection: every stored item keeps its content. */
  doc: Y.Doc
  /** The server-only doc (people, done marks, ballots…), rebuilt the same way. */
  vault: Y.Doc
  /** `seq` of each stored update row, in order (a compaction restarts them at 1). */
  seqs: number[]
  /** actor key + "\u0000" + command id → logged result JSON. */
  commandLog: Map<string, string>
  /** Participant ids with a stored credential. */
  credentials: Set<string>
}

/**
 * Reads a meeting from the server's SQLite file, through a read-only connection that never checkpoints: after a
 * SIGKILL the restarted server, not this reader, must be the one to recover the write-ahead log.
 */
export function readStored(dataDir: string, meetingId: string): StoredMeeting {
  const db = new Database(join(dataDir, 'quarterdeck.sqlite'), { readonly: true, fileMustExist: true })
  try {
    const columns = (db.prepare('PRAGMA table_info(doc_updates)').all() as { name: string }[]).map((c) => c.name)
    const onlyMeetingDoc = columns.includes('doc_name') ? "AND doc_name = 'meeting'" : ''
    const rows = db.prepare(`SELECT seq, update_blob AS blob FROM doc_updates WHERE meeting_id = ? ${onlyMeetingDoc} ORDER BY seq`).all(meetingId) as {
      seq: number
      blob: Buffer
    }[]
    const doc = new Y.Doc({ gc: false })
    for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.blob))
    const vault = new Y.Doc({ gc: false })
    if (onlyMeetingDoc) {
      const vaultRows = db.prepare("SELECT update_blob AS blob FROM doc_updates WHERE meeting_id = ? AND doc_name = 'vault' ORDER BY seq").all(meetingId) as {
        blob: Buffer
      }[]
      for (const row of vaultRows) Y.applyUpdate(vault, new Uint8Array(row.blob))
    }
    const log = db
      .prepare('SELECT actor_key AS actorKey, command_id AS commandId, result_json AS resultJson FROM command_log WHERE meeting_id = ?')
      .all(meetingId) as { actorKey: string; commandId: string; resultJson: string }[]
    const credentials = db.prepare('SELECT participant_id AS id FROM credentials WHERE meeting_id = ?').all(meetingId) as { id: string }[]
    return {
      doc,
      vault,
      seqs: rows.map((r) => r.seq),
      commandLog: new Map(log.map((r) => [`${r.actorKey}\u0000${r.commandId}`, r.resultJson])),
      credentials: new Set(credentials.map((c) => c.id)),
    }
  } finally {
    db.close()
  }
}

/** Items (with their map and key) created after `since` (a state vector), and how much new clock is unaccounted for. */
export function itemsCreatedSince(doc: Y.Doc, since: Map<number, number>): { items: NewItem[]; opaqueLength: number } {
  const names = new Map<unknown, string>()
  for (const [name, type] of doc.share) names.set(type, name)
  const items: NewItem[] = []
  let opaqueLength = 0
  for (const [client, structs] of doc.store.clients) {
    const from = since.get(client) ?? 0
    for (const struct of structs) {
      if (struct.id.clock + struct.length <= from) continue
      if (struct instanceof Y.Item && struct.parent instanceof Y.AbstractType && struct.parent._item === null) {
        items.push({
          map: names.get(struct.parent) ?? '?',
          key: struct.parentSub,
          content: struct.content.getContent()[0],
          isDeleted: struct.deleted,
        })
      } else {
        opaqueLength += struct.length
      }
    }
  }
  return { items, opaqueLength }
}

export interface NewItem {
  map: string
  key: string | null
  content: unknown
  isDeleted: boolean
}
