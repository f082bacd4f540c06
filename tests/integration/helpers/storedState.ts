import { join } from 'node:path'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { readMeetingView } from '../../../shared/meeting/meetingDoc.ts'
import type { MeetingView } from '../../../shared/meeting/meetingView.ts'
import type { RosterEntry } from '../../../shared/presence/presenceTypes.ts'
import { vaultMaps } from '../../../server/meeting/vaultDoc.ts'

/** A person as stored in the vault (online status is never stored). */
export type StoredPerson = Omit<RosterEntry, 'isOnline'>

export interface StoredState {
  /** The shared meeting doc as stored (the server-only vault doc is left out). */
  doc: Y.Doc
  view: MeetingView
  /** The people, from the server-only vault doc. */
  people: StoredPerson[]
  /** The doc rebuilt from storage, as one update: equal bytes mean an equal stored state. */
  update: Uint8Array
  credentials: { participantId: string; role: string; tokenHash: string }[]
  commandCount: number
}

/**
 * Reads a meeting straight from the server's SQLite file (a separate connection, so it sees only what was
 * committed). Works while the server runs (WAL readers do not block it) and after it was killed.
 */
export function readStoredMeeting(dataDir: string, meetingId: string): StoredState {
  const db = new Database(join(dataDir, 'quarterdeck.sqlite'), { fileMustExist: true })
  try {
    const blobs = db.prepare("SELECT update_blob AS blob FROM doc_updates WHERE meeting_id = ? AND doc_name = 'meeting' ORDER BY seq").all(meetingId) as {
      blob: Buffer
    }[]
    if (blobs.length === 0) throw new Error(`meeting ${meetingId} has no stored updates`)
    const credentials = db
      .prepare('SELECT participant_id AS participantId, role, token_hash AS tokenHash FROM credentials WHERE meeting_id = ?')
      .all(meetingId) as StoredState['credentials']
    const { n } = db.prepare('SELECT COUNT(*) AS n FROM command_log WHERE meeting_id = ?').get(meetingId) as { n: number }
    const doc = new Y.Doc()
    for (const { blob } of blobs) Y.applyUpdate(doc, new Uint8Array(blob))
    const view = readMeetingView(doc)
    if (!view) throw new Error(`meeting ${meetingId} has no readable view`)
    const vault = new Y.Doc()
    const vaultBlobs = db.prepare("SELECT update_blob AS blob FROM doc_updates WHERE meeting_id = ? AND doc_name = 'vault' ORDER BY seq").all(meetingId) as {
      blob: Buffer
    }[]
    for (const { blob } of vaultBlobs) Y.applyUpdate(vault, new Uint8Array(blob))
    const maps = vaultMaps(vault)
    const people: StoredPerson[] = [...maps.participants.entries()].map(([id, p]) => ({
      id,
      ...p,
      doneStage: maps.done.get(id) ?? null,
      votedRound: maps.voted.get(id) ?? 0,
    }))
    return { doc, view, people, update: Y.encodeStateAsUpdate(doc), credentials, commandCount: n }
  } finally {
    db.close()
  }
}

/** Every text and blob column of every row in the database, for "this secret is stored nowhere" checks. */
export function dumpDatabase(dataDir: string): string {
  const db = new Database(join(dataDir, 'quarterdeck.sqlite'), { readonly: true, fileMustExist: true })
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    let out = ''
    for (const { name } of tables) {
      for (const row of db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]) {
        for (const value of Object.values(row)) {
          out += Buffer.isBuffer(value) ? value.toString('latin1') : String(value)
          out += '\n'
        }
      }
    }
    return out
  } finally {
    db.close()
  }
}
