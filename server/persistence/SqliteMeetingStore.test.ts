import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readMeetingView } from '../../shared/meeting/meetingDoc.ts'
import { createMeetingDoc } from '../meeting/createMeetingDoc.ts'
import type { Credential } from './MeetingStore.ts'
import { SqliteMeetingStore } from './SqliteMeetingStore.ts'
import { batch, CARD, change, docFrom, FACILITATOR, newMeeting, REQUEST } from '../../tests/helpers/storeTestKit.ts'
import { migrate } from './migrations.ts'

let dataDir: string
let store: SqliteMeetingStore

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'qd-store-'))
  store = new SqliteMeetingStore(dataDir)
})

afterEach(() => {
  store.close()
  rmSync(dataDir, { recursive: true, force: true })
})

function createMeeting(id: string): Y.Doc {
  const { initialUpdate, doc } = newMeeting(id)
  store.createMeeting({ id, createdAt: 1000, initialUpdate, credentials: [FACILITATOR] })
  return doc
}

function rebuild(meetingId: string, from = store): Y.Doc {
  return docFrom(from.loadMeeting(meetingId), meetingId)
}

describe('SqliteMeetingStore', () => {
  it('loads a created meeting exactly as it was stored', () => {
    const doc = createMeeting('m1')
    const stored = store.loadMeeting('m1')
    expect(stored).toMatchObject({ id: 'm1', createdAt: 1000, credentials: [FACILITATOR] })
    expect(stored?.updates).toHaveLength(1)
    expect(readMeetingView(rebuild('m1'))).toEqual(readMeetingView(doc))
    expect(readMeetingView(rebuild('m1'))?.title).toBe('Company OKRs')
  })

  it('keeps the server-only vault doc apart from the shared doc', () => {
    const doc = createMeeting('m1')
    const vault = new Y.Doc()
    let vaultUpdate: Uint8Array | null = null
    vault.on('update', (u: Uint8Array) => (vaultUpdate = u))
    vault.getMap('secrets').set('s1', 'private proposal')
    const shared = change(doc, (m) => m.meeting.set('stage', { stage: 'submit', startedAt: 1 }))
    store.commit([batch('m1', { update: shared, vault: { update: vaultUpdate, snapshot: null } })])
    const stored = store.loadMeeting('m1')
    expect(stored?.updates).toHaveLength(2)
    expect(stored?.vaultUpdates).toEqual([vaultUpdate])
    expect(store.updateCount('m1')).toBe(2)
    const rebuiltShared = rebuild('m1')
    expect(rebuiltShared.getMap('secrets').size).toBe(0)
    // Compacting one doc leaves the other's updates alone.
    store.commit([batch('m1', { snapshot: Y.encodeStateAsUpdate(doc) })])
    expect(store.loadMeeting('m1')?.vaultUpdates).toEqual([vaultUpdate])
    expect(store.loadMeeting('m1')?.updates).toHaveLength(1)
  })

  it('knows nothing about a meeting it never stored', () => {
    expect(store.loadMeeting('nope')).toBeNull()
    expect(store.updateCount('nope')).toBe(0)
  })

  it('refuses to create the same meeting twice', async () => {
    createMeeting('m1')
    await expect(store.createMeeting({ id: 'm1', createdAt: 1000, initialUpdate: Y.encodeStateAsUpdate(new Y.Doc()), credentials: [] })).rejects.toThrow()
    expect(store.countMeetings()).toBe(1)
    expect(store.loadMeeting('m1')?.updates).toHaveLength(1)
  })

  it('appends committed updates in order, so replaying them rebuilds the doc', () => {
    const doc = createMeeting('m1')
    const u1 = change(doc, (m) => m.meeting.set('stage', { stage: 'submit', startedAt: 2000 }))
    const u2 = change(doc, (m) => m.cards.set('c1', CARD))
    const u3 = change(doc, (m) => m.meeting.set('title', 'Renamed'))
    store.commit([batch('m1', { update: u1 })])
    store.commit([batch('m1', { update: u2 }), batch('m1', { update: u3 })])
    expect(store.updateCount('m1')).toBe(4)
    expect(store.loadMeeting('m1')?.updates.slice(1)).toEqual([u1, u2, u3])
    const view = readMeetingView(rebuild('m1'))
    expect(view?.stage).toBe('submit')
    expect(view?.cards.map((c) => c.id)).toEqual(['c1'])
    expect(doc.getMap('meeting').get('title')).toBe('Renamed')
  })

  it('commits the batches of several meetings in one transaction', () => {
    const a = createMeeting('ma')
    const b = createMeeting('mb')
    store.commit([
      batch('ma', { update: change(a, (m) => m.meeting.set('stage', { stage: 'submit', startedAt: 1 })) }),
      batch('mb', { update: change(b, (m) => m.meeting.set('stage', { stage: 'group', startedAt: 1 })) }),
    ])
    expect(readMeetingView(rebuild('ma'))?.stage).toBe('submit')
    expect(readMeetingView(rebuild('mb'))?.stage).toBe('group')
  })

  it('writes nothing from a commit in which one batch fails', async () => {
    const a = createMeeting('ma')
    const good = batch('ma', {
      update: change(a, (m) => m.meeting.set('stage', { stage: 'submit', startedAt: 1 })),
      credentials: [{ participantId: 'ana', role: 'participant', tokenHash: 'b'.repeat(64) }],
      commands: [{ actorKey: 'fac', commandId: 'cmd-1', resultJson: '{"stage":"submit"}' }],
    })
    // A batch for a meeting that does not exist breaks the foreign key.
    const bad = batch('ghost', { update: new Uint8Array([0, 0]) })
    await expect(store.commit([good, bad])).rejects.toThrow()
    expect(store.updateCount('ma')).toBe(1)
    expect(store.loadMeeting('ma')?.credentials).toEqual([FACILITATOR])
    expect(store.findCommandResult('ma', 'fac', 'cmd-1')).toBeNull()
    expect(readMeetingView(rebuild('ma'))?.stage).toBe('mission')
  })

  it('stores credentials with their batch and replaces a rotated token hash', () => {
    createMeeting('m1')
    const ana: Credential = { participantId: 'ana', role: 'participant', tokenHash: 'b'.repeat(64) }
    store.commit([batch('m1', { credentials: [ana] })])
    store.commit([batch('m1', { credentials: [{ ...ana, tokenHash: 'c'.repeat(64) }] })])
    const credentials = store.loadMeeting('m1')?.credentials ?? []
    expect(credentials).toHaveLength(2)
    expect(credentials.find((c) => c.participantId === 'ana')?.tokenHash).toBe('c'.repeat(64))
  })

  it('replaces all stored updates by a compaction snapshot', () => {
    const doc = createMeeting('m1')
    for (let i = 0; i < 5; i++) {
      store.commit([batch('m1', { update: change(doc, (m) => m.meeting.set('timer', { startedAt: i, durationMs: 60_000 })) })])
    }
    expect(store.updateCount('m1')).toBe(6)
    const last = change(doc, (m) => m.meeting.set('stage', { stage: 'vote', startedAt: 9 }))
    const snapshot = Y.encodeStateAsUpdate(doc)
    store.commit([batch('m1', { update: last, snapshot })])
    expect(store.updateCount('m1')).toBe(1)
    expect(store.loadMeeting('m1')?.updates).toEqual([snapshot])
    expect(readMeetingView(rebuild('m1'))).toEqual(readMeetingView(doc))
  })

  it('keeps appending after a snapshot', () => {
    const doc = createMeeting('m1')
    store.commit([batch('m1', { snapshot: Y.encodeStateAsUpdate(doc) })])
    const next = change(doc, (m) => m.meeting.set('stage', { stage: 'group', startedAt: 5 }))
    store.commit([batch('m1', { update: next })])
    expect(store.updateCount('m1')).toBe(2)
    expect(readMeetingView(rebuild('m1'))?.stage).toBe('group')
  })

  it('finds a logged command result by meeting, actor and command id', () => {
    createMeeting('m1')
    createMeeting('m2')
    store.commit([
      batch('m1', {
        commands: [
          { actorKey: 'fac', commandId: 'cmd-1', resultJson: '{"stage":"submit"}' },
          { actorKey: 'anonymous', commandId: 'join-1', resultJson: '{"participantId":"ana"}' },
        ],
      }),
    ])
    expect(store.findCommandResult('m1', 'fac', 'cmd-1')).toBe('{"stage":"submit"}')
    expect(store.findCommandResult('m1', 'anonymous', 'join-1')).toBe('{"participantId":"ana"}')
    expect(store.findCommandResult('m1', 'ana', 'cmd-1')).toBeNull()
    expect(store.findCommandResult('m2', 'fac', 'cmd-1')).toBeNull()
    expect(store.findCommandResult('m1', 'fac', 'cmd-2')).toBeNull()
  })

  it('keeps the first result when a command id is logged twice', () => {
    createMeeting('m1')
    store.commit([batch('m1', { commands: [{ actorKey: 'fac', commandId: 'cmd-1', resultJson: '"first"' }] })])
    store.commit([batch('m1', { commands: [{ actorKey: 'fac', commandId: 'cmd-1', resultJson: '"second"' }] })])
    expect(store.findCommandResult('m1', 'fac', 'cmd-1')).toBe('"first"')
  })

  it('counts meetings', () => {
    expect(store.countMeetings()).toBe(0)
    createMeeting('m1')
    createMeeting('m2')
    expect(store.countMeetings()).toBe(2)
  })

  it('keeps everything across a close and reopen, running each migration only once', () => {
    const doc = createMeeting('m1')
    store.commit([batch('m1', { update: change(doc, (m) => m.meeting.set('stage', { stage: 'submit', startedAt: 1 })) })])
    store.close()
    store = new SqliteMeetingStore(dataDir)
    store.close()
    store = new SqliteMeetingStore(dataDir)
    expect(readMeetingView(rebuild('m1'))?.stage).toBe('submit')
    expect(store.updateCount('m1')).toBe(2)
    const db = new Database(join(dataDir, 'quarterdeck.sqlite'), { readonly: true })
    try {
      const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]
      const fresh = new Database(':memory:')
      const latest = migrate(fresh)
      fresh.close()
      expect(versions.map((v) => v.version)).toEqual(Array.from({ length: latest }, (_, i) => i + 1))
    } finally {
      db.close()
    }
  })

  it('migrates a fresh database and is a no-op when run again', () => {
    const db = new Database(':memory:')
    try {
      const latest = migrate(db)
      expect(latest).toBeGreaterThanOrEqual(1)
      const schema = () => db.prepare('SELECT name, sql FROM sqlite_master ORDER BY name').all()
      const before = schema()
      expect(migrate(db)).toBe(latest)
      expect(schema()).toEqual(before)
      const rows = db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }
      expect(rows.n).toBe(latest)
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
      expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['command_log', 'credentials', 'doc_updates', 'meetings', 'schema_migrations']))
    } finally {
      db.close()
    }
  })

  it('upgrades a version-1 database without losing its updates', () => {
    // Start from an empty directory instead of the store beforeEach opened.
    store.close()
    rmSync(dataDir, { recursive: true, force: true })
    dataDir = mkdtempSync(join(tmpdir(), 'qd-store-'))
    const v1Path = join(dataDir, 'quarterdeck.sqlite')
    const initialUpdate = createMeetingDoc(REQUEST, { meetingId: 'old', facilitatorId: 'fac' }, 1000)
    // The schema exactly as the first release created it.
    const v1 = new Database(v1Path)
    v1.exec(`
      CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL);
      INSERT INTO schema_migrations VALUES (1, 0);
      CREATE TABLE meetings (id TEXT PRIMARY KEY, created_at INTEGER NOT NULL);
      CREATE TABLE credentials (meeting_id TEXT NOT NULL REFERENCES meetings(id), participant_id TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('facilitator', 'participant')), token_hash TEXT NOT NULL,
        PRIMARY KEY (meeting_id, participant_id));
      CREATE TABLE doc_updates (meeting_id TEXT NOT NULL REFERENCES meetings(id), seq INTEGER NOT NULL,
        update_blob BLOB NOT NULL, PRIMARY KEY (meeting_id, seq));
      CREATE TABLE command_log (meeting_id TEXT NOT NULL REFERENCES meetings(id), actor_key TEXT NOT NULL,
        command_id TEXT NOT NULL, result_json TEXT NOT NULL, PRIMARY KEY (meeting_id, actor_key, command_id));
    `)
    v1.prepare('INSERT INTO meetings VALUES (?, ?)').run('old', 1000)
    v1.prepare('INSERT INTO credentials VALUES (?, ?, ?, ?)').run('old', 'fac', 'facilitator', FACILITATOR.tokenHash)
    v1.prepare('INSERT INTO doc_updates VALUES (?, ?, ?)').run('old', 1, Buffer.from(initialUpdate))
    v1.prepare('INSERT INTO command_log VALUES (?, ?, ?, ?)').run('old', 'fac', 'cmd-1', '{"stage":"submit"}')
    v1.close()

    store = new SqliteMeetingStore(dataDir)
    const stored = store.loadMeeting('old')
    expect(stored?.updates).toEqual([initialUpdate])
    expect(stored?.credentials).toEqual([FACILITATOR])
    expect(store.findCommandResult('old', 'fac', 'cmd-1')).toBe('{"stage":"submit"}')
    expect(readMeetingView(rebuild('old'))?.title).toBe('Company OKRs')
  })

  it('runs in WAL mode with fsync on every commit by default', () => {
    const db = new Database(join(dataDir, 'quarterdeck.sqlite'), { readonly: true })
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    } finally {
      db.close()
    }
    // reason: synchronous is a per-connection setting and the store keeps its connection private.
    const fullStore = store as unknown as { db: Database.Database }
    expect(fullStore.db.pragma('synchronous', { simple: true })).toBe(2)
  })
})
