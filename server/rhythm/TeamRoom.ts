import type { CommandError } from '../../shared/protocol/messages.ts'
import * as Y from 'yjs'
import { randomBytes } from 'node:crypto'
import { CLOSE } from '../../shared/protocol/closeCodes.ts'
import { TeamCommand, type TeamRole } from '../../shared/rhythm/teamCommands.ts'
import { emptyWeek, readTeamView, teamMaps, type TeamView } from '../../shared/rhythm/teamDoc.ts'
import { applyWeekEdit, type WeekEdit } from '../../shared/rhythm/teamEdits.ts'
import type { CommitParticipant, CommitScheduler } from '../persistence/GroupCommitter.ts'
import { MeetingFencedError, type MeetingBatch, type MeetingStore, type TeamSpaceRow } from '../persistence/MeetingStore.ts'
import { Broadcaster } from '../room/Broadcaster.ts'
import { CommandPipeline, type Applied, type CommandOutcomeMetric, type PipelineRoom } from '../room/CommandPipeline.ts'
import { CommitCycle, type Reply } from '../room/CommitCycle.ts'
import { DocChanges } from '../room/DocChanges.ts'
import { hashSecret, secretMatches } from '../security/tokens.ts'
import { errorFrame, isStateVector, okFrame, syncStep2Frame } from '../sync/frames.ts'
import type { RoomConnection } from '../sync/RoomConnection.ts'

const SERVER_ORIGIN = Symbol('team-server')
const NO_ACTORS: ReadonlySet<RoomConnection> = new Set()

/** Who is on a socket of a team space: the team (editor link) or anyone with the read-only link. */
export interface TeamActor {
  role: TeamRole
  /** Anonymous key for reactions (a hash of the browser's viewer secret), or null. */
  reactorKey: string | null
}

export interface TeamRoomOptions {
  store: MeetingStore
  committer: CommitScheduler
  compactAfterUpdates: number
  now?: () => number
  onCommand?: CommandOutcomeMetric
  onError?: (error: unknown) => void
  /** Reactions are bounded per address (fresh viewer secrets are free to make): a refusal, or null to go ahead. */
  admitReaction?: (conn: RoomConnection) => CommandError | null
}

export const teamDocName = (teamId: string) => `team:${teamId}`

/**
 * A team space: its Y.Doc (written only here, from validated commands), its sockets, and the same room core as a
 * meeting (command pipeline, commit cycle, broadcaster): changes are stored with the tick's group commit (as the
 * meeting's `team:<id>` doc), then broadcast, then acknowledged.
 */
export class TeamRoom implements CommitParticipant, PipelineRoom<TeamCommand, undefined> {
  readonly doc = new Y.Doc({ gc: true })
  readonly maps = teamMaps(this.doc)
  readonly connections = new Set<RoomConnection>()
  readonly schema = TeamCommand
  readonly restartingMessage = 'The team space is restarting; try again in a moment.'
  private readonly actors = new WeakMap<RoomConnection, TeamActor>()
  private readonly changes: DocChanges
  private readonly cycle: CommitCycle
  private readonly pipeline: CommandPipeline<TeamCommand>
  private readonly broadcaster = new Broadcaster(this.connections)
  private broadcastAfterCommit: Uint8Array | null = null
  private isBroken = false
  private readonly now: () => number

  constructor(
    private team: TeamSpaceRow,
    storedUpdates: readonly Uint8Array[],
    private readonly options: TeamRoomOptions,
  ) {
    this.now = options.now ?? Date.now
    for (const update of storedUpdates) Y.applyUpdate(this.doc, update, SERVER_ORIGIN)
    this.changes = new DocChanges(this.doc, storedUpdates.length, options.compactAfterUpdates, () => options.committer.markDirty(this))
    this.cycle = new CommitCycle(() => this.pipeline.isWaiting)
    this.pipeline = new CommandPipeline(this, {
      findCommandResult: (meetingId, actorKey, commandId) => options.store.findCommandResult(meetingId, actorKey, commandId),
      committer: options.committer,
      participant: this,
      cycle: this.cycle,
      onCommand: options.onCommand,
      onError: options.onError,
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
    return this.cycle.isCommitInFlight || this.changes.hasPending || this.cycle.hasPending
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
    this.broadcaster.forget(conn)
  }

  /** Answers a sync step 1 with committed state only (waits for the commit when changes are pending or in flight). */
  answerSyncStep1(conn: RoomConnection, stateVector: Uint8Array): boolean {
    if (!isStateVector(stateVector)) return false
    const answer = () => {
      if (!this.connections.has(conn)) return
      conn.send(syncStep2Frame(this.doc, stateVector))
      this.broadcaster.listen(conn)
    }
    if (!this.hasUncommittedChanges) answer()
    else if (!this.changes.hasPending && !this.cycle.hasPending) this.cycle.afterCommitInFlight(answer)
    else {
      this.cycle.afterNextCommit(answer)
      this.options.committer.markDirty(this)
    }
    return true
  }

  handleCommand(conn: RoomConnection, raw: unknown): void {
    this.pipeline.handle(conn, raw)
  }

  // ── PipelineRoom ──

  get logScope(): string {
    return this.team.meetingId
  }

  label(type: string): string {
    return `team:${type}`
  }

  isDirect(command: TeamCommand): boolean {
    return command.type === 'hello'
  }

  answerDirectly(conn: RoomConnection, command: TeamCommand, reply: Reply): void {
    if (command.type !== 'hello') return
    const isEditor = command.token !== undefined && secretMatches(command.token, this.team.editorTokenHash)
    if (command.token !== undefined && !isEditor) {
      reply(errorFrame(command.id, { code: 'invalid_token', message: 'This editor link is not valid (any more): ask the facilitator for a new one.' }))
      return
    }
    const actor: TeamActor = { role: isEditor ? 'editor' : 'viewer', reactorKey: command.viewer ? hashSecret(command.viewer).slice(0, 24) : null }
    // One viewer per connection: a fresh secret per hello on one socket was a fresh vote per hello.
    const earlier = this.actors.get(conn)?.reactorKey ?? null
    if (earlier !== null && actor.reactorKey !== earlier) {
      reply(errorFrame(command.id, { code: 'forbidden', message: 'This connection already reacts as one viewer; reconnect to change.' }))
      return
    }
    this.actors.set(conn, actor)
    reply(okFrame(command.id, { role: actor.role, canReact: actor.reactorKey !== null, serverNow: this.now() }))
  }

  actorKey(conn: RoomConnection): string {
    const actor = this.actorOf(conn)
    return `team:${this.team.id}:${actor.role === 'editor' ? 'editor' : `viewer:${actor.reactorKey ?? 'anonymous'}`}`
  }

  apply(conn: RoomConnection, command: TeamCommand): Applied {
    if (command.type === 'hello') return { ok: false, error: { code: 'bad_command', message: 'hello is answered directly.' } }
    const actor = this.actorOf(conn)
    if (command.type !== 'react' && actor.role !== 'editor') {
      return { ok: false, error: { code: 'forbidden', message: 'This is the read-only link: only the team’s editor link can change the team space.' } }
    }
    const reactionRefusal = command.type === 'react' && command.on ? (this.options.admitReaction?.(conn) ?? null) : null
    if (reactionRefusal) return { ok: false, error: reactionRefusal }
    const view = this.view()
    if (!view) return { ok: false, error: { code: 'internal', message: 'The team space has no record.' } }
    if (command.type === 'startTimer' || command.type === 'stopTimer') {
      const timer = command.type === 'startTimer' ? { startedAt: this.now(), totalMinutes: command.totalMinutes } : null
      this.doc.transact(() => this.maps.team.set('timer', timer), SERVER_ORIGIN)
      return { ok: true, result: timer ?? {} }
    }
    const edit = command as WeekEdit
    const week = view.weeks.find((w) => w.weekId === edit.weekId) ?? emptyWeek(edit.weekId)
    const outcome = applyWeekEdit(week, edit, {
      record: view.record,
      weeks: view.weeks,
      newId: () => randomBytes(9).toString('base64url'),
      now: this.now(),
      reactorKey: actor.reactorKey,
    })
    if (!outcome.ok) return { ok: false, error: { code: outcome.code, message: outcome.message } }
    this.doc.transact(() => this.maps.weeks.set(edit.weekId, outcome.week), SERVER_ORIGIN)
    return { ok: true, result: outcome.result }
  }

  // ── CommitParticipant ──

  takeBatch(): MeetingBatch {
    const { update, snapshot } = this.changes.take()
    this.broadcastAfterCommit = update
    return {
      meetingId: this.team.meetingId,
      update: null,
      snapshot: null,
      credentials: [],
      commands: this.cycle.take(),
      extraDocs: update ? [{ name: teamDocName(this.team.id), update, snapshot }] : [],
    }
  }

  onCommitted(): void {
    this.broadcaster.committed(this.broadcastAfterCommit, NO_ACTORS)
    this.broadcastAfterCommit = null
    this.cycle.committed()
  }

  onCommitFailed(error?: unknown): void {
    // Memory is ahead of disk: refuse what was pending, drop every socket; the registry reloads from disk.
    this.broadcastAfterCommit = null
    this.isBroken = true
    this.broadcaster.stop()
    this.changes.drop()
    this.cycle.failed()
    this.cycle.abandon()
    const isFenced = error instanceof MeetingFencedError
    for (const conn of [...this.connections]) {
      if (isFenced) conn.close(CLOSE.serviceRestart, 'This team space moved to another server; reconnecting.')
      else conn.close(CLOSE.internalError, 'Server error; reconnecting.')
    }
    this.connections.clear()
  }

  /** Cluster mode: another node owns this team's meeting now. */
  dropAsFenced(): void {
    if (!this.isBroken) this.onCommitFailed(new MeetingFencedError(this.meetingId))
  }
}
