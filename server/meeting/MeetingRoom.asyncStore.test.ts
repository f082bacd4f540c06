import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as decoding from 'lib0/decoding'
import { MESSAGE_APP, MESSAGE_SYNC, readAppPayload } from '../../shared/protocol/wire.ts'
import type { ServerMessage } from '../../shared/protocol/messages.ts'
import { GroupCommitter } from '../persistence/GroupCommitter.ts'
import type { MeetingBatch, MeetingStore } from '../persistence/MeetingStore.ts'
import { SqliteMeetingStore } from '../persistence/SqliteMeetingStore.ts'
import { newToken } from '../security/tokens.ts'
import type { RoomConnection } from '../sync/RoomConnection.ts'
import { createMeetingDoc, createMeetingVault } from './createMeetingDoc.ts'
import { MeetingRoom } from './MeetingRoom.ts'
import { addSyncedConnection } from '../../tests/helpers/addSyncedConnection.ts'

const MEETING_ID = 'meeting-async-1'

/**
 * SQLite behind a networked store's manners: every read answers with a promise, and every commit waits until the
 * test releases it (the way a Postgres round trip would).
 */
class HeldStore implements MeetingStore {
  readonly held: { resolve: () => void }[] = []
  constructor(
    readonly inner: SqliteMeetingStore,
    private readonly log: string[],
  ) {}
  createMeeting(meeting: Parameters<MeetingStore['createMeeting']>[0]) {
    return this.inner.createMeeting(meeting)
  }
  async loadMeeting(id: string) {
    return this.inner.loadMeeting(id)
  }
  async commit(batches: readonly MeetingBatch[]) {
    this.log.push(`commit ${batches.flatMap((b) => b.commands.map((c) => c.commandId)).join(',')}`)
    await new Promise<void>((resolve) => this.held.push({ resolve }))
    await this.inner.commit(batches)
  }
  async findCommandResult(meetingId: string, actorKey: string, commandId: string) {
    return this.inner.findCommandResult(meetingId, actorKey, commandId)
  }
  async updateCount(meetingId: string) {
    return this.inner.updateCount(meetingId)
  }
  async countMeetings() {
    return this.inner.countMeetings()
  }
  close() {
    this.inner.close()
  }
  release(): void {
    this.held.shift()?.resolve()
  }
}

function fakeConnection(name: string, log: string[]): RoomConnection {
  return {
    actor: { role: 'anonymous' },
    send(frame) {
      const decoder = decoding.createDecoder(frame)
      const type = decoding.readVarUint(decoder)
      if (type === MESSAGE_SYNC) return void log.push(`${name}: sync`)
      if (type !== MESSAGE_APP) return
      const message = readAppPayload(decoder) as ServerMessage
      if (message.kind === 'reply') log.push(`${name}: ${message.ok ? 'ok' : `error ${message.error.code}`} ${message.id}`)
    },
    close(code) {
      log.push(`${name}: closed ${code}`)
    },
  }
}

let dataDir: string
let log: string[]
let store: HeldStore
let room: MeetingRoom
let facilitatorToken: string

const settle = async () => {
  for (let i = 0; i < 4; i++) await new Promise((resolve) => setImmediate(resolve))
}

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'qd-async-'))
  log = []
  store = new HeldStore(new SqliteMeetingStore(dataDir), log)
  const { token, tokenHash } = newToken('fac')
  facilitatorToken = token
  await store.createMeeting({
    id: MEETING_ID,
    createdAt: 1000,
    initialUpdate: createMeetingDoc(
      { title: 'Company OKRs', quarter: '2027 Q1', mission: { value: 'decide', field: 'software', impact: '' }, objectiveCount: 3 },
      { meetingId: MEETING_ID, facilitatorId: 'fac' },
      1000,
    ),
    initialVaultUpdate: createMeetingVault('fac', 1000),
    credentials: [{ participantId: 'fac', role: 'facilitator', tokenHash }],
  })
  const stored = await store.loadMeeting(MEETING_ID)
  if (!stored) throw new Error('not stored')
  room = new MeetingRoom(MEETING_ID, stored, { store, committer: new GroupCommitter(store), maxParticipants: 100, compactAfterUpdates: 500 })
})

afterEach(() => {
  store.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('a meeting on an async store', () => {
  it('applies commands in order, queues the next tick behind the commit in flight, and acks each after its own commit', async () => {
    const fac = fakeConnection('fac', log)
    addSyncedConnection(room, fac, log)
    room.handleCommand(fac, { id: 'h1', type: 'hello', token: facilitatorToken })
    room.handleCommand(fac, { id: 'a1', type: 'changeStage', move: 'advance', expected: 'mission' })
    await settle()
    expect(log).toEqual(['fac: ok h1', 'commit a1'])
    // The next command runs while a1's commit is held: applied in memory, not acknowledged, not yet committed.
    room.handleCommand(fac, { id: 'a2', type: 'startTimer', seconds: 60 })
    await settle()
    expect(log).toEqual(['fac: ok h1', 'commit a1'])
    expect(room.hasUncommittedChanges).toBe(true)
    store.release()
    await settle()
    expect(log).toEqual(['fac: ok h1', 'commit a1', 'fac: sync', 'fac: ok a1', 'commit a2'])
    store.release()
    await settle()
    expect(log.slice(-2)).toEqual(['fac: sync', 'fac: ok a2'])
    expect(room.stage).toBe('submit')
  })

  it('answers a resend that raced its own commit once, from memory, without applying it again', async () => {
    const fac = fakeConnection('fac', log)
    addSyncedConnection(room, fac, log)
    room.handleCommand(fac, { id: 'h1', type: 'hello', token: facilitatorToken })
    room.handleCommand(fac, { id: 'a1', type: 'changeStage', move: 'advance', expected: 'mission' })
    await settle()
    room.handleCommand(fac, { id: 'a1', type: 'changeStage', move: 'advance', expected: 'mission' })
    store.release()
    await settle()
    expect(log.filter((l) => l.includes('a1'))).toEqual(['commit a1', 'fac: ok a1', 'fac: ok a1'])
    expect(room.stage).toBe('submit')
  })

  it('waits with a sync answer while the commit holding unsaved state is in flight', async () => {
    const fac = fakeConnection('fac', log)
    addSyncedConnection(room, fac, log)
    room.handleCommand(fac, { id: 'h1', type: 'hello', token: facilitatorToken })
    room.handleCommand(fac, { id: 'a1', type: 'changeStage', move: 'advance', expected: 'mission' })
    await settle()
    const late = fakeConnection('late', log)
    room.addConnection(late)
    room.answerSyncStep1(late, new Uint8Array([0]))
    expect(log.filter((l) => l.startsWith('late'))).toEqual([])
    store.release()
    await settle()
    // One frame: the step 2 sent after the commit holds a1; the commit's broadcast skipped a socket without the doc.
    expect(log.filter((l) => l.startsWith('late'))).toEqual(['late: sync'])
  })
})
