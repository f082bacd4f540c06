import type * as Y from 'yjs'
import type { Actor } from '../../shared/stages/permissions.ts'
import type { Stage } from '../../shared/stages/stages.ts'
import type { CommandError, CommandOf, CommandResults, CommandType } from '../../shared/protocol/messages.ts'
import type { meetingMaps } from '../../shared/meeting/meetingDoc.ts'
import type { Credential } from '../persistence/MeetingStore.ts'
import type { MeetingSettings } from '../../shared/meeting/settings.ts'
import type { VaultMaps } from './vaultDoc.ts'
import type { SimilarityIndex } from '../../shared/similarity.ts'
import type { KeyResultDocRoom } from './KeyResultDocRoom.ts'
import type { SemanticScorer } from '../similarity/SemanticScorer.ts'
import type { SearchablePerson } from '../../shared/presence/roomCounts.ts'

export interface CommandContext {
  doc: Y.Doc
  maps: ReturnType<typeof meetingMaps>
  actor: Actor
  stage: Stage
  now: number
  participantCount: number
  maxParticipants: number
  /** Stores a new or rotated credential in the same commit as the command. */
  saveCredential(credential: Credential): void
  /** Binds the current socket to a participant (after join). */
  becomeParticipant(actor: Exclude<Actor, { role: 'anonymous' }>): void
  vault: VaultMaps
  readonly settings: MeetingSettings
  /** A fresh random id for a new record. */
  newId(): string
  actorName(): string
  /** Re-sends this person's private "mine" feed after the commit. */
  refreshFeedOf(participantId: string): void
  /** Re-sends this person's secret ballot after the commit. */
  refreshBallotOf(participantId: string): void
  /** The public counts (people, proposals) changed: the room republishes them before the commit. */
  refreshCounts(): void
  /** Re-sends the facilitators' moderation feed after the commit. */
  refreshModeration(): void
  /** Participants (not facilitators) in joining order with folded names, prepared once per change. */
  searchablePeople(): readonly SearchablePerson[]
  /** Whether someone has a connected tab now (kept in memory only). */
  isOnline(participantId: string): boolean
  /** The similarity index over active proposals (rebuilt lazily), with the submission id of each entry. */
  submissionIndex(): { index: SimilarityIndex; ids: string[] }
  /** The sentence model's cached embeddings, if one is configured (the room has already waited for them). */
  semantic: SemanticScorer | null
  /** The co-edited statements of one chosen objective; null if no such objective. */
  keyResultDoc(objectiveId: string): KeyResultDocRoom | null
  /** Closes this person's open sockets after the commit (they were removed), saying why. */
  disconnect(participantId: string, reason: string): void
  /** Appends to the server-only audit trail. */
  audit(action: string, detail: string): void
  /**
   * Another meeting, for commands that write two meetings at once (the cascade: a department set goes to the company
   * meeting). Its writes are committed in the same group commit as this command, so both land or neither does.
   * Null when it does not exist (or is this meeting).
   */
  otherMeeting(meetingId: string): OtherMeeting | null
}

export interface OtherMeeting {
  doc: Y.Doc
  maps: ReturnType<typeof meetingMaps>
  stage: Stage
  /** Applies `fn` to the other meeting's doc in one server transaction. */
  write(fn: () => void): void
}

/**
 * `persist: false` marks a query (it changed nothing): answered at once, not logged, so a resend runs it again.
 */
export type Outcome<R> = { ok: true; result: R; logged?: unknown; persist?: boolean } | { ok: false; error: CommandError }

export type CommandHandler<T extends CommandType> = (ctx: CommandContext, command: CommandOf<T>) => Outcome<CommandResults[T]>

export function refuse(code: CommandError['code'], message: string): { ok: false; error: CommandError } {
  return { ok: false, error: { code, message } }
}
