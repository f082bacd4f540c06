import { randomBytes } from 'node:crypto'
import type * as Y from 'yjs'
import { readSettings, type meetingMaps } from '../../shared/meeting/meetingDoc.ts'
import { readStage } from '../../shared/meeting/meetingFields.ts'
import type { Actor } from '../../shared/stages/permissions.ts'
import type { Credential } from '../persistence/MeetingStore.ts'
import type { Command } from '../../shared/protocol/messages.ts'
import { COMMAND_HANDLERS } from '../commands/index.ts'
import type { CommandContext, OtherMeeting, Outcome } from './commandTypes.ts'
import type { Stage } from '../../shared/stages/stages.ts'
import type { MeetingSettings } from '../../shared/meeting/settings.ts'
import type { SimilarityIndex } from '../../shared/similarity.ts'
import type { SearchablePerson } from '../../shared/presence/roomCounts.ts'
import type { KeyResultDocRoom } from './KeyResultDocRoom.ts'
import type { MeetingFeeds } from './MeetingFeeds.ts'
import type { MeetingPresence } from './MeetingPresence.ts'
import type { SubmissionSimilarity } from './SubmissionSimilarity.ts'
import type { VaultMaps } from './vaultDoc.ts'
import type { SemanticScorer } from '../similarity/SemanticScorer.ts'

/** Another meeting a command may write (the cascade), as the room that loaded it sees it. */
export interface WritableMeeting {
  readonly doc: Y.Doc
  readonly maps: ReturnType<typeof meetingMaps>
  readonly stage: ReturnType<typeof readStage>
  readonly broken: boolean
}

export interface ContextSources {
  doc: Y.Doc
  maps: ReturnType<typeof meetingMaps>
  vault: VaultMaps
  presence: MeetingPresence
  feeds: MeetingFeeds
  similarity: SubmissionSimilarity
  /** The sentence model's cache, if one is configured. */
  semantic: SemanticScorer | null
  origin: symbol
  maxParticipants: number
  now: number
  keyResultDoc(objectiveId: string): KeyResultDocRoom | null
  /** The other meetings loaded for this command (see cascade/otherMeetingsOf.ts). */
  others: ReadonlyMap<string, WritableMeeting | null>
}

/** What one command's effects beyond the doc came to: credentials to store, a socket to bind, people to disconnect. */
export interface ContextEffects {
  /** People whose sockets close after the commit (removed by the facilitator), with the reason. */
  disconnects?: { participantId: string; reason: string }[]
  credentials: Credential[]
  boundActor: Exclude<Actor, { role: 'anonymous' }> | null
}

/**
 * Commands that write only the vault (a ballot: the secret ballot and who voted) run without a meeting-doc
 * transaction: an empty Yjs transaction costs ~12 µs, 0.3 s of CPU over a 25,000-ballot burst (issue 16). Should
 * one of them write the meeting doc after all, each such write is its own transaction: still stored and sent.
 */
const VAULT_ONLY: ReadonlySet<Command['type']> = new Set(['setDots'])

/**
 * Runs one command's handler in one Y transaction per doc (meeting and vault): observers and the wire see it whole
 * or not at all. A throw leaves the docs half-written; the caller must then drop everything uncommitted.
 */
export function runHandler(ctx: CommandContext, command: Exclude<Command, { type: 'hello' }>, vaultDoc: Y.Doc, origin: symbol): Outcome<unknown> {
  const handler = COMMAND_HANDLERS[command.type] as (c: CommandContext, cmd: typeof command) => Outcome<unknown>
  let outcome: Outcome<unknown> | null = null
  if (VAULT_ONLY.has(command.type)) {
    vaultDoc.transact(() => {
      outcome = handler(ctx, command)
    }, origin)
    return outcome ?? { ok: false, error: { code: 'internal', message: 'Command did not run.' } }
  }
  ctx.doc.transact(() => {
    vaultDoc.transact(() => {
      outcome = handler(ctx, command)
    }, origin)
  }, origin)
  return outcome ?? { ok: false, error: { code: 'internal', message: 'Command did not run.' } }
}

/** The handlers' view of the room for one command by `actor`. Handlers are pure over it (no IO). */
export function buildCommandContext(sources: ContextSources, actor: Actor, effects: ContextEffects): CommandContext {
  return new RoomCommandContext(sources, actor, effects)
}

/**
 * One per command, so its methods live on the prototype: an object literal of twenty closures per command (each
 * named at runtime by the TypeScript loader) was 6 % of a 25,000-ballot burst's CPU (issue 16).
 */
class RoomCommandContext implements CommandContext {
  readonly doc: Y.Doc
  readonly maps: ReturnType<typeof meetingMaps>
  readonly vault: VaultMaps
  readonly stage: Stage
  readonly now: number
  readonly participantCount: number
  readonly maxParticipants: number
  readonly semantic: SemanticScorer | null

  constructor(
    private readonly sources: ContextSources,
    readonly actor: Actor,
    private readonly effects: ContextEffects,
  ) {
    this.doc = sources.doc
    this.maps = sources.maps
    this.vault = sources.vault
    this.stage = readStage(sources.maps.meeting)
    this.now = sources.now
    this.participantCount = sources.presence.participantCount
    this.maxParticipants = sources.maxParticipants
    this.semantic = sources.semantic
  }

  get settings(): MeetingSettings {
    return readSettings(this.maps.meeting)
  }

  saveCredential(credential: Credential): void {
    this.effects.credentials.push(credential)
  }

  disconnect(participantId: string, reason: string): void {
    this.effects.disconnects = [...(this.effects.disconnects ?? []), { participantId, reason }]
  }

  becomeParticipant(bound: Exclude<Actor, { role: 'anonymous' }>): void {
    this.effects.boundActor = bound
  }

  newId(): string {
    return randomBytes(9).toString('base64url')
  }

  actorName(): string {
    return this.nameOf(this.actor)
  }

  refreshFeedOf(participantId: string): void {
    this.sources.feeds.refreshMine(participantId)
  }

  refreshBallotOf(participantId: string): void {
    this.sources.feeds.refreshBallot(participantId)
  }

  refreshModeration(): void {
    this.sources.feeds.refreshModeration()
  }

  refreshCounts(): void {
    this.sources.presence.markCountsStale()
  }

  searchablePeople(): readonly SearchablePerson[] {
    return this.sources.presence.searchablePeople()
  }

  isOnline(participantId: string): boolean {
    return this.sources.presence.isOnline(participantId)
  }

  submissionIndex(): { index: SimilarityIndex; ids: string[] } {
    return this.sources.similarity.index()
  }

  keyResultDoc(objectiveId: string): KeyResultDocRoom | null {
    return this.sources.keyResultDoc(objectiveId)
  }

  audit(action: string, detail: string): void {
    const actorId = this.actor.role === 'anonymous' ? '' : this.actor.participantId
    this.vault.audit.push([{ at: this.now, actorId, actorName: this.nameOf(this.actor), action, detail }])
  }

  otherMeeting(meetingId: string): OtherMeeting | null {
    const room = this.sources.others.get(meetingId) ?? null
    if (!room || room.broken) return null
    const origin = this.sources.origin
    return { doc: room.doc, maps: room.maps, stage: room.stage, write: (fn) => room.doc.transact(fn, origin) }
  }

  private nameOf(a: Actor): string {
    return a.role === 'anonymous' ? 'someone' : (this.vault.participants.get(a.participantId)?.name ?? 'someone')
  }
}
