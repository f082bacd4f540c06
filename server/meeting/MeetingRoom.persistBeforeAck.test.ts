import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import { readMeetingView } from '../../shared/meeting/meetingDoc.ts'
import { MESSAGE_APP, MESSAGE_SYNC, readAppPayload } from '../../shared/protocol/wire.ts'
import type { ServerMessage } from '../../shared/protocol/messages.ts'
import { GroupCommitter } from '../persistence/GroupCommitter.ts'
import type { MeetingBatch, MeetingStore } from '../persistence/MeetingStore.ts'
import { SqliteMeetingStore } from '../persistence/SqliteMeetingStore.ts'
import { newToken } from '../security/tokens.ts'
import { createMeetingDoc, createMeetingVault } from './createMeetingDoc.ts'
import { MeetingRoom, type RoomConnection } from './MeetingRoom.ts'
import { addSyncedConnection } from '../../tests/helpers/addSyncedConnection.ts'

const MEETING_ID = 'meeting-persist-1'

/** A real store that writes every event into the shared log, and can be told to fail its next commit. */
class RecordingStore implements MeetingStore {
  shouldFailNextCommit = false
  constructor(
    readonly inner: SqliteMeetingStore,
    private readonly log: string[],
  ) {}
  createMeeting(meeting: Parameters<MeetingStore['createMeeting']>[0]) {
    return this.inner.createMeeting(meeting)
  }
  loadMeeting(id: string) {
    return this.inner.loadMeeting(id)
  }
  async commit(batches: readonly MeetingBatch[]) {
    if (this.shouldFailNextCommit) {
      this.shouldFailNextCommit = false
      this.log.push('commit failed')
      throw new Error('disk full')
    }
    await this.inner.commit(batches)
    this.log.push('commit')
  }
  findCommandResult(meetingId: string, actorKey: string, commandId: string) {
    return this.inner.findCommandResult(meetingId, actorKey, commandId)
  }
  updateCount(meetingId: string) {
    return this.inner.updateCount(meetingId)
  }
  countMeetings() {
    return this.inner.countMeetings()
  }
  close() {
    this.inner.close()
  }
}

/** A socket as the room sees it, writing what it is sent into the shared log. */
function fakeConnection(name: string, log: string[]): RoomConnection & { messages: ServerMessage[] } {
  const messages: ServerMessage[] = []
  return {
    actor: { role: 'anonymous' },
    messages,
    send(frame) {
      const decoder = decoding.createDecoder(frame)
      const type = decoding.readVarUint(decoder)
      if (type === MESSAGE_SYNC) return void log.push(`${name}: sync update`)
      if (type !== MESSAGE_APP) return void log.push(`${name}: type ${type}`)
      const message = readAppPayload(decoder) as ServerMessage
      messages.push(message)
      if (message.kind === 'reply') log.push(`${name}: ${message.ok ? 'ok' : `error ${message.error.code}`} ${message.id}`)
      else if (message.kind === 'notice') log.push(`${name}: notice ${message.error.code}`)
    },
    close(code) {
      log.push(`${name}: closed ${code}`)
    },
  }
}

let dataDir: string
let log: string[]
let store: RecordingStore
let room: MeetingRoom
let facilitatorToken: string

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'qd-room-'))
  log = []
  store = new RecordingStore(new SqliteMeetingStore(dataDir), log)
  const { token, tokenHash } = newToken('fac')
  facilitatorToken = token
  store.createMeeting({
    id: MEETING_ID,
    createdAt: 1000,
    initialUpdate: createMeetingDoc(
      {
        title: 'Company OKRs',
        quarter: '2027 Q1',
        mission: { value: 'help teams decide', field: 'software', impact: '' },
        objectiveCount: 3,
      },
      { meetingId: MEETING_ID, facilitatorId: 'fac' },
      1000,
    ),
    initialVaultUpdate: createMeetingVault('fac', 1000),
    credentials: [{ participantId: 'fac', role: 'facilitator', tokenHash }],
  })
  room = new MeetingRoom(MEETING_ID, store.inner.loadMeeting(MEETING_ID) as NonNullable<ReturnType<SqliteMeetingStore['loadMeeting']>>, {
    store,
    committer: new GroupCommitter(store),
    maxParticipants: 100,
    compactAfterUpdates: 500,
  })
})

afterEach(() => {
  store.close()
  rmSync(dataDir, { recursive: true, force: true })
})

/** Waits for the group commit of this tick (scheduled with setImmediate) and its replies. */
function nextTick(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)))
}

function storedView() {
  const doc = new Y.Doc()
  for (const u of store.inner.loadMeeting(MEETING_ID)?.updates ?? []) Y.applyUpdate(doc, u)
  return readMeetingView(doc)
}

async function connectFacilitator(name = 'fac'): Promise<ReturnType<typeof fakeConnection>> {
  const conn = fakeConnection(name, log)
  addSyncedConnection(room, conn, log)
  room.handleCommand(conn, { id: `hello-${name}`, type: 'hello', token: facilitatorToken })
  await nextTick()
  log.length = 0
  return conn
}

describe('persist before acknowledge', () => {
  it('acknowledges a command only after the commit that stores it has returned, and broadcasts before the ack', async () => {
    const fac = await connectFacilitator()
    const watcher = fakeConnection('watcher', log)
    addSyncedConnection(room, watcher, log)
    room.handleCommand(fac, { id: 'a1', type: 'changeStage', move: 'advance', expected: 'mission' })
    expect(log).toEqual([])
    await nextTick()
    expect(log).toEqual(['commit', 'fac: sync update', 'watcher: sync update', 'fac: ok a1'])
    expect(storedView()?.stage).toBe('submit')
  })

  it('acknowledges a join after its participant and credential are stored', async () => {
    const conn = fakeConnection('ana', log)
    addSyncedConnection(room, conn, log)
    room.handleCommand(conn, { id: 'join-ana-0123456789abcdef', type: 'join', name: 'Ana' })
    expect(log.filter((l) => l.startsWith('ana: ok'))).toEqual([])
    await nextTick()
    expect(log.indexOf('commit')).toBeLessThan(log.indexOf('ana: ok join-ana-0123456789abcdef'))
    const reply = conn.messages.find((m) => m.kind === 'reply')
    const participantId = reply?.kind === 'reply' && reply.ok ? (reply.result as { participantId: string }).participantId : ''
    expect(storedView()?.presence.joined).toBe(1)
    expect(store.inner.loadMeeting(MEETING_ID)?.credentials.map((c) => c.participantId)).toContain(participantId)
  })

  it('tells the sender the command was not saved when the commit fails, and shows the change to nobody', async () => {
    const fac = await connectFacilitator()
    const watcher = fakeConnection('watcher', log)
    addSyncedConnection(room, watcher, log)
    store.shouldFailNextCommit = true
    room.handleCommand(fac, { id: 'a1', type: 'changeStage', move: 'advance', expected: 'mission' })
    await nextTick()
    expect(log).toContain('commit failed')
    expect(log).toContain('fac: error internal a1')
    expect(log.some((l) => l.endsWith('sync update'))).toBe(false)
    expect(log.some((l) => l.startsWith('fac: ok'))).toBe(false)
    // Memory is ahead of disk: the room drops its sockets so they reload what was stored.
    expect(log).toContain('fac: closed 1011')
    expect(log).toContain('watcher: closed 1011')
    expect(room.broken).toBe(true)
    expect(storedView()?.stage).toBe('mission')
  })

  it('answers a command id sent twice during its commit once the commit lands, applying it once', async () => {
    const fac = await connectFacilitator()
    const command = { id: 'a1', type: 'changeStage', move: 'advance', expected: 'mission' }
    room.handleCommand(fac, command)
    room.handleCommand(fac, command)
    await nextTick()
    expect(log.filter((l) => l.startsWith('fac: '))).toEqual(['fac: sync update', 'fac: ok a1', 'fac: ok a1'])
    expect(storedView()?.stage).toBe('submit')
  })

  it('answers a command id resent later from the log, writing nothing', async () => {
    const fac = await connectFacilitator()
    room.handleCommand(fac, { id: 'a1', type: 'changeStage', move: 'advance', expected: 'mission' })
    await nextTick()
    const updatesBefore = store.inner.updateCount(MEETING_ID)
    log.length = 0
    room.handleCommand(fac, { id: 'a1', type: 'changeStage', move: 'advance', expected: 'mission' })
    expect(log).toEqual(['fac: ok a1'])
    await nextTick()
    expect(log).toEqual(['fac: ok a1'])
    expect(store.inner.updateCount(MEETING_ID)).toBe(updatesBefore)
    expect(storedView()?.stage).toBe('submit')
    const replies = fac.messages.filter((m) => m.kind === 'reply' && m.id === 'a1')
    expect(replies).toEqual([replies[0], replies[0]])
  })

  it('sends a refusal at once and commits nothing for it', async () => {
    const conn = fakeConnection('anon', log)
    addSyncedConnection(room, conn, log)
    room.handleCommand(conn, { id: 'x1', type: 'changeStage', move: 'advance', expected: 'mission' })
    expect(log).toEqual(['anon: error not_joined x1'])
    await nextTick()
    expect(log).toEqual(['anon: error not_joined x1'])
  })
})
