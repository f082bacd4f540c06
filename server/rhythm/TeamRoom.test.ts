import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import { MESSAGE_APP, MESSAGE_SYNC, readAppPayload } from '../../shared/protocol/wire.ts'
import type { ServerMessage } from '../../shared/protocol/messages.ts'
import { readTeamView, teamMaps, type TeamRecord } from '../../shared/rhythm/teamDoc.ts'
import { GroupCommitter } from '../persistence/GroupCommitter.ts'
import type { MeetingBatch } from '../persistence/MeetingStore.ts'
import { SqliteMeetingStore } from '../persistence/SqliteMeetingStore.ts'
import type { RoomConnection } from '../sync/RoomConnection.ts'
import { hashSecret } from '../security/tokens.ts'
import { TeamRoom, teamDocName } from './TeamRoom.ts'
import { addSyncedConnection } from '../../tests/helpers/addSyncedConnection.ts'

const MEETING_ID = 'meeting-team-room-1'
const TEAM_ID = 'team-room-test-1'
const SECRET = 'editor-secret-0123456789abcdef'
const WEEK = '2027-01-04'

/** The real SQLite store, logging each commit, and able to fail the next one. */
class LoggingStore extends SqliteMeetingStore {
  shouldFailNextCommit = false
  log: string[] = []
  override async commit(batches: readonly MeetingBatch[]): Promise<void> {
    if (this.shouldFailNextCommit) {
      this.shouldFailNextCommit = false
      this.log.push('commit failed')
      throw new Error('disk full')
    }
    await super.commit(batches)
    this.log.push('commit')
  }
}

function connection(name: string, log: string[]): RoomConnection & { replies: ServerMessage[] } {
  const replies: ServerMessage[] = []
  return {
    actor: { role: 'anonymous' },
    replies,
    send(frame) {
      const decoder = decoding.createDecoder(frame)
      const type = decoding.readVarUint(decoder)
      if (type === MESSAGE_SYNC) return void log.push(`${name}: sync`)
      if (type !== MESSAGE_APP) return
      const message = readAppPayload(decoder) as ServerMessage
      replies.push(message)
      if (message.kind === 'reply') log.push(`${name}: ${message.ok ? 'ok' : `error ${message.error.code}`} ${message.id}`)
    },
    close(code) {
      log.push(`${name}: closed ${code}`)
    },
  }
}

let dataDir: string
let store: LoggingStore
let committer: GroupCommitter

function openRoom(): TeamRoom {
  const team = store.findTeamSpace(TEAM_ID)!
  return new TeamRoom(team, store.loadDoc(MEETING_ID, teamDocName(TEAM_ID)), { store, committer, compactAfterUpdates: 3 })
}

const settle = () => new Promise((resolve) => setImmediate(resolve))

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'qd-teamroom-'))
  store = new LoggingStore(dataDir)
  committer = new GroupCommitter(store)
  store.createMeeting({ id: MEETING_ID, createdAt: 0, initialUpdate: Y.encodeStateAsUpdate(new Y.Doc()), credentials: [] })
  const doc = new Y.Doc()
  const record: TeamRecord = {
    id: TEAM_ID,
    meetingId: MEETING_ID,
    name: 'Growth',
    meetingTitle: 'Acme',
    quarter: '2027 Q1',
    mission: '',
    objectives: [],
    createdAt: 0,
  }
  teamMaps(doc).team.set('record', record)
  store.createTeamSpace({
    id: TEAM_ID,
    meetingId: MEETING_ID,
    name: 'Growth',
    createdAt: 0,
    editorTokenHash: hashSecret(SECRET),
    initialUpdate: Y.encodeStateAsUpdate(doc),
  })
})

afterEach(() => {
  store.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('TeamRoom', () => {
  it('commits, then broadcasts, then acknowledges', async () => {
    const room = openRoom()
    const editor = connection('editor', store.log)
    const watcher = connection('watcher', store.log)
    addSyncedConnection(room, editor, store.log)
    addSyncedConnection(room, watcher, store.log)
    room.handleCommand(editor, { id: 'h1', type: 'hello', token: SECRET })
    store.log.length = 0
    room.handleCommand(editor, { id: 'c1', type: 'postWin', weekId: WEEK, text: 'Shipped', by: '' })
    expect(store.log).toEqual([])
    await settle()
    expect(store.log).toEqual(['commit', 'editor: sync', 'watcher: sync', 'editor: ok c1'])
    // The meeting's own load never carries its team docs.
    expect(Object.keys(store.loadMeeting(MEETING_ID)!.extraDocs)).toEqual([])
  })

  it('answers a resent command from the log and applies it once, even across a reload', async () => {
    const room = openRoom()
    const editor = connection('editor', store.log)
    addSyncedConnection(room, editor, store.log)
    room.handleCommand(editor, { id: 'h1', type: 'hello', token: SECRET })
    room.handleCommand(editor, { id: 'c1', type: 'postWin', weekId: WEEK, text: 'Shipped', by: '' })
    room.handleCommand(editor, { id: 'c1', type: 'postWin', weekId: WEEK, text: 'Shipped', by: '' })
    await settle()
    const reloaded = openRoom()
    const again = connection('again', store.log)
    addSyncedConnection(reloaded, again, store.log)
    reloaded.handleCommand(again, { id: 'h2', type: 'hello', token: SECRET })
    reloaded.handleCommand(again, { id: 'c1', type: 'postWin', weekId: WEEK, text: 'Shipped', by: '' })
    await settle()
    const firstReply = editor.replies.find((m) => m.kind === 'reply' && m.id === 'c1')
    const replayed = again.replies.find((m) => m.kind === 'reply' && m.id === 'c1')
    expect(replayed).toEqual(firstReply)
    expect(readTeamView(reloaded.doc)!.weeks[0]!.wins).toHaveLength(1)
  })

  it('refuses what it could not store, drops its sockets, and storage has nothing of it', async () => {
    const room = openRoom()
    const editor = connection('editor', store.log)
    addSyncedConnection(room, editor, store.log)
    room.handleCommand(editor, { id: 'h1', type: 'hello', token: SECRET })
    store.shouldFailNextCommit = true
    store.log.length = 0
    room.handleCommand(editor, { id: 'c1', type: 'postWin', weekId: WEEK, text: 'Lost', by: '' })
    await settle()
    expect(store.log).toEqual(['commit failed', 'editor: error internal c1', 'editor: closed 1011'])
    expect(room.broken).toBe(true)
    expect(readTeamView(openRoom().doc)!.weeks).toEqual([])
  })

  it('compacts its stored updates into one snapshot', async () => {
    const room = openRoom()
    const editor = connection('editor', store.log)
    addSyncedConnection(room, editor, store.log)
    room.handleCommand(editor, { id: 'h1', type: 'hello', token: SECRET })
    for (let i = 0; i < 5; i++) {
      room.handleCommand(editor, { id: `c${i}`, type: 'postWin', weekId: WEEK, text: `Win ${i}`, by: '' })
      await settle()
    }
    expect(store.loadDoc(MEETING_ID, teamDocName(TEAM_ID)).length).toBeLessThan(4)
    expect(readTeamView(openRoom().doc)!.weeks[0]!.wins.map((w) => w.text)).toEqual(['Win 0', 'Win 1', 'Win 2', 'Win 3', 'Win 4'])
  })
})
