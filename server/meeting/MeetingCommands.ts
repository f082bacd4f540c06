import type * as Y from 'yjs'
import { Command } from '../../shared/protocol/messages.ts'
import { loadOtherMeetings } from '../cascade/otherMeetingsOf.ts'
import type { Awaitable } from '../persistence/MeetingStore.ts'
import type { Applied, PipelineRoom } from '../room/CommandPipeline.ts'
import type { CommitCycle, Reply } from '../room/CommitCycle.ts'
import { errorFrame, okFrame } from '../sync/frames.ts'
import type { RoomConnection } from '../sync/RoomConnection.ts'
import { buildCommandContext, runHandler, type ContextEffects, type WritableMeeting } from './commandContext.ts'
import type { Outcome } from './commandTypes.ts'
import type { KeyResultDocRoom } from './KeyResultDocRoom.ts'
import type { MeetingCredentials } from './MeetingCredentials.ts'
import type { MeetingFeeds } from './MeetingFeeds.ts'
import type { MeetingPresence } from './MeetingPresence.ts'
import type { SubmissionSimilarity } from './SubmissionSimilarity.ts'
import type { VaultMaps } from './vaultDoc.ts'
import type { SemanticScorer } from '../similarity/SemanticScorer.ts'
import { textsToEmbed } from '../similarity/textsToEmbed.ts'

/** The room as its commands see it. */
interface CommandRoom extends WritableMeeting {
  readonly id: string
  readonly vault: Y.Doc
  readonly vaultMaps: VaultMaps
  keyResultDoc(objectiveId: string): KeyResultDocRoom | null
}

export interface MeetingCommandsDeps<Room extends WritableMeeting> {
  room: CommandRoom
  credentials: MeetingCredentials
  cycle: CommitCycle
  origin: symbol
  options: {
    maxParticipants: number
    onCommand?: (type: string, outcome: 'ok' | 'refused' | 'replayed') => void
    otherRoom?: (meetingId: string) => Awaitable<Room | null>
    /** The sentence model for similarity; null or absent: lexical only. */
    semantic?: SemanticScorer | null
  }
  now: () => number
  /** The room's parts, built after this (they observe the docs from construction on). */
  parts(): { presence: MeetingPresence; feeds: MeetingFeeds; similarity: SubmissionSimilarity }
  markDirty(): void
  /** The socket acted in this tick: it gets the commit's update before its acknowledgement. */
  actedThisTick(conn: RoomConnection): void
  /** A handler threw: the docs may be half-written, so everything uncommitted is dropped. */
  abandonUncommitted(): void
}

/**
 * How a meeting runs its commands (the command pipeline's questions answered for a meeting): `hello` binds a
 * socket; everything else runs its handler from `commands/` inside one transaction per doc; a lost join reply is
 * answered with a fresh token.
 */
export class MeetingCommands<Room extends WritableMeeting> implements PipelineRoom<Command, Map<string, Room | null>> {
  readonly schema = Command
  readonly restartingMessage = 'The meeting is restarting; try again in a moment.'

  constructor(private readonly deps: MeetingCommandsDeps<Room>) {}

  get broken(): boolean {
    return this.deps.room.broken
  }

  get logScope(): string {
    return this.deps.room.id
  }

  label(type: string): string {
    return type
  }

  isDirect(command: Command): boolean {
    return command.type === 'hello'
  }

  actorKey(conn: RoomConnection): string {
    return conn.actor.role === 'anonymous' ? 'anonymous' : conn.actor.participantId
  }

  /**
   * The other meetings the command may write, loaded before it runs (a handler cannot wait for storage); and for
   * similarity commands, a bounded moment for the sentence model (if any) to embed their titles (see SemanticScorer).
   */
  prepare(conn: RoomConnection, command: Command): Awaitable<Map<string, Room | null>> {
    const others = loadOtherMeetings(this.deps.room.doc, this.deps.room.id, command, this.deps.options.otherRoom)
    const { room } = this.deps
    const embedding = this.deps.options.semantic?.prepare(textsToEmbed(command, conn.actor, room.maps, room.vaultMaps)) ?? null
    if (!embedding) return others
    return Promise.all([others, embedding]).then(([loaded]) => loaded)
  }

  answerDirectly(conn: RoomConnection, command: Command, reply: Reply): void {
    if (command.type !== 'hello') return
    const credential = this.deps.credentials.verify(command.token)
    if (!credential) {
      reply(errorFrame(command.id, { code: 'invalid_token', message: 'This link or saved identity is not valid for this meeting.' }))
      return
    }
    const { presence, feeds } = this.deps.parts()
    presence.bind(conn, { role: credential.role, participantId: credential.participantId })
    const name = this.deps.room.vaultMaps.participants.get(credential.participantId)?.name ?? ''
    // A (re)connected person catches up on their private data right after the reply.
    queueMicrotask(() => feeds.sendCatchUp(conn))
    reply(okFrame(command.id, { participantId: credential.participantId, role: credential.role, name, serverNow: this.deps.now() }))
  }

  /**
   * A join whose reply was lost: the token was never stored in clear, so a fresh one goes to whoever holds the
   * (unguessable) command id, and the old one is retired in the same commit. Other commands: the logged result.
   */
  replay(conn: RoomConnection, command: Command, logged: string, reply: Reply): void {
    if (command.type !== 'join') {
      reply(okFrame(command.id, JSON.parse(logged)))
      return
    }
    const joined = JSON.parse(logged) as { participantId: string; role: 'participant'; name: string }
    const token = this.deps.credentials.reissue(joined.participantId)
    this.deps.parts().presence.bind(conn, { role: 'participant', participantId: joined.participantId })
    const frame = okFrame(command.id, { ...joined, token, serverNow: this.deps.now() })
    this.deps.cycle.afterNextCommit(
      () => reply(frame),
      () => reply(errorFrame(command.id, { code: 'internal', message: 'Not saved; please retry.' })),
    )
    this.deps.markDirty()
  }

  apply(conn: RoomConnection, command: Command, others: Map<string, Room | null> | undefined): Applied {
    if (command.type === 'hello') return { ok: false, error: { code: 'bad_command', message: 'hello is answered directly.' } }
    const { room, origin } = this.deps
    const { presence, feeds, similarity } = this.deps.parts()
    const effects: ContextEffects = { credentials: [], boundActor: null }
    const ctx = buildCommandContext(
      {
        doc: room.doc,
        maps: room.maps,
        vault: room.vaultMaps,
        presence,
        feeds,
        similarity,
        semantic: this.deps.options.semantic ?? null,
        origin,
        maxParticipants: this.deps.options.maxParticipants,
        now: this.deps.now(),
        keyResultDoc: (objectiveId) => room.keyResultDoc(objectiveId),
        others: others ?? new Map(),
      },
      conn.actor,
      effects,
    )
    let applied: Outcome<unknown>
    try {
      applied = runHandler(ctx, command, room.vault, origin)
    } catch (error) {
      // A half-applied command must never reach disk: drop everything uncommitted and reload from storage.
      this.deps.options.onCommand?.(command.type, 'refused')
      conn.send(errorFrame(command.id, { code: 'internal', message: 'The server could not apply this command.' }))
      this.deps.abandonUncommitted()
      throw error
    }
    if (applied.ok && applied.persist !== false) {
      for (const c of effects.credentials) this.deps.credentials.save(c)
      if (effects.boundActor) presence.bind(conn, effects.boundActor)
      this.deps.actedThisTick(conn)
    }
    return applied
  }
}
