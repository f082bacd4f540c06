import { randomBytes } from 'node:crypto'
import type * as Y from 'yjs'
import { readSettings, type meetingMaps } from '../../shared/meeting/meetingDoc.ts'
import { readStage } from '../../shared/meeting/meetingFields.ts'
import type { Actor } from '../../shared/stages/permissions.ts'
import type { Credential } from '../persistence/MeetingStore.ts'
import type { Command } from '../../shared/protocol/messages.ts'
import { COMMAND_HANDLERS } from '../commands/index.ts'
import type { CommandContext, Outcome } from './commandTypes.ts'
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

/** What one command's effects beyond the doc came to: credentials to store and a socket to bind. */
export interface ContextEffects {
  credentials: Credential[]
  boundActor: Exclude<Actor, { role: 'anonymous' }> | null
}

/**
 * Runs one command's handler in one Y transaction per doc (meeting and vault): observers and the wire see it whole
 * or not at all. A throw leaves the docs half-written; the caller must then drop everything uncommitted.
 */
export function runHandler(ctx: CommandContext, command: Exclude<Command, { type: 'hello' }>, vaultDoc: Y.Doc, origin: symbol): Outcome<unknown> {
  const handler = COMMAND_HANDLERS[command.type] as (c: CommandContext, cmd: typeof command) => Outcome<unknown>
  let outcome: Outcome<unknown> | null = null
  ctx.doc.transact(() => {
    vaultDoc.transact(() => {
      outcome = handler(ctx, command)
    }, origin)
  }, origin)
  return outcome ?? { ok: false, error: { code: 'internal', message: 'Command did not run.' } }
}

/** The handlers' view of the room for one command by `actor`. Handlers are pure over it (no IO). */
export function buildCommandContext(sources: ContextSources, actor: Actor, effects: ContextEffects): CommandContext {
  const { maps, vault, presence, feeds } = sources
  const nameOf = (a: Actor) => (a.role === 'anonymous' ? 'someone' : (vault.participants.get(a.participantId)?.name ?? 'someone'))
  return {
    doc: sources.doc,
    maps,
    actor,
    stage: readStage(maps.meeting),
    now: sources.now,
    participantCount: presence.participantCount,
    maxParticipants: sources.maxParticipants,
    saveCredential: (c) => effects.credentials.push(c),
    becomeParticipant: (bound) => {
      effects.boundActor = bound
    },
    vault,
    settings: readSettings(maps.meeting),
    newId: () => randomBytes(9).toString('base64url'),
    actorName: () => nameOf(actor),
    refreshFeedOf: (participantId) => feeds.refreshMine(participantId),
    refreshBallotOf: (participantId) => feeds.refreshBallot(participantId),
    refreshModeration: () => feeds.refreshModeration(),
    refreshCounts: () => presence.markCountsStale(),
    searchablePeople: () => presence.searchablePeople(),
    isOnline: (participantId) => presence.isOnline(participantId),
    submissionIndex: () => sources.similarity.index(),
    semantic: sources.semantic,
    keyResultDoc: (objectiveId) => sources.keyResultDoc(objectiveId),
    audit: (action, detail) => {
      const actorId = actor.role === 'anonymous' ? '' : actor.participantId
      vault.audit.push([{ at: sources.now, actorId, actorName: nameOf(actor), action, detail }])
    },
    otherMeeting: (meetingId) => {
      const room = sources.others.get(meetingId) ?? null
      if (!room || room.broken) return null
      return { doc: room.doc, maps: room.maps, stage: room.stage, write: (fn) => room.doc.transact(fn, sources.origin) }
    },
  }
}
