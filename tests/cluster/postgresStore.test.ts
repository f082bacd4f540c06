import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readMeetingView } from '../../shared/meeting/meetingDoc.ts'
import { PostgresMeetingStore } from '../../server/cluster/postgres/PostgresMeetingStore.ts'
import type { Credential } from '../../server/persistence/MeetingStore.ts'
import { freshDatabase } from './helpers/freshDatabase.ts'
import { ThrowawayPostgres } from './helpers/ThrowawayPostgres.ts'
import { batch, CARD, change, docFrom, FACILITATOR, newMeeting } from '../helpers/storeTestKit.ts'

// The SqliteMeetingStore contract (server/persistence/SqliteMeetingStore.test.ts), run against a real Postgres.

let server: ThrowawayPostgres
let url: string
let store: PostgresMeetingStore

beforeAll(async () => {
  server = await ThrowawayPostgres.start()
})
afterAll(async () => {
  await server?.destroy()
})
beforeEach(async () => {
  url = await freshDatabase(server)
  store = await PostgresMeetingStore.connect({ connectionString: url })
})
afterEach(async () => {
  await store.close()
})

async function createMeeting(id: string): Promise<Y.Doc> {
  const { initialUpdate, doc } = newMeeting(id)
  await store.createMeeting({ id, createdAt: 1000, initialUpdate, credentials: [FACILITATOR] })
  return doc
}

async function rebuild(meetingId: string, from = store): Promise<Y.Doc> {
  return docFrom(await from.loadMeeting(meetingId), meetingId)
}

describe('PostgresMeetingStore', () => {
  it('loads a created meeting exactly as it was stored', async () => {
    const doc = await createMeeting('m1')
    const stored = await store.loadMeeting('m1')
    expect(stored).toMatchObject({ id: 'm1', createdAt: 1000, credentials: [FACILITATOR] })
    expect(stored?.updates).toHaveLength(1)
    expect(readMeetingView(await rebuild('m1'))).toEqual(readMeetingView(doc))
  })

  it('keeps the server-only vault doc and key-result docs apart from the shared doc', async () => {
    const doc = await createMeeting('m1')
    const vault = new Y.Doc()
    let vaultUpdate: Uint8Array | null = null
    vault.on('update', (u: Uint8Array) => (vaultUpdate = u))
    vault.getMap('secrets').set('s1', 'private proposal')
    const kr = new Uint8Array([1, 2, 3])
    const shared = change(doc, (m) => m.meeting.set('stage', { stage: 'submit', startedAt: 1 }))
    await store.commit([
      batch('m1', { update: shared, vault: { update: vaultUpdate, snapshot: null }, extraDocs: [{ name: 'kr:o1', update: kr, snapshot: null }] }),
    ])
    const stored = await store.loadMeeting('m1')
    expect(stored?.updates).toHaveLength(2)
    expect(stored?.vaultUpdates).toEqual([vaultUpdate])
    expect(stored?.extraDocs).toEqual({ 'kr:o1': [kr] })
    expect(await store.updateCount('m1')).toBe(2)
    expect((await rebuild('m1')).getMap('secrets').size).toBe(0)
    await store.commit([batch('m1', { snapshot: Y.encodeStateAsUpdate(doc) })])
    expect((await store.loadMeeting('m1'))?.vaultUpdates).toEqual([vaultUpdate])
    expect((await store.loadMeeting('m1'))?.updates).toHaveLength(1)
  })

  it('knows nothing about a meeting it never stored', async () => {
    expect(await store.loadMeeting('nope')).toBeNull()
    expect(await store.updateCount('nope')).toBe(0)
  })

  it('refuses to create the same meeting twice', async () => {
    await createMeeting('m1')
    await expect(createMeeting('m1')).rejects.toThrow()
    expect(await store.countMeetings()).toBe(1)
    expect((await store.loadMeeting('m1'))?.updates).toHaveLength(1)
  })

  it('appends committed updates in order, so replaying them rebuilds the doc', async () => {
    const doc = await createMeeting('m1')
    const u1 = change(doc, (m) => m.meeting.set('stage', { stage: 'submit', startedAt: 2000 }))
    const u2 = change(doc, (m) => m.cards.set('c1', CARD))
    const u3 = change(doc, (m) => m.meeting.set('title', 'Renamed'))
    await store.commit([batch('m1', { update: u1 })])
    await store.commit([batch('m1', { update: u2 }), batch('m1', { update: u3 })])
    expect(await store.updateCount('m1')).toBe(4)
    expect((await store.loadMeeting('m1'))?.updates.slice(1)).toEqual([u1, u2, u3])
    const view = readMeetingView(await rebuild('m1'))
    expect(view?.stage).toBe('submit')
    expect(view?.cards.map((c) => c.id)).toEqual(['c1'])
  })

  it('writes nothing from a commit in which one batch fails', async () => {
    const a = await createMeeting('ma')
    const good = batch('ma', {
      update: change(a, (m) => m.meeting.set('stage', { stage: 'submit', startedAt: 1 })),
      credentials: [{ participantId: 'ana', role: 'participant', tokenHash: 'b'.repeat(64) }],
      commands: [{ actorKey: 'fac', commandId: 'cmd-1', resultJson: '{"stage":"submit"}' }],
    })
    const bad = batch('ghost', { update: new Uint8Array([0, 0]) })
    await expect(store.commit([good, bad])).rejects.toThrow()
    expect(await store.updateCount('ma')).toBe(1)
    expect((await store.loadMeeting('ma'))?.credentials).toEqual([FACILITATOR])
    expect(await store.findCommandResult('ma', 'fac', 'cmd-1')).toBeNull()
    expect(readMeetingView(await rebuild('ma'))?.stage).toBe('mission')
  })

  it('stores credentials with their batch and replaces a rotated token hash', async () => {
    await createMeeting('m1')
    const ana: Credential = { participantId: 'ana', role: 'participant', tokenHash: 'b'.repeat(64) }
    await store.commit([batch('m1', { credentials: [ana] })])
    await store.commit([batch('m1', { credentials: [{ ...ana, tokenHash: 'c'.repeat(64) }] })])
    const credentials = (await store.loadMeeting('m1'))?.credentials ?? []
    expect(credentials).toHaveLength(2)
    expect(credentials.find((c) => c.participantId === 'ana')?.tokenHash).toBe('c'.repeat(64))
  })

  it('replaces all stored updates by a compaction snapshot and keeps appending after it', async () => {
    const doc = await createMeeting('m1')
    for (let i = 0; i < 5; i++) {
      await store.commit([batch('m1', { update: change(doc, (m) => m.meeting.set('timer', { startedAt: i, durationMs: 60_000 })) })])
    }
    expect(await store.updateCount('m1')).toBe(6)
    const last = change(doc, (m) => m.meeting.set('stage', { stage: 'vote', startedAt: 9 }))
    const snapshot = Y.encodeStateAsUpdate(doc)
    await store.commit([batch('m1', { update: last, snapshot })])
    expect(await store.updateCount('m1')).toBe(1)
    expect((await store.loadMeeting('m1'))?.updates).toEqual([snapshot])
    await store.commit([batch('m1', { update: change(doc, (m) => m.meeting.set('stage', { stage: 'group', startedAt: 10 })) })])
    expect(await store.updateCount('m1')).toBe(2)
    expect(readMeetingView(await rebuild('m1'))).toEqual(readMeetingView(doc))
  })

  it('applies several batches of one meeting in one commit as if one after another (updates, a snapshot, rotated tokens)', async () => {
    const doc = await createMeeting('m1')
    const u1 = change(doc, (m) => m.meeting.set('stage', { stage: 'submit', startedAt: 1 }))
    const snapshot = Y.encodeStateAsUpdate(doc)
    const u3 = change(doc, (m) => m.cards.set('c1', CARD))
    const ana = (tokenHash: string): Credential => ({ participantId: 'ana', role: 'participant', tokenHash })
    await store.commit([
      batch('m1', { update: u1, credentials: [ana('b'.repeat(64))] }),
      batch('m1', { snapshot, credentials: [ana('c'.repeat(64))] }),
      batch('m1', { update: u3, credentials: [ana('d'.repeat(64))] }),
    ])
    const stored = await store.loadMeeting('m1')
    expect(stored?.updates).toEqual([snapshot, u3])
    expect(stored?.credentials.find((c) => c.participantId === 'ana')?.tokenHash).toBe('d'.repeat(64))
    expect(readMeetingView(await rebuild('m1'))).toEqual(readMeetingView(doc))
    await store.commit([batch('m1', { update: change(doc, (m) => m.meeting.set('title', 'Renamed')) })])
    expect(await store.updateCount('m1')).toBe(3)
    expect((await rebuild('m1')).getMap('meeting').get('title')).toBe('Renamed')
  })

  it('finds a logged command result and keeps the first when an id is logged twice', async () => {
    await createMeeting('m1')
    await createMeeting('m2')
    await store.commit([batch('m1', { commands: [{ actorKey: 'fac', commandId: 'cmd-1', resultJson: '"first"' }] })])
    await store.commit([batch('m1', { commands: [{ actorKey: 'fac', commandId: 'cmd-1', resultJson: '"second"' }] })])
    expect(await store.findCommandResult('m1', 'fac', 'cmd-1')).toBe('"first"')
    expect(await store.findCommandResult('m1', 'ana', 'cmd-1')).toBeNull()
    expect(await store.findCommandResult('m2', 'fac', 'cmd-1')).toBeNull()
  })

  it('stores team spaces and their docs, apart from the meeting load', async () => {
    await createMeeting('m1')
    const row = { id: 't1', meetingId: 'm1', name: 'Platform', createdAt: 5000, editorTokenHash: 'd'.repeat(64) }
    await store.createTeamSpace({ ...row, initialUpdate: new Uint8Array([9, 9]) })
    await store.commit([batch('m1', { extraDocs: [{ name: 'team:t1', update: new Uint8Array([7]), snapshot: null }] })])
    expect(await store.findTeamSpace('t1')).toEqual(row)
    expect(await store.listTeamSpaces('m1')).toEqual([row])
    await store.setTeamEditorHash('t1', 'e'.repeat(64))
    expect((await store.findTeamSpace('t1'))?.editorTokenHash).toBe('e'.repeat(64))
    expect(await store.loadDoc('m1', 'team:t1')).toEqual([new Uint8Array([9, 9]), new Uint8Array([7])])
    expect((await store.loadMeeting('m1'))?.extraDocs).toEqual({})
    expect(await store.findTeamSpace('nope')).toBeNull()
  })

  it('keeps everything across a reconnect, and several nodes migrating at once run each migration once', async () => {
    const doc = await createMeeting('m1')
    await store.commit([batch('m1', { update: change(doc, (m) => m.meeting.set('stage', { stage: 'submit', startedAt: 1 })) })])
    const others = await Promise.all([1, 2, 3].map(() => PostgresMeetingStore.connect({ connectionString: url })))
    try {
      expect(readMeetingView(await rebuild('m1', others[2]))?.stage).toBe('submit')
      const { rows } = await store.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')
      expect(rows.map((r) => r.version)).toEqual([1, 2])
    } finally {
      await Promise.all(others.map((o) => o.close()))
    }
  })

  it('runs every connection with synchronous_commit on', async () => {
    const clients = await Promise.all([1, 2, 3].map(() => store.db.connect()))
    try {
      for (const c of clients) expect((await c.query('SHOW synchronous_commit')).rows[0]).toEqual({ synchronous_commit: 'on' })
    } finally {
      for (const c of clients) c.release()
    }
  })
})
