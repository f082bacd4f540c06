import type { z } from 'zod'
import type { CommandError } from '../../shared/protocol/messages.ts'
import type { Awaitable } from '../persistence/MeetingStore.ts'
import type { CommitScheduler, CommitParticipant } from '../persistence/GroupCommitter.ts'
import type { RoomConnection } from '../sync/RoomConnection.ts'
import { errorFrame, okFrame } from '../sync/frames.ts'
import { describeIssue } from '../../shared/protocol/describeIssue.ts'
import type { CommitCycle, Reply } from './CommitCycle.ts'
import { OrderedQueue } from './OrderedQueue.ts'
import { commandFingerprint, idReusedMessage, readLogged, withFingerprint } from '../limits/commandFingerprint.ts'
import type { SeenCommandIds } from './SeenCommandIds.ts'

/** What applying a command came to. `persist: false` marks a query: answered at once, not logged. */
export type Applied = { ok: true; result: unknown; logged?: unknown; persist?: boolean } | { ok: false; error: CommandError }

export type CommandOutcomeMetric = (type: string, outcome: 'ok' | 'refused' | 'replayed') => void

interface BaseCommand {
  id: string
  type: string
}

/** How one kind of room runs its commands; the pipeline does the rest. */
export interface PipelineRoom<C extends BaseCommand, Extra> {
  readonly schema: z.ZodType<C>
  /** The metric label of a command type (team spaces prefix theirs). */
  label(type: string): string
  readonly restartingMessage: string
  /** A broken room refuses commands until it is reloaded from storage. */
  readonly broken: boolean
  /** Commands answered without the command log (hello). */
  isDirect?(command: C): boolean
  answerDirectly?(conn: RoomConnection, command: C, reply: Reply): void
  /** Who the command log files the command under (a socket's actor, a team's editor link…). */
  actorKey(conn: RoomConnection, command: C): string
  /** The meeting whose command log holds the room's commands. */
  readonly logScope: string
  /** Anything else to fetch before applying (other meetings to write): a value, or a promise of one. */
  prepare?(conn: RoomConnection, command: C): Awaitable<Extra>
  /** Answers a resend from the log; by default the logged result is sent back. */
  replay?(conn: RoomConnection, command: C, logged: string, reply: Reply): void
  /** Checks and applies the command in one transaction; on success it is logged and acknowledged after commit. */
  apply(conn: RoomConnection, command: C, extra: Extra | undefined): Applied
}

export interface PipelineDeps {
  findCommandResult(meetingId: string, actorKey: string, commandId: string): Awaitable<string | null>
  /** When given, `findCommandResult` is asked only about ids this log may hold (see SeenCommandIds). */
  seenCommands?: SeenCommandIds
  committer: CommitScheduler
  participant: CommitParticipant
  cycle: CommitCycle
  onCommand?: CommandOutcomeMetric
  onError?: (error: unknown) => void
}

interface Prepared<Extra> {
  actorKey: string
  logged: string | null
  extra: Extra | undefined
}

/**
 * A command's way through a room: parse (zod) → wait for its log entry and anything else it needs, in arrival
 * order → answer a resend from the log → apply (the room checks permissions through `shared/` and writes in one Y
 * transaction) → log it with the next commit → acknowledge once that commit resolved.
 */
export class CommandPipeline<C extends BaseCommand, Extra = undefined> {
  private readonly queue: OrderedQueue
  /** The fingerprint of each command still being committed, so a different one under its id is refused. */
  private readonly inFlightFingerprints = new Map<string, string>()

  constructor(
    private readonly room: PipelineRoom<C, Extra>,
    private readonly deps: PipelineDeps,
  ) {
    this.queue = new OrderedQueue((error) => deps.onError?.(error))
  }

  /** Whether some command waits on the store (the commit cycle then remembers fresh results; see CommitCycle). */
  get isWaiting(): boolean {
    return this.queue.isBusy
  }

  /** Handles one parsed app-channel payload from `conn`. Replies are sent on `conn` when the outcome is known. */
  handle(conn: RoomConnection, raw: unknown): void {
    const reply: Reply = (frame) => conn.send(frame)
    const parsed = this.room.schema.safeParse(raw)
    if (!parsed.success) {
      const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id.slice(0, 64) : null
      reply(errorFrame(id, { code: 'bad_command', message: describeIssue(parsed.error.issues[0]) }))
      this.deps.onCommand?.(this.room.label('invalid'), 'refused')
      return
    }
    const command = parsed.data
    this.queue.push(
      () => this.prepare(conn, command),
      (prepared) => this.run(conn, command, reply, prepared),
    )
  }

  private prepare(conn: RoomConnection, command: C): Awaitable<Prepared<Extra> | null> {
    if (this.room.broken) return null
    if (this.room.isDirect?.(command)) return { actorKey: '', logged: null, extra: undefined }
    const actorKey = this.room.actorKey(conn, command)
    const mayReplay = this.deps.seenCommands?.mightBeLogged(actorKey, command.id) ?? true
    const logged = mayReplay ? this.deps.findCommandResult(this.room.logScope, actorKey, command.id) : null
    const extra = this.room.prepare?.(conn, command)
    if (!(logged instanceof Promise) && !(extra instanceof Promise)) return { actorKey, logged, extra }
    return Promise.all([logged, extra]).then(([found, more]) => ({ actorKey, logged: found, extra: more }))
  }

  private run(conn: RoomConnection, command: C, reply: Reply, prepared: Prepared<Extra> | null): void {
    if (this.room.broken || !prepared) {
      reply(errorFrame(command.id, { code: 'internal', message: this.room.restartingMessage }))
      return
    }
    if (this.room.isDirect?.(command)) return void this.room.answerDirectly?.(conn, command, reply)
    const { actorKey } = prepared
    const key = `${actorKey}\u0000${command.id}`
    const { cycle } = this.deps
    // One id, one command: the same id with another body or type is refused, not answered with the first's result.
    const fingerprint = commandFingerprint(command)
    const reused = () => {
      this.deps.onCommand?.(this.room.label(command.type), 'refused')
      reply(errorFrame(command.id, { code: 'id_reused', message: idReusedMessage(command.id) }))
    }
    const inFlight = this.inFlightFingerprints.get(key)
    if (inFlight !== undefined && inFlight !== fingerprint) {
      reused()
      return
    }
    if (cycle.joinInFlight(key, reply)) return
    const logged = prepared.logged ?? cycle.recall(key)
    if (logged !== null) {
      const first = readLogged(logged)
      if (first.fingerprint !== null && first.fingerprint !== fingerprint) {
        reused()
        return
      }
      const resultJson = JSON.stringify(first.result)
      this.deps.onCommand?.(this.room.label(command.type), 'replayed')
      if (this.room.replay) this.room.replay(conn, command, resultJson, reply)
      else reply(okFrame(command.id, first.result))
      return
    }
    const outcome = this.room.apply(conn, command, prepared.extra)
    const label = this.room.label(command.type)
    if (!outcome.ok) {
      this.deps.onCommand?.(label, 'refused')
      reply(errorFrame(command.id, outcome.error))
      return
    }
    if (outcome.persist === false) {
      this.deps.onCommand?.(label, 'ok')
      reply(okFrame(command.id, outcome.result))
      return
    }
    this.inFlightFingerprints.set(key, fingerprint)
    this.deps.seenCommands?.remember(actorKey, command.id)
    cycle.acknowledgeAfterCommit(
      key,
      { actorKey, commandId: command.id, resultJson: withFingerprint(outcome.logged ?? outcome.result, fingerprint) },
      (frame) => {
        this.inFlightFingerprints.delete(key)
        reply(frame)
      },
      okFrame(command.id, outcome.result),
      () => errorFrame(command.id, { code: 'internal', message: 'Not saved: the server could not store it. Please retry.' }),
    )
    this.deps.onCommand?.(label, 'ok')
    this.deps.committer.markDirty(this.deps.participant)
  }
}
