import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { randomBytes } from 'node:crypto'
import { MESSAGE_SYNC, encodeAppMessage } from '../../shared/protocol/wire.ts'
import type { CommandError } from '../../shared/protocol/messages.ts'
import { TeamCommand, type TeamRole } from '../../shared/rhythm/teamCommands.ts'
import { emptyWeek, readTeamView, teamMaps, type TeamView } from '../../shared/rhythm/teamDoc.ts'
import { applyWeekEdit, type WeekEdit } from '../../shared/rhythm/teamEdits.ts'
import type { RoomConnection } from '../meeting/MeetingRoom.ts'
import type { CommitParticipant, GroupCommitter } from '../persistence/GroupCommitter.ts'
import type { MeetingBatch, MeetingStore, TeamSpaceRow } from '../persistence/MeetingStore.ts'
import { hashSecret, secretMatches } from '../security/tokens.ts'
import { describeIssue } from '../../shared/protocol/describeIssue.ts'
import { mergeUpdates } from '../sync/mergeUpdates.ts'

const SERVER_ORIGIN = Symbol('team-server')

/** Who is on a socket of a team space: the team (editor link) or anyone with the read-only link. */
export interface TeamActor {
  role: TeamRole
  /** Anonymous key for reactions (a hash of the browser's viewer secret), or null. */
  reactorKey: string | null
}

export interface TeamRoomOptions {
  store: MeetingStore
  committer: GroupCommitter
  compactAfterUpdates: number
  now?: () => number
  onCommand?: (type: string, outcome: 'ok' | 'refused' | 'replayed') => void
}

type Reply = (frame: Uint8Array) => void

export const teamDocName = (teamId: string) => `team:${teamId}`

/**
 * A team space: its Y.Doc (written only here, from validated commands), its sockets, and the same commit cycle as
 * a meeting: changes are stored with the tick's group commit (as the meeting's `team:<id>` doc), then broadcast,
 * then acknowledged.
 */
export class TeamRoom implements CommitParticipant {
  readonly doc = new Y.Doc({ gc: true })
  readonly maps = teamMaps(this.doc)
  readonly connections = new Set<RoomConnection>()
  private readonly actors = new WeakMap<RoomConnection, TeamActor>()
  private pendingUpdates: Uint8Array[] = []
  private pendingCommands: MeetingBatch['commands'] = []
  private afterCommit: (() => void)[] = []
  private afterFailure: (() => void)[] = []
  private committing: (() => void)[] = []
  private committingFailures: (() => void)[] = []
  private broadcastAfterCommit: Uint8Array | null = null
  private readonly inFlight = new Map<string, Reply[]>()
  private updatesSinceSnapshot: number
  private isBroken = false
  private readonly now: () => number

  constructor(
    private team: TeamSpaceRow,
    storedUpdates: readonly Uint8Array[],
    private readonly options: TeamRoomOptions,
  ) {
    this.now = options.now ?? Date.now
    for (const update of storedUpdates) Y.applyUpdate(this.doc, update, SERVER_ORIGIN)
    this.updatesSinceSnapshot = storedUpdates.length
    this.doc.on('update', (update: Uint8Array) => {
      this.pendingUpdates.push(update)
      this.options.committer.markDirty(this)
    })
  }

  get id(): string {
    return this.team.id
  }

  get meetingId(): string {
    return this.team.meetingId
  }

  get broken(): boolean {
    return this.isBroken
  }

  get isEmpty(): boolean {
    return this.connections.size === 0
  }

  get hasUncommittedChanges(): boolean {
    return this.pendingUpdates.length > 0 || this.pendingCommands.length > 0
  }

  view(): TeamView | null {
    return readTeamView(this.doc)
  }

  actorOf(conn: RoomConnection): TeamActor {
    return this.actors.get(conn) ?? { role: 'viewer', reactorKey: null }
  }

  /** A new editor link: the old one stops working at once, and sockets bound with it lose the right to edit. */
  rotateEditorHash(editorTokenHash: string): void {
    this.team = { ...this.team, editorTokenHash }
    for (const conn of this.connections) {
      const actor = this.actors.get(conn)
      if (actor?.role === 'editor') this.actors.set(conn, { ...actor, role: 'viewer' })
    }
  }

  addConnection(conn: RoomConnection): void {
    this.connections.add(conn)
  }

  removeConnection(conn: RoomConnection): void {
    this.connections.delete(conn)
  }

  /** Answers a sync step 1 with committed state only (waits for the tick's commit when changes are pending). */
  answerSyncStep1(conn: RoomConnection, stateVector: Uint8Array): boolean {
    try {
      Y.decodeStateVector(stateVector)
    } catch {
      return false
    }
    const answer = () => {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MESSAGE_SYNC)
      encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
      encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(this.doc, stateVector))
      return encoding.toUint8Array(encoder)
    }
    if (!this.hasUncommittedChanges) {
      conn.send(answer())
      return true
    }
    this.afterCommit.push(() => {
      if (this.connections.has(conn)) conn.send(answer())
    })
    this.options.committer.markDirty(this)
    return true
  }

  handleCommand(conn: RoomConnection, raw: unknown): void {
    const reply: Reply = (frame) => conn.send(frame)
    const parsed = TeamCommand.safeParse(raw)
    if (!parsed.success) {
      const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id.slice(0, 64) : null
      reply(errorFrame(id, { code: 'bad_command', message: describeIssue(parsed.error.issues[0]) }))
      this.options.onCommand?.('team:invalid', 'refused')
      return
    }
    const command = parsed.data
    if (this.isBroken) {
      reply(errorFrame(command.id, { code: 'internal', message: 'The team space is restarting; try again in a moment.' }))
      return
    }
    if (command.type === 'hello') {
      const isEditor = command.token !== undefined && secretMatches(command.token, this.team.editorTokenHash)
      if (command.token !== undefined && !isEditor) {
        reply(errorFrame(command.id, { code: 'invalid_token', message: 'This editor link is not valid (any more): ask the facilitator for a new one.' }))
        return
      }
      const actor: TeamActor = { role: isEditor ? 'editor' : 'viewer', reactorKey: command.viewer ? hashSecret(command.viewer).slice(0, 24) : null }
      this.actors.set(conn, actor)
      reply(okFrame(command.id, { role: actor.role, canReact: actor.reactorKey !== null, serverNow: this.now() }))
      return
    }
    const actor = this.actorOf(conn)
    const isReaction = command.type === 'react'
    if (!isReaction && actor.role !== 'editor') {
      this.options.onCommand?.(`team:${command.type}`, 'refused')
      reply(errorFrame(command.id, { code: 'forbidden', message: 'This is the read-only link: only the team’s editor link can change the team space.' }))
      return
    }
    const actorKey = `team:${this.team.id}:${actor.role === 'editor' ? 'editor' : `viewer:${actor.reactorKey ?? 'anonymous'}`}`
    const key = `${actorKey}\u0000${command.id}`
    const waiting = this.inFlight.get(key)
    if (waiting) {
      waiting.push(reply)
      return
    }
    const logged = this.options.store.findCommandResult(this.team.meetingId, actorKey, command.id)
    if (logged !== null) {
      this.options.onCommand?.(`team:${command.type}`, 'replayed')
      reply(okFrame(command.id, JSON.parse(logged)))
      return
    }
    const view = this.view()
    if (!view) {
      reply(errorFrame(command.id, { code: 'internal', message: 'The team space has no record.' }))
      return
    }
    let result: unknown
    if (command.type === 'startTimer' || command.type === 'stopTimer') {
      const timer = command.type === 'startTimer' ? { startedAt: this.now(), totalMinutes: command.totalMinutes } : null
      this.doc.transact(() => this.maps.team.set('timer', timer), SERVER_ORIGIN)
      result = timer ?? {}
    } else {
      const edit = command as WeekEdit
      const week = view.weeks.find((w) => w.weekId === edit.weekId) ?? emptyWeek(edit.weekId)
      const outcome = applyWeekEdit(week, edit, {
        record: view.record,
        weeks: view.weeks,
        newId: () => randomBytes(9).toString('base64url'),
        now: this.now(),
        reactorKey: actor.reactorKey,
      })
      if (!outcome.ok) {
        this.options.onCommand?.(`team:${command.type}`, 'refused')
        reply(errorFrame(command.id, { code: outcome.code, message: outcome.message }))
        return
      }
      this.doc.transact(() => this.maps.weeks.set(edit.weekId, outcome.week), SERVER_ORIGIN)
      result = outcome.result
    }
    this.pendingCommands.push({ actorKey, commandId: command.id, resultJson: JSON.stringify(result) })
    const replies: Reply[] = [reply]
    this.inFlight.set(key, replies)
    const frame = okFrame(command.id, result)
    this.afterCommit.push(() => {
      this.inFlight.delete(key)
      for (const r of replies) r(frame)
    })
    this.afterFailure.push(() => {
      this.inFlight.delete(key)
      for (const r of replies) r(errorFrame(command.id, { code: 'internal', message: 'Not saved: the server could not store it. Please retry.' }))
    })
    this.options.onCommand?.(`team:${command.type}`, 'ok')
    this.options.committer.markDirty(this)
  }

  takeBatch(): MeetingBatch {
    const update = this.pendingUpdates.length === 0 ? null : mergeUpdates(this.pendingUpdates)
    let snapshot: Uint8Array | null = null
    if (update && ++this.updatesSinceSnapshot >= this.options.compactAfterUpdates) {
      snapshot = Y.encodeStateAsUpdate(this.doc)
      this.updatesSinceSnapshot = 1
    }
    const batch: MeetingBatch = {
      meetingId: this.team.meetingId,
      update: null,
      snapshot: null,
      credentials: [],
      commands: this.pendingCommands,
      extraDocs: update ? [{ name: teamDocName(this.team.id), update, snapshot }] : [],
    }
    this.pendingUpdates = []
    this.pendingCommands = []
    this.committing = this.afterCommit
    this.committingFailures = this.afterFailure
    this.afterCommit = []
    this.afterFailure = []
    this.broadcastAfterCommit = update
    return batch
  }

  onCommitted(): void {
    const update = this.broadcastAfterCommit
    this.broadcastAfterCommit = null
    if (update) {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MESSAGE_SYNC)
      syncProtocol.writeUpdate(encoder, update)
      const frame = encoding.toUint8Array(encoder)
      for (const conn of this.connections) conn.send(frame)
    }
    const callbacks = this.committing
    this.committing = []
    this.committingFailures = []
    for (const cb of callbacks) cb()
  }

  onCommitFailed(): void {
    // Memory is ahead of disk: refuse what was pending, drop every socket; the registry reloads from disk.
    this.broadcastAfterCommit = null
    const failures = [...this.committingFailures, ...this.afterFailure]
    this.committing = []
    this.committingFailures = []
    this.afterCommit = []
    this.afterFailure = []
    this.pendingUpdates = []
    this.pendingCommands = []
    this.isBroken = true
    for (const cb of failures) cb()
    for (const conn of [...this.connections]) conn.close(1011, 'Server error; reconnecting.')
    this.connections.clear()
  }
}

function okFrame(id: string, result: unknown): Uint8Array {
  return encodeAppMessage({ kind: 'reply', id, ok: true, result })
}

function errorFrame(id: string | null, error: CommandError): Uint8Array {
  return encodeAppMessage({ kind: 'reply', id, ok: false, error })
}
