import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { meetingMaps, readSettings, type StageRecord } from '../../shared/meeting/meetingDoc.ts'
import { buildSimilarityIndex, type SimilarityIndex } from '../../shared/similarity.ts'
import type { OwnSubmission, PublicSubmission } from '../../shared/submissions/submissionTypes.ts'
import { ballotKey, vaultMaps } from './vaultDoc.ts'
import { KeyResultDocRoom } from './KeyResultDocRoom.ts'
import type { ChosenObjective } from '../../shared/voting/voteState.ts'
import type { VoteState } from '../../shared/voting/voteState.ts'
import { randomBytes } from 'node:crypto'
import { Command, type CommandError } from '../../shared/protocol/messages.ts'
import type { Actor } from '../../shared/stages/permissions.ts'
import { isStage, type Stage } from '../../shared/stages/stages.ts'
import { MESSAGE_SYNC, encodeAppMessage } from '../../shared/protocol/wire.ts'
import type { Credential, MeetingBatch, MeetingStore, StoredMeeting } from '../persistence/MeetingStore.ts'
import type { CommitParticipant, GroupCommitter } from '../persistence/GroupCommitter.ts'
import { newToken, secretMatches, splitToken } from '../security/tokens.ts'
import { COMMAND_HANDLERS } from '../commands/index.ts'
import type { CommandContext, Outcome } from './commandTypes.ts'

/** One socket as the room sees it. */
export interface RoomConnection {
  actor: Actor
  send(frame: Uint8Array): void
  close(code: number, reason: string): void
}

export interface RoomOptions {
  store: MeetingStore
  committer: GroupCommitter
  maxParticipants: number
  /** Compact the stored update log into one snapshot after this many updates. */
  compactAfterUpdates: number
  now?: () => number
  onCommand?: (type: string, outcome: 'ok' | 'refused' | 'replayed') => void
  /** Another loaded (or loadable) meeting, for commands that write two meetings in one commit (the cascade). */
  otherRoom?: (meetingId: string) => MeetingRoom | null
}

type Reply = (frame: Uint8Array) => void

const SERVER_ORIGIN = Symbol('server')
const SIMILARITY_REBUILD_MS = 1000
/** Below this many proposals a rebuild costs little: hints are always current. */
const SIMILARITY_THROTTLE_ABOVE = 1000
const MODERATION_FEED_INTERVAL_MS = 1000

/**
 * A live meeting: its Y.Doc (written only here), its sockets, and the commit cycle that keeps
 * "acknowledged" and "on disk" the same thing. Changes of one tick are persisted together, then broadcast
 * as one merged update, then acknowledged.
 */
export class MeetingRoom implements CommitParticipant {
  readonly doc = new Y.Doc({ gc: true })
  readonly maps = meetingMaps(this.doc)
  readonly connections = new Set<RoomConnection>()
  /** Server-only: never synced to a client. */
  readonly vault = new Y.Doc({ gc: true })
  readonly vaultMaps = vaultMaps(this.vault)
  private readonly credentials = new Map<string, Credential>()
  private readonly socketsOf = new Map<string, Set<RoomConnection>>()
  private pendingVaultUpdates: Uint8Array[] = []
  private vaultUpdatesSinceSnapshot: number
  private readonly feedsToRefresh = new Set<string>()
  private readonly ballotsToRefresh = new Set<string>()
  private isModerationStale = false
  private lastModerationSentAt = 0
  private moderationTimer: NodeJS.Timeout | null = null
  private similarity: { index: SimilarityIndex; ids: string[]; builtAt: number } | null = null
  private readonly keyResultDocs = new Map<string, KeyResultDocRoom>()
  private keyResultDocsInCommit: KeyResultDocRoom[] = []
  private readonly storedExtraDocs: Record<string, Uint8Array[]>
  private isSimilarityStale = true
  private pendingUpdates: Uint8Array[] = []
  private pendingCredentials: Credential[] = []
  private pendingCommands: MeetingBatch['commands'] = []
  private afterCommit: (() => void)[] = []
  private committing: (() => void)[] = []
  private committingFailures: (() => void)[] = []
  private afterFailure: (() => void)[] = []
  /** Replies owed for commands whose commit is still running, keyed by actor and command id. */
  private readonly inFlight = new Map<string, Reply[]>()
  private updatesSinceSnapshot: number
  private isBroken = false
  private readonly now: () => number

  constructor(
    readonly id: string,
    stored: StoredMeeting,
    private readonly options: RoomOptions,
  ) {
    this.now = options.now ?? Date.now
    for (const update of stored.updates) Y.applyUpdate(this.doc, update, SERVER_ORIGIN)
    for (const update of stored.vaultUpdates) Y.applyUpdate(this.vault, update, SERVER_ORIGIN)
    for (const c of stored.credentials) this.credentials.set(c.participantId, c)
    this.updatesSinceSnapshot = stored.updates.length
    this.storedExtraDocs = stored.extraDocs ?? {}
    this.vaultUpdatesSinceSnapshot = stored.vaultUpdates.length
    this.doc.on('update', (update: Uint8Array) => {
      this.pendingUpdates.push(update)
      this.options.committer.markDirty(this)
    })
    this.vault.on('update', (update: Uint8Array) => {
      this.pendingVaultUpdates.push(update)
      this.isSimilarityStale = true
      this.options.committer.markDirty(this)
    })
    // After a restart nobody is connected yet: clear the presence the crashed process left behind.
    if (this.maps.online.size > 0) this.doc.transact(() => this.maps.online.clear(), SERVER_ORIGIN)
  }

  get stage(): Stage {
    const record = this.maps.meeting.get('stage') as StageRecord | undefined
    return record && isStage(record.stage) ? record.stage : 'mission'
  }

  get participantCount(): number {
    let n = 0
    for (const c of this.credentials.values()) if (c.role === 'participant') n++
    return n
  }

  get isEmpty(): boolean {
    return this.connections.size === 0
  }

  get hasUncommittedChanges(): boolean {
    return (
      [...this.keyResultDocs.values()].some((d) => d.hasPending) ||
      this.pendingUpdates.length > 0 ||
      this.pendingVaultUpdates.length > 0 ||
      this.pendingCommands.length > 0 ||
      this.pendingCredentials.length > 0
    )
  }

  /** The co-edited doc of one chosen objective (loaded on first use), or null for an objective that does not exist. */
  keyResultDoc(objectiveId: string): KeyResultDocRoom | null {
    const existing = this.keyResultDocs.get(objectiveId)
    if (existing) return existing
    const objectives = (this.maps.meeting.get('objectives') as ChosenObjective[] | undefined) ?? []
    if (!objectives.some((o) => o.id === objectiveId)) return null
    const room = new KeyResultDocRoom(
      objectiveId,
      this.storedExtraDocs[`kr:${objectiveId}`] ?? [],
      () => this.options.committer.markDirty(this),
      this.options.compactAfterUpdates,
    )
    this.keyResultDocs.set(objectiveId, room)
    return room
  }

  /** Who a token belongs to, without binding a socket (key-result doc sockets carry no presence or feeds). */
  identify(token: string): { role: 'facilitator' | 'participant'; participantId: string; name: string } | null {
    const parts = splitToken(token)
    const credential = parts ? this.credentials.get(parts.participantId) : undefined
    if (!parts || !credential || !secretMatches(parts.secret, credential.tokenHash)) return null
    const name = this.maps.participants.get(credential.participantId)?.name ?? ''
    return { role: credential.role, participantId: credential.participantId, name }
  }

  addConnection(conn: RoomConnection): void {
    this.connections.add(conn)
  }

  removeConnection(conn: RoomConnection): void {
    if (!this.connections.delete(conn)) return
    if (conn.actor.role !== 'anonymous') this.releasePresence(conn.actor.participantId, conn)
  }

  /**
   * Answers a client's sync step 1 with what it lacks. Only committed state ever leaves the server: with changes
   * pending, the answer waits for this tick's group commit (many reconnecting clients share one commit).
   * Returns false for a malformed state vector.
   */
  answerSyncStep1(conn: RoomConnection, stateVector: Uint8Array): boolean {
    try {
      Y.decodeStateVector(stateVector)
    } catch {
      return false
    }
    if (!this.hasUncommittedChanges) {
      conn.send(this.syncStep2For(stateVector))
      return true
    }
    this.afterCommit.push(() => {
      if (this.connections.has(conn)) conn.send(this.syncStep2For(stateVector))
    })
    this.options.committer.markDirty(this)
    return true
  }

  private syncStep2For(stateVector: Uint8Array): Uint8Array {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(this.doc, stateVector))
    return encoding.toUint8Array(encoder)
  }

  /** Handles one parsed app-channel payload from `conn`. Replies are sent on `conn` when the outcome is known. */
  handleCommand(conn: RoomConnection, raw: unknown): void {
    const reply: Reply = (frame) => conn.send(frame)
    const parsed = Command.safeParse(raw)
    if (!parsed.success) {
      const id = typeof (raw as { id?: unknown })?.id === 'string' ? ((raw as { id: string }).id.slice(0, 64)) : null
      const issue = parsed.error.issues[0]
      const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : ''
      reply(errorFrame(id, { code: 'bad_command', message: `${issue?.message ?? 'Invalid command.'}${where}` }))
      this.options.onCommand?.('invalid', 'refused')
      return
    }
    const command = parsed.data
    if (this.isBroken) {
      reply(errorFrame(command.id, { code: 'internal', message: 'The meeting is restarting; try again in a moment.' }))
      return
    }
    if (command.type === 'hello') {
      reply(this.hello(conn, command.id, command.token))
      return
    }
    const actorKey = conn.actor.role === 'anonymous' ? 'anonymous' : conn.actor.participantId
    const key = `${actorKey}\u0000${command.id}`
    const waiting = this.inFlight.get(key)
    if (waiting) {
      waiting.push(reply)
      return
    }
    const logged = this.options.store.findCommandResult(this.id, actorKey, command.id)
    if (logged !== null) {
      this.replay(conn, command, logged, reply)
      return
    }

    const box: { outcome: Outcome<unknown> } = {
      outcome: { ok: false, error: { code: 'internal', message: 'Command did not run.' } },
    }
    const pendingCredentials: Credential[] = []
    let boundActor: Exclude<Actor, { role: 'anonymous' }> | null = null
    const ctx: CommandContext = {
      doc: this.doc,
      maps: this.maps,
      actor: conn.actor,
      stage: this.stage,
      now: this.now(),
      participantCount: this.participantCount,
      maxParticipants: this.options.maxParticipants,
      saveCredential: (c) => pendingCredentials.push(c),
      becomeParticipant: (actor) => (boundActor = actor),
      vault: this.vaultMaps,
      settings: readSettings(this.maps.meeting),
      newId: () => randomBytes(9).toString('base64url'),
      actorName: () => this.nameOf(conn.actor),
      refreshFeedOf: (participantId) => this.feedsToRefresh.add(participantId),
      refreshBallotOf: (participantId) => this.ballotsToRefresh.add(participantId),
      refreshModeration: () => {
        this.isModerationStale = true
      },
      submissionIndex: () => this.submissionIndex(),
      keyResultDoc: (objectiveId) => this.keyResultDoc(objectiveId),
      audit: (action, detail) => {
        const actorId = conn.actor.role === 'anonymous' ? '' : conn.actor.participantId
        this.vaultMaps.audit.push([{ at: ctx.now, actorId, actorName: this.nameOf(conn.actor), action, detail }])
      },
      otherMeeting: (meetingId) => {
        const room = meetingId === this.id ? null : (this.options.otherRoom?.(meetingId) ?? null)
        if (!room || room.broken) return null
        return {
          doc: room.doc,
          maps: room.maps,
          stage: room.stage,
          write: (fn) => room.doc.transact(fn, SERVER_ORIGIN),
        }
      },
    }
    try {
      const handler = COMMAND_HANDLERS[command.type] as (c: CommandContext, cmd: typeof command) => Outcome<unknown>
      // One command, one Y transaction per doc: observers and the wire see it whole or not at all.
      this.doc.transact(() => {
        this.vault.transact(() => {
          box.outcome = handler(ctx, command)
        }, SERVER_ORIGIN)
      }, SERVER_ORIGIN)
    } catch (error) {
      // A half-applied command must never reach disk: drop everything uncommitted and reload from storage.
      this.options.onCommand?.(command.type, 'refused')
      reply(errorFrame(command.id, { code: 'internal', message: 'The server could not apply this command.' }))
      this.abandonUncommitted()
      throw error
    }
    const outcome = box.outcome
    if (!outcome.ok) {
      this.options.onCommand?.(command.type, 'refused')
      reply(errorFrame(command.id, outcome.error))
      return
    }
    const result = outcome.result
    if (outcome.persist === false) {
      this.options.onCommand?.(command.type, 'ok')
      reply(okFrame(command.id, result))
      return
    }
    for (const c of pendingCredentials) {
      this.credentials.set(c.participantId, c)
      this.pendingCredentials.push(c)
    }
    if (boundActor) this.bind(conn, boundActor)
    this.pendingCommands.push({ actorKey, commandId: command.id, resultJson: JSON.stringify(outcome.logged ?? result) })
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
    this.options.onCommand?.(command.type, 'ok')
    this.options.committer.markDirty(this)
  }

  takeBatch(): MeetingBatch {
    const update = this.pendingUpdates.length === 0 ? null : Y.mergeUpdates(this.pendingUpdates)
    let snapshot: Uint8Array | null = null
    if (update) {
      this.updatesSinceSnapshot++
      if (this.updatesSinceSnapshot >= this.options.compactAfterUpdates) {
        snapshot = Y.encodeStateAsUpdate(this.doc)
        this.updatesSinceSnapshot = 1
      }
    }
    const vaultUpdate = this.pendingVaultUpdates.length === 0 ? null : Y.mergeUpdates(this.pendingVaultUpdates)
    let vaultSnapshot: Uint8Array | null = null
    if (vaultUpdate) {
      this.vaultUpdatesSinceSnapshot++
      if (this.vaultUpdatesSinceSnapshot >= this.options.compactAfterUpdates) {
        vaultSnapshot = Y.encodeStateAsUpdate(this.vault)
        this.vaultUpdatesSinceSnapshot = 1
      }
    }
    this.keyResultDocsInCommit = [...this.keyResultDocs.values()].filter((d) => d.hasPending)
    const batch: MeetingBatch = {
      meetingId: this.id,
      update,
      snapshot,
      vault: { update: vaultUpdate, snapshot: vaultSnapshot },
      extraDocs: this.keyResultDocsInCommit.map((d) => d.takeBatch()),
      credentials: this.pendingCredentials,
      commands: this.pendingCommands,
    }
    this.pendingUpdates = []
    this.pendingVaultUpdates = []
    this.pendingCredentials = []
    this.pendingCommands = []
    this.committing = this.afterCommit
    this.committingFailures = this.afterFailure
    this.afterCommit = []
    this.afterFailure = []
    this.broadcastAfterCommit = update
    return batch
  }

  private broadcastAfterCommit: Uint8Array | null = null

  onCommitted(): void {
    const update = this.broadcastAfterCommit
    this.broadcastAfterCommit = null
    if (update) this.broadcast(syncUpdateFrame(update))
    for (const d of this.keyResultDocsInCommit) d.onCommitted()
    this.keyResultDocsInCommit = []
    this.sendFeeds()
    const callbacks = this.committing
    this.committing = []
    this.committingFailures = []
    for (const cb of callbacks) cb()
  }

  onCommitFailed(): void {
    // Memory is now ahead of disk. Refuse what was pending and drop every socket; the registry reloads the
    // room from disk on the next connection, so nobody ever sees state that was not stored.
    this.broadcastAfterCommit = null
    const failures = this.committingFailures
    this.committing = []
    this.committingFailures = []
    for (const cb of failures) cb()
    this.abandonUncommitted()
  }

  private abandonUncommitted(): void {
    this.isBroken = true
    const failures = this.afterFailure
    this.afterCommit = []
    this.afterFailure = []
    this.pendingUpdates = []
    this.pendingVaultUpdates = []
    this.pendingCommands = []
    this.pendingCredentials = []
    for (const d of this.keyResultDocs.values()) {
      d.dropUncommitted()
      for (const conn of d.connections) conn.close(1011, 'Server error; reconnecting.')
      d.connections.clear()
    }
    for (const cb of failures) cb()
    for (const conn of [...this.connections]) conn.close(1011, 'Server error; reconnecting.')
    this.connections.clear()
  }

  get broken(): boolean {
    return this.isBroken
  }

  broadcast(frame: Uint8Array): void {
    for (const conn of this.connections) conn.send(frame)
  }

  private hello(conn: RoomConnection, commandId: string, token: string): Uint8Array {
    const parts = splitToken(token)
    const credential = parts ? this.credentials.get(parts.participantId) : undefined
    if (!parts || !credential || !secretMatches(parts.secret, credential.tokenHash)) {
      return errorFrame(commandId, { code: 'invalid_token', message: 'This link or saved identity is not valid for this meeting.' })
    }
    this.bind(conn, { role: credential.role, participantId: credential.participantId })
    const record = this.maps.participants.get(credential.participantId)
    // A (re)connected person catches up on their private data right after the reply.
    queueMicrotask(() => this.sendPrivateCatchUp(conn))
    return okFrame(commandId, {
      participantId: credential.participantId,
      role: credential.role,
      name: record?.name ?? '',
      serverNow: this.now(),
    })
  }

  private replay(conn: RoomConnection, command: Command, logged: string, reply: Reply): void {
    this.options.onCommand?.(command.type, 'replayed')
    if (command.type !== 'join') {
      reply(okFrame(command.id, JSON.parse(logged)))
      return
    }
    // A join whose reply was lost: the token was never stored in clear, so issue a fresh one to whoever
    // holds the (unguessable) command id, and retire the old one in the same commit.
    const joined = JSON.parse(logged) as { participantId: string; role: 'participant'; name: string }
    const { token, tokenHash } = newToken(joined.participantId)
    const credential: Credential = { participantId: joined.participantId, role: 'participant', tokenHash }
    this.credentials.set(joined.participantId, credential)
    this.pendingCredentials.push(credential)
    this.bind(conn, { role: 'participant', participantId: joined.participantId })
    const frame = okFrame(command.id, { ...joined, token, serverNow: this.now() })
    this.afterCommit.push(() => reply(frame))
    this.afterFailure.push(() => reply(errorFrame(command.id, { code: 'internal', message: 'Not saved; please retry.' })))
    this.options.committer.markDirty(this)
  }

  private nameOf(actor: Actor): string {
    if (actor.role === 'anonymous') return 'someone'
    return this.maps.participants.get(actor.participantId)?.name ?? 'someone'
  }

  private submissionIndex(): { index: SimilarityIndex; ids: string[] } {
    const now = this.now()
    // Hints while typing may be a second stale in a big room; rebuilding on every keystroke of a 5,000-person burst cannot.
    const isLarge = (this.similarity?.ids.length ?? 0) >= SIMILARITY_THROTTLE_ABOVE
    if (!this.similarity || (this.isSimilarityStale && (!isLarge || now - this.similarity.builtAt >= SIMILARITY_REBUILD_MS))) {
      const ids: string[] = []
      const texts: string[] = []
      for (const s of this.vaultMaps.submissions.values()) {
        if (s.status !== 'active') continue
        ids.push(s.id)
        texts.push(s.title)
      }
      this.similarity = { index: buildSimilarityIndex(texts), ids, builtAt: now }
      this.isSimilarityStale = false
    }
    return { index: this.similarity.index, ids: this.similarity.ids }
  }

  /** What one person may see of the proposals: their own and the ones they support. */
  ownFeed(participantId: string): OwnSubmission[] {
    const items: OwnSubmission[] = []
    for (const s of this.vaultMaps.submissions.values()) {
      if (s.status !== 'active') continue
      const relation = s.authorId === participantId ? 'author' : s.supporterIds.includes(participantId) ? 'supporter' : null
      if (!relation) continue
      items.push({ id: s.id, title: s.title, why: s.why, supporterCount: s.supporterIds.length, relation })
    }
    return items
  }

  moderationFeed(): PublicSubmission[] {
    const items: PublicSubmission[] = []
    for (const s of this.vaultMaps.submissions.values()) {
      if (s.status === 'active') items.push({ id: s.id, title: s.title, why: s.why, supporterCount: s.supporterIds.length, createdAt: s.createdAt })
    }
    return items.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
  }

  private sendPrivateCatchUp(conn: RoomConnection): void {
    if (conn.actor.role === 'anonymous' || !this.connections.has(conn)) return
    conn.send(encodeAppMessage({ kind: 'feed', feed: 'mine', items: this.ownFeed(conn.actor.participantId) }))
    conn.send(this.ballotFrame(conn.actor.participantId))
    if (conn.actor.role === 'facilitator') conn.send(encodeAppMessage({ kind: 'feed', feed: 'moderation', items: this.moderationFeed() }))
  }

  private sendFeeds(): void {
    for (const participantId of this.feedsToRefresh) {
      const sockets = this.socketsOf.get(participantId)
      if (!sockets || sockets.size === 0) continue
      const frame = encodeAppMessage({ kind: 'feed', feed: 'mine', items: this.ownFeed(participantId) })
      for (const conn of sockets) conn.send(frame)
    }
    this.feedsToRefresh.clear()
    for (const participantId of this.ballotsToRefresh) {
      const sockets = this.socketsOf.get(participantId)
      if (!sockets || sockets.size === 0) continue
      const frame = this.ballotFrame(participantId)
      for (const conn of sockets) conn.send(frame)
    }
    this.ballotsToRefresh.clear()
    if (this.isModerationStale) this.scheduleModerationFeed()
  }

  /** This person's ballot for the current round, for their sockets only. */
  private ballotFrame(participantId: string): Uint8Array {
    const round = (this.maps.meeting.get('vote') as VoteState | null | undefined)?.round ?? 0
    const ballot = round > 0 ? (this.vaultMaps.ballots.get(ballotKey(round, participantId)) ?? {}) : {}
    return encodeAppMessage({ kind: 'feed', feed: 'ballot', round, ballot })
  }

  /** The whole list goes to facilitators at most once a second: a burst of 5,000 proposals is one send a second, not 5,000. */
  private scheduleModerationFeed(): void {
    if (this.moderationTimer) return
    const wait = Math.max(0, this.lastModerationSentAt + MODERATION_FEED_INTERVAL_MS - this.now())
    this.moderationTimer = setTimeout(() => {
      this.moderationTimer = null
      if (this.isBroken) return
      this.isModerationStale = false
      this.lastModerationSentAt = this.now()
      let frame: Uint8Array | null = null
      for (const conn of this.connections) {
        if (conn.actor.role !== 'facilitator') continue
        frame ??= encodeAppMessage({ kind: 'feed', feed: 'moderation', items: this.moderationFeed() })
        conn.send(frame)
      }
    }, wait)
    this.moderationTimer.unref?.()
  }

  private bind(conn: RoomConnection, actor: Exclude<Actor, { role: 'anonymous' }>): void {
    if (conn.actor.role !== 'anonymous') {
      if (conn.actor.participantId === actor.participantId) return
      this.releasePresence(conn.actor.participantId, conn)
    }
    conn.actor = actor
    let sockets = this.socketsOf.get(actor.participantId)
    if (!sockets) this.socketsOf.set(actor.participantId, (sockets = new Set()))
    const count = sockets.size
    sockets.add(conn)
    if (count === 0 && this.maps.online.get(actor.participantId) !== true) {
      this.doc.transact(() => this.maps.online.set(actor.participantId, true), SERVER_ORIGIN)
    }
  }

  private releasePresence(participantId: string, conn: RoomConnection): void {
    const sockets = this.socketsOf.get(participantId)
    sockets?.delete(conn)
    if (sockets && sockets.size > 0) return
    this.socketsOf.delete(participantId)
    if (!this.isBroken && this.maps.online.has(participantId)) {
      this.doc.transact(() => this.maps.online.delete(participantId), SERVER_ORIGIN)
    }
  }
}

function okFrame(id: string, result: unknown): Uint8Array {
  return encodeAppMessage({ kind: 'reply', id, ok: true, result })
}

export function errorFrame(id: string | null, error: CommandError): Uint8Array {
  return encodeAppMessage({ kind: 'reply', id, ok: false, error })
}

export function noticeFrame(error: CommandError): Uint8Array {
  return encodeAppMessage({ kind: 'notice', error })
}

function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}
