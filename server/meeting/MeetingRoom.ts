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
import { foldName, samePresence, summarisePresence, type SearchablePerson } from '../../shared/presence/roomCounts.ts'
import type { PresenceSummary, RosterEntry } from '../../shared/presence/presenceTypes.ts'
import { moveLegacyPresence } from './legacyPresence.ts'
import { ThrottledFeed } from './ThrottledFeed.ts'
import { describeIssue } from '../../shared/protocol/describeIssue.ts'
import { mergeUpdates } from '../sync/mergeUpdates.ts'

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
/** Below this many sockets every commit is sent to everyone at once (and tests can rely on that order). */
const COALESCE_ABOVE_CONNECTIONS = 200
const MIN_BROADCAST_GAP_MS = 20
/**
 * In a big room the counts are republished at most this often, scaled with the room: every republish is a frame to
 * every socket, and at 5,000 sockets those frames, not the commands, were most of a vote burst's cost. Counters
 * still reach everyone within a second of the last change.
 */
function presenceGapMs(sockets: number): number {
  return sockets < 1000 ? 200 : 500
}
const MAX_BROADCAST_GAP_MS = 400
/** The facilitator's roster of everyone goes out at most this often: a join storm is a few sends, not thousands. */
const ROSTER_FEED_INTERVAL_MS = 1000

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
  private isPresenceStale = true
  /** Every proposal, to facilitators at most once a second: a burst of 5,000 proposals is one send a second. */
  private readonly moderationOut = new ThrottledFeed(MODERATION_FEED_INTERVAL_MS, () => this.now(), () =>
    this.sendToFacilitators(() => encodeAppMessage({ kind: 'feed', feed: 'moderation', items: this.moderationFeed() })),
  )
  /** Everyone in the meeting, to facilitators, likewise: a join storm is a few sends, not thousands. */
  private readonly rosterOut = new ThrottledFeed(ROSTER_FEED_INTERVAL_MS, () => this.now(), () =>
    this.sendToFacilitators(() => encodeAppMessage({ kind: 'feed', feed: 'roster', items: this.roster() })),
  )
  private joinedCount = 0
  private namesVersion = 0
  private readonly selfToRefresh = new Set<string>()
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
      this.wholeDocFrame = null
      this.pendingUpdates.push(update)
      this.options.committer.markDirty(this)
    })
    this.vaultMaps.submissions.observe(() => {
      this.byPerson = null
    })
    this.vault.on('update', (update: Uint8Array) => {
      this.pendingVaultUpdates.push(update)
      this.isSimilarityStale = true
      this.options.committer.markDirty(this)
    })
    moveLegacyPresence(this.doc, this.vault, SERVER_ORIGIN)
    this.ensureFacilitatorRecords(stored.createdAt)
    for (const p of this.vaultMaps.participants.values()) if (p.role === 'participant') this.joinedCount++
    this.namesVersion = (this.maps.meeting.get('presence') as PresenceSummary | undefined)?.namesVersion ?? 0
    const onPeopleChange = <T,>(event: Y.YMapEvent<T>) => {
      this.isPresenceStale = true
      this.rosterOut.markStale()
      event.changes.keys.forEach((change, key) => {
        this.selfToRefresh.add(key)
        if ((event.target as unknown) !== this.vaultMaps.participants) return
        this.searchable = null
        const wasParticipant = (change.oldValue as { role?: string } | undefined)?.role === 'participant'
        const isParticipant = this.vaultMaps.participants.get(key)?.role === 'participant'
        if (change.action === 'update' && change.oldValue?.name !== this.vaultMaps.participants.get(key)?.name) this.namesVersion++
        if (change.action === 'add' && isParticipant) this.joinedCount++
        if (change.action === 'delete' && wasParticipant) this.joinedCount--
      })
    }
    this.vaultMaps.participants.observe(onPeopleChange)
    this.vaultMaps.done.observe(onPeopleChange)
    this.vaultMaps.voted.observe(onPeopleChange)
    // After a restart nobody is connected: the stored "online" count is stale until corrected here.
    this.publishPresence()
  }

  /** Meetings are created with a facilitator credential; their person record is kept with everyone else's. */
  private ensureFacilitatorRecords(createdAt: number): void {
    const missing = [...this.credentials.values()].filter((c) => c.role === 'facilitator' && !this.vaultMaps.participants.has(c.participantId))
    if (missing.length === 0) return
    this.vault.transact(() => {
      for (const c of missing) this.vaultMaps.participants.set(c.participantId, { name: 'Facilitator', role: 'facilitator', joinedAt: createdAt })
    }, SERVER_ORIGIN)
  }

  get stage(): Stage {
    const record = this.maps.meeting.get('stage') as StageRecord | undefined
    return record && isStage(record.stage) ? record.stage : 'mission'
  }

  get participantCount(): number {
    return this.joinedCount
  }

  get isEmpty(): boolean {
    return this.connections.size === 0
  }

  get hasUncommittedChanges(): boolean {
    return (
      this.isPresenceStale ||
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
    const name = this.vaultMaps.participants.get(credential.participantId)?.name ?? ''
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
    // A fresh client (empty state vector) needs the whole doc: encode it once per change, not once per joiner.
    const isFresh = stateVector.length === 1 && stateVector[0] === 0
    if (isFresh && this.wholeDocFrame) return this.wholeDocFrame
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(this.doc, stateVector))
    const frame = encoding.toUint8Array(encoder)
    if (isFresh) this.wholeDocFrame = frame
    return frame
  }

  private wholeDocFrame: Uint8Array | null = null

  /** Handles one parsed app-channel payload from `conn`. Replies are sent on `conn` when the outcome is known. */
  handleCommand(conn: RoomConnection, raw: unknown): void {
    const reply: Reply = (frame) => conn.send(frame)
    const parsed = Command.safeParse(raw)
    if (!parsed.success) {
      const id = typeof (raw as { id?: unknown })?.id === 'string' ? ((raw as { id: string }).id.slice(0, 64)) : null
      reply(errorFrame(id, { code: 'bad_command', message: describeIssue(parsed.error.issues[0]) }))
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
        this.moderationOut.markStale()
      },
      refreshCounts: () => {
        this.isPresenceStale = true
      },
      searchablePeople: () => this.searchablePeople(),
      isOnline: (participantId) => (this.socketsOf.get(participantId)?.size ?? 0) > 0,
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
    this.actorsThisTick.add(conn)
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
    this.publishPresence()
    const update = this.pendingUpdates.length === 0 ? null : mergeUpdates(this.pendingUpdates)
    let snapshot: Uint8Array | null = null
    if (update) {
      this.updatesSinceSnapshot++
      if (this.updatesSinceSnapshot >= this.options.compactAfterUpdates) {
        snapshot = Y.encodeStateAsUpdate(this.doc)
        this.updatesSinceSnapshot = 1
      }
    }
    const vaultUpdate = this.pendingVaultUpdates.length === 0 ? null : mergeUpdates(this.pendingVaultUpdates)
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
    this.committingActors = this.actorsThisTick
    this.actorsThisTick = new Set()
    return batch
  }

  private broadcastAfterCommit: Uint8Array | null = null
  private actorsThisTick = new Set<RoomConnection>()
  private committingActors = new Set<RoomConnection>()
  /** Committed updates not yet sent to everyone (see `queueBroadcast`). */
  private unsentUpdates: Uint8Array[] = []
  /** Sockets that already received every unsent update personally (the latest tick's actors). */
  private haveUnsent = new Set<RoomConnection>()
  private broadcastTimer: NodeJS.Timeout | null = null
  private lastBroadcastAt = 0
  private lastBroadcastMs = 0

  onCommitted(): void {
    const update = this.broadcastAfterCommit
    this.broadcastAfterCommit = null
    if (update) {
      // Whoever acted this tick sees their change before their acknowledgement; everyone else soon after.
      // Their copy includes what is still waiting to go to everyone: Yjs applies nothing whose predecessors are missing.
      if (this.committingActors.size > 0) {
        const mine = this.unsentUpdates.length === 0 ? update : mergeUpdates([...this.unsentUpdates, update])
        const frame = syncUpdateFrame(mine)
        for (const conn of this.committingActors) if (this.connections.has(conn)) conn.send(frame)
      }
      // The actors now hold everything unsent; nobody else does.
      this.haveUnsent = this.committingActors
      this.queueBroadcast(update)
    }
    this.committingActors = new Set()
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
    this.unsentUpdates = []
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

  /**
   * Sends committed updates to every socket. In a small room at once; in a big one, updates committed close
   * together are merged and sent as one frame, at most every eight times the last send took (≤ 400 ms): sending
   * to everyone then takes at most an eighth of the server's time. One frame to 5,000 sockets costs tens of
   * milliseconds; doing that on every commit tick of a burst would leave no time for the commands themselves.
   */
  private queueBroadcast(update: Uint8Array): void {
    this.unsentUpdates.push(update)
    if (this.broadcastTimer) return
    const gap = this.connections.size < COALESCE_ABOVE_CONNECTIONS ? 0 : Math.min(MAX_BROADCAST_GAP_MS, Math.max(MIN_BROADCAST_GAP_MS, this.lastBroadcastMs * 8))
    const wait = this.lastBroadcastAt + gap - performance.now()
    if (wait <= 0) {
      this.flushBroadcast()
      return
    }
    this.broadcastTimer = setTimeout(() => {
      this.broadcastTimer = null
      if (!this.isBroken) this.flushBroadcast()
    }, wait)
  }

  private flushBroadcast(): void {
    if (this.unsentUpdates.length === 0) return
    const update = this.unsentUpdates.length === 1 ? (this.unsentUpdates[0] as Uint8Array) : mergeUpdates(this.unsentUpdates)
    this.unsentUpdates = []
    const skip = this.haveUnsent
    this.haveUnsent = new Set()
    const started = performance.now()
    const frame = syncUpdateFrame(update)
    for (const conn of this.connections) if (!skip.has(conn)) conn.send(frame)
    this.lastBroadcastAt = performance.now()
    this.lastBroadcastMs = this.lastBroadcastAt - started
  }

  private hello(conn: RoomConnection, commandId: string, token: string): Uint8Array {
    const parts = splitToken(token)
    const credential = parts ? this.credentials.get(parts.participantId) : undefined
    if (!parts || !credential || !secretMatches(parts.secret, credential.tokenHash)) {
      return errorFrame(commandId, { code: 'invalid_token', message: 'This link or saved identity is not valid for this meeting.' })
    }
    this.bind(conn, { role: credential.role, participantId: credential.participantId })
    const record = this.vaultMaps.participants.get(credential.participantId)
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
    return this.vaultMaps.participants.get(actor.participantId)?.name ?? 'someone'
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
    for (const id of this.submissionsByPerson().get(participantId) ?? []) {
      const s = this.vaultMaps.submissions.get(id)
      if (!s || s.status !== 'active') continue
      const relation = s.authorId === participantId ? 'author' : s.supporterIds.includes(participantId) ? 'supporter' : null
      if (!relation) continue
      items.push({ id: s.id, title: s.title, why: s.why, supporterCount: s.supporterIds.length, relation })
    }
    return items
  }

  private byPerson: Map<string, string[]> | null = null

  /**
   * participantId → the proposals they wrote or support, rebuilt at most once per change rather than scanning every
   * proposal for every person whose feed is refreshed (O(N²) in a 5,000-person submit burst).
   */
  private submissionsByPerson(): Map<string, string[]> {
    if (this.byPerson) return this.byPerson
    const index = new Map<string, string[]>()
    const add = (person: string, id: string) => {
      const list = index.get(person)
      if (list) list.push(id)
      else index.set(person, [id])
    }
    for (const s of this.vaultMaps.submissions.values()) {
      add(s.authorId, s.id)
      for (const supporter of s.supporterIds) if (supporter !== s.authorId) add(supporter, s.id)
    }
    this.byPerson = index
    return index
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
    const self = this.rosterEntry(conn.actor.participantId)
    if (self) conn.send(encodeAppMessage({ kind: 'feed', feed: 'self', me: self }))
    if (conn.actor.role === 'facilitator') {
      conn.send(encodeAppMessage({ kind: 'feed', feed: 'moderation', items: this.moderationFeed() }))
      conn.send(encodeAppMessage({ kind: 'feed', feed: 'roster', items: this.roster() }))
    }
  }

  /**
   * Counts for everyone (people, done, voted, proposals), written only when they changed: once per commit tick in a
   * small room, at most every 200–500 ms in a big one. Every write is a new item that each broadcast carries
   * until it is sent, so a join storm writing the counts on every tick sent kilobytes of stale counts per frame.
   */
  private publishPresence(): void {
    if (!this.isPresenceStale || this.isBroken) return
    const now = performance.now()
    const gap = presenceGapMs(this.connections.size)
    if (this.connections.size >= COALESCE_ABOVE_CONNECTIONS && now - this.lastPresenceAt < gap) {
      this.presenceTimer ??= setTimeout(() => {
        this.presenceTimer = null
        if (!this.isBroken) this.options.committer.markDirty(this)
      }, this.lastPresenceAt + gap - now)
      return
    }
    this.isPresenceStale = false
    this.lastPresenceAt = now
    const round = (this.maps.meeting.get('vote') as VoteState | null | undefined)?.round ?? 0
    const people = this.peopleStates()
    const next = summarisePresence(people, this.stage, round, this.namesVersion)
    const current = this.maps.meeting.get('presence') as PresenceSummary | undefined
    const submissionCount = this.activeSubmissionCount()
    const isCountChanged = (this.maps.meeting.get('submissionCount') ?? 0) !== submissionCount
    if (samePresence(current, next) && !isCountChanged) return
    this.doc.transact(() => {
      if (!samePresence(current, next)) this.maps.meeting.set('presence', next)
      if (isCountChanged) this.maps.meeting.set('submissionCount', submissionCount)
    }, SERVER_ORIGIN)
  }

  private lastPresenceAt = Number.NEGATIVE_INFINITY
  private presenceTimer: NodeJS.Timeout | null = null

  private activeSubmissionCount(): number {
    let n = 0
    for (const s of this.vaultMaps.submissions.values()) if (s.status === 'active') n++
    return n
  }

  private *peopleStates(): Generator<Omit<RosterEntry, 'id' | 'name' | 'joinedAt'>> {
    const { done, voted } = this.vaultMaps
    for (const [id, p] of this.vaultMaps.participants.entries()) {
      yield {
        role: p.role,
        isOnline: (this.socketsOf.get(id)?.size ?? 0) > 0,
        doneStage: done.get(id) ?? null,
        votedRound: voted.get(id) ?? 0,
      }
    }
  }

  rosterEntry(participantId: string): RosterEntry | null {
    const p = this.vaultMaps.participants.get(participantId)
    if (!p) return null
    return {
      id: participantId,
      name: p.name,
      role: p.role,
      joinedAt: p.joinedAt,
      isOnline: (this.socketsOf.get(participantId)?.size ?? 0) > 0,
      doneStage: this.vaultMaps.done.get(participantId) ?? null,
      votedRound: this.vaultMaps.voted.get(participantId) ?? 0,
    }
  }

  private searchable: SearchablePerson[] | null = null

  private searchablePeople(): SearchablePerson[] {
    if (this.searchable) return this.searchable
    const people: SearchablePerson[] = []
    for (const [id, p] of this.vaultMaps.participants.entries()) {
      if (p.role === 'participant') people.push({ id, name: p.name, folded: foldName(p.name), joinedAt: p.joinedAt })
    }
    this.searchable = people.sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id))
    return this.searchable
  }

  /** Everyone, in joining order: for facilitators only. */
  roster(): RosterEntry[] {
    const items: RosterEntry[] = []
    for (const id of this.vaultMaps.participants.keys()) {
      const entry = this.rosterEntry(id)
      if (entry) items.push(entry)
    }
    return items.sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id))
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
    for (const participantId of this.selfToRefresh) {
      const sockets = this.socketsOf.get(participantId)
      const me = sockets && sockets.size > 0 ? this.rosterEntry(participantId) : null
      if (!sockets || !me) continue
      const frame = encodeAppMessage({ kind: 'feed', feed: 'self', me })
      for (const conn of sockets) conn.send(frame)
    }
    this.selfToRefresh.clear()
    this.moderationOut.schedule()
    this.rosterOut.schedule()
  }

  /** This person's ballot for the current round, for their sockets only. */
  private ballotFrame(participantId: string): Uint8Array {
    const round = (this.maps.meeting.get('vote') as VoteState | null | undefined)?.round ?? 0
    const ballot = round > 0 ? (this.vaultMaps.ballots.get(ballotKey(round, participantId)) ?? {}) : {}
    return encodeAppMessage({ kind: 'feed', feed: 'ballot', round, ballot })
  }

  /** One frame, built only if some facilitator is connected, to every facilitator socket. */
  private sendToFacilitators(build: () => Uint8Array): void {
    if (this.isBroken) return
    let frame: Uint8Array | null = null
    for (const conn of this.connections) {
      if (conn.actor.role !== 'facilitator') continue
      frame ??= build()
      conn.send(frame)
    }
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
    if (count === 0) this.presenceChanged()
  }

  /** Online status lives in memory only (it means nothing after a restart); everyone sees it as counts. */
  private presenceChanged(): void {
    this.isPresenceStale = true
    this.rosterOut.markStale()
    this.options.committer.markDirty(this)
  }

  private releasePresence(participantId: string, conn: RoomConnection): void {
    const sockets = this.socketsOf.get(participantId)
    sockets?.delete(conn)
    if (sockets && sockets.size > 0) return
    this.socketsOf.delete(participantId)
    if (!this.isBroken) this.presenceChanged()
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
