import * as Y from 'yjs'
import { meetingMaps } from '../../shared/meeting/meetingDoc.ts'
import { readObjectives, readStage } from '../../shared/meeting/meetingFields.ts'
import { CLOSE } from '../../shared/protocol/closeCodes.ts'
import type { Command } from '../../shared/protocol/messages.ts'
import type { Stage } from '../../shared/stages/stages.ts'
import type { CommitParticipant, CommitScheduler } from '../persistence/GroupCommitter.ts'
import { MeetingFencedError, type Awaitable, type MeetingBatch, type MeetingStore, type StoredMeeting } from '../persistence/MeetingStore.ts'
import { Broadcaster } from '../room/Broadcaster.ts'
import { CommandPipeline, type CommandOutcomeMetric } from '../room/CommandPipeline.ts'
import { CommitCycle } from '../room/CommitCycle.ts'
import { DocChanges } from '../room/DocChanges.ts'
import { isStateVector } from '../sync/frames.ts'
import { SyncReplyCache } from '../sync/SyncReplyCache.ts'
import type { CommandError } from '../../shared/protocol/messages.ts'
import type { RoomConnection } from '../sync/RoomConnection.ts'
import { MeetingCommands } from './MeetingCommands.ts'
import { MeetingCredentials } from './MeetingCredentials.ts'
import { KeyResultDocRoom } from './KeyResultDocRoom.ts'
import { moveLegacyPresence } from './legacyPresence.ts'
import { SeenCommandIds } from '../room/SeenCommandIds.ts'
import { MeetingFeeds } from './MeetingFeeds.ts'
import { MeetingPresence } from './MeetingPresence.ts'
import { SubmissionSimilarity } from './SubmissionSimilarity.ts'
import { vaultMaps } from './vaultDoc.ts'
import type { SemanticScorer } from '../similarity/SemanticScorer.ts'

export type { RoomConnection }

export interface RoomOptions {
  store: MeetingStore
  committer: CommitScheduler
  maxParticipants: number
  /** Compact the stored update log into one snapshot after this many updates. */
  compactAfterUpdates: number
  now?: () => number
  onCommand?: CommandOutcomeMetric
  /** A command that failed after waiting on storage (the synchronous path throws to the socket instead). */
  onError?: (error: unknown) => void
  /** The sentence model for similarity; null or absent: lexical only. */
  semantic?: SemanticScorer | null
  /** Another meeting, loaded if need be, for commands that write two meetings in one commit (the cascade). */
  otherRoom?: (meetingId: string) => Awaitable<MeetingRoom | null>
  /** Joins are limited per address across meetings: a refusal, or null to go ahead. */
  admitJoin?: (conn: RoomConnection) => CommandError | null
  /** Cluster mode with Redis: a committed tick's shared update, for the nodes following this meeting. */
  onCommittedUpdate?: (meetingId: string, update: Uint8Array) => void
}

const SERVER_ORIGIN = Symbol('server')

/**
 * A live meeting: its Y.Doc (written only here), its server-only vault, its sockets, and the commit cycle that
 * keeps "acknowledged" and "on disk" the same thing. Commands come through the pipeline (room/CommandPipeline);
 * changes of one tick are persisted together, then broadcast (room/Broadcaster), then acknowledged
 * (room/CommitCycle). People and counts: MeetingPresence; private feeds: MeetingFeeds.
 */
export class MeetingRoom implements CommitParticipant {
  readonly doc = new Y.Doc({ gc: true })
  readonly maps = meetingMaps(this.doc)
  readonly connections = new Set<RoomConnection>()
  /** Server-only: never synced to a client. */
  readonly vault = new Y.Doc({ gc: true })
  readonly vaultMaps = vaultMaps(this.vault)
  private readonly credentials: MeetingCredentials
  private readonly now: () => number
  private readonly docChanges: DocChanges
  private readonly vaultChanges: DocChanges
  private readonly cycle: CommitCycle
  private readonly pipeline: CommandPipeline<Command, Map<string, MeetingRoom | null>>
  private readonly broadcaster = new Broadcaster(this.connections)
  private readonly presence: MeetingPresence
  private readonly feeds: MeetingFeeds
  private readonly similarity: SubmissionSimilarity
  private readonly keyResultDocs = new Map<string, KeyResultDocRoom>()
  private keyResultDocsInCommit: KeyResultDocRoom[] = []
  private readonly storedExtraDocs: Record<string, Uint8Array[]>
  private actorsThisTick = new Set<RoomConnection>()
  private committingActors = new Set<RoomConnection>()
  private broadcastAfterCommit: Uint8Array | null = null
  /** Sync step 2 answers, encoded once per doc version for fresh joiners and made-up state vectors alike. */
  private readonly syncReplies = new SyncReplyCache(this.doc)
  private isBroken = false

  constructor(
    readonly id: string,
    stored: StoredMeeting,
    private readonly options: RoomOptions,
  ) {
    this.now = options.now ?? Date.now
    for (const update of stored.updates) Y.applyUpdate(this.doc, update, SERVER_ORIGIN)
    for (const update of stored.vaultUpdates) Y.applyUpdate(this.vault, update, SERVER_ORIGIN)
    this.credentials = new MeetingCredentials(stored.credentials)
    this.storedExtraDocs = stored.extraDocs ?? {}
    this.similarity = new SubmissionSimilarity(this.vaultMaps, this.now)
    this.docChanges = new DocChanges(this.doc, stored.updates.length, options.compactAfterUpdates, () => {
      this.syncReplies.invalidate()
      this.markDirty()
    })
    this.vaultChanges = new DocChanges(this.vault, stored.vaultUpdates.length, options.compactAfterUpdates, () => {
      this.similarity.markStale()
      this.markDirty()
    })
    this.cycle = new CommitCycle(() => this.pipeline.isWaiting)
    const commands = new MeetingCommands({
      room: this,
      credentials: this.credentials,
      cycle: this.cycle,
      origin: SERVER_ORIGIN,
      options,
      now: this.now,
      parts: () => ({ presence: this.presence, feeds: this.feeds, similarity: this.similarity }),
      markDirty: () => this.markDirty(),
      actedThisTick: (conn) => this.actorsThisTick.add(conn),
      abandonUncommitted: () => this.abandonUncommitted(),
    })
    this.pipeline = new CommandPipeline(commands, {
      findCommandResult: (meetingId, actorKey, commandId) => options.store.findCommandResult(meetingId, actorKey, commandId),
      seenCommands: new SeenCommandIds(() => options.store.listCommandKeys?.(this.id) ?? null),
      committer: options.committer,
      participant: this,
      cycle: this.cycle,
      onCommand: options.onCommand,
      onError: options.onError,
    })
    moveLegacyPresence(this.doc, this.vault, SERVER_ORIGIN)
    this.ensureFacilitatorRecords(stored.createdAt)
    const isBroken = () => this.isBroken
    this.presence = new MeetingPresence({
      doc: this.doc,
      meeting: this.maps.meeting,
      vault: this.vaultMaps,
      connections: this.connections,
      origin: SERVER_ORIGIN,
      markDirty: () => this.markDirty(),
      onPersonChanged: (participantId) => this.feeds.refreshSelf(participantId),
      onRosterChanged: () => this.feeds.refreshRoster(),
      isBroken,
    })
    this.feeds = new MeetingFeeds({
      meeting: this.maps.meeting,
      vault: this.vaultMaps,
      presence: this.presence,
      connections: this.connections,
      now: this.now,
      isBroken,
    })
    // After a restart nobody is connected: the stored "online" count is stale until corrected here.
    this.presence.publish()
  }

  /** Meetings are created with a facilitator credential; their person record is kept with everyone else's. */
  private ensureFacilitatorRecords(createdAt: number): void {
    const missing = [...this.credentials.all()].filter((c) => c.role === 'facilitator' && !this.vaultMaps.participants.has(c.participantId))
    if (missing.length === 0) return
    this.vault.transact(() => {
      for (const c of missing) this.vaultMaps.participants.set(c.participantId, { name: 'Facilitator', role: 'facilitator', joinedAt: createdAt })
    }, SERVER_ORIGIN)
  }

  get stage(): Stage {
    return readStage(this.maps.meeting)
  }

  get participantCount(): number {
    return this.presence.participantCount
  }

  get isEmpty(): boolean {
    return this.connections.size === 0
  }

  get broken(): boolean {
    return this.isBroken
  }

  get hasUncommittedChanges(): boolean {
    return this.cycle.isCommitInFlight || this.hasPendingWrites
  }

  /** Changes not yet handed to a commit. */
  private get hasPendingWrites(): boolean {
    return (
      this.presence.isCountStale ||
      [...this.keyResultDocs.values()].some((d) => d.hasPending) ||
      this.docChanges.hasPending ||
      this.vaultChanges.hasPending ||
      this.cycle.hasPending ||
      this.credentials.hasPending
    )
  }

  /** The co-edited doc of one chosen objective (loaded on first use), or null for an objective that does not exist. */
  keyResultDoc(objectiveId: string): KeyResultDocRoom | null {
    const existing = this.keyResultDocs.get(objectiveId)
    if (existing) return existing
    if (!readObjectives(this.maps.meeting).some((o) => o.id === objectiveId)) return null
    const stored = this.storedExtraDocs[`kr:${objectiveId}`] ?? []
    const room = new KeyResultDocRoom(objectiveId, stored, () => this.markDirty(), this.options.compactAfterUpdates)
    this.keyResultDocs.set(objectiveId, room)
    return room
  }

  /** Who a token belongs to, without binding a socket (key-result doc sockets carry no presence or feeds). */
  identify(token: string): { role: 'facilitator' | 'participant'; participantId: string; name: string } | null {
    const credential = this.credentials.verify(token)
    if (!credential) return null
    const name = this.vaultMaps.participants.get(credential.participantId)?.name ?? ''
    return { role: credential.role, participantId: credential.participantId, name }
  }

  addConnection(conn: RoomConnection): void {
    this.connections.add(conn)
  }

  removeConnection(conn: RoomConnection): void {
    if (!this.connections.delete(conn)) return
    this.broadcaster.forget(conn)
    if (conn.actor.role !== 'anonymous') this.presence.release(conn.actor.participantId, conn)
  }

  broadcast(frame: Uint8Array): void {
    this.broadcaster.toEveryone(frame)
  }

  /**
   * Answers a client's sync step 1 with what it lacks. Only committed state ever leaves the server: with changes
   * pending (or in a commit still running), the answer waits for that commit (many reconnecting clients share one).
   * Returns false for a malformed state vector.
   */
  answerSyncStep1(conn: RoomConnection, stateVector: Uint8Array): boolean {
    if (!isStateVector(stateVector)) return false
    const answer = () => {
      if (!this.connections.has(conn)) return
      conn.send(this.syncStep2For(stateVector))
      this.broadcaster.listen(conn)
    }
    if (!this.hasUncommittedChanges) answer()
    else if (!this.hasPendingWrites) this.cycle.afterCommitInFlight(answer)
    else {
      this.cycle.afterNextCommit(answer)
      this.markDirty()
    }
    return true
  }

  private syncStep2For(stateVector: Uint8Array): Uint8Array {
    return this.syncReplies.frameFor(stateVector)
  }

  /** Handles one parsed app-channel payload from `conn`. Replies are sent on `conn` when the outcome is known. */
  handleCommand(conn: RoomConnection, raw: unknown): void {
    this.pipeline.handle(conn, raw)
  }

  // ── CommitParticipant: the group commit ──

  takeBatch(): MeetingBatch {
    this.presence.publish()
    const { update, snapshot } = this.docChanges.take()
    this.keyResultDocsInCommit = [...this.keyResultDocs.values()].filter((d) => d.hasPending)
    const batch: MeetingBatch = {
      meetingId: this.id,
      update,
      snapshot,
      vault: this.vaultChanges.take(),
      extraDocs: this.keyResultDocsInCommit.map((d) => d.takeBatch()),
      credentials: this.credentials.take(),
      commands: this.cycle.take(),
    }
    this.broadcastAfterCommit = update
    this.committingActors = this.actorsThisTick
    this.actorsThisTick = new Set()
    return batch
  }

  onCommitted(): void {
    if (this.broadcastAfterCommit) this.options.onCommittedUpdate?.(this.id, this.broadcastAfterCommit)
    // Whoever acted in this commit sees their change before their acknowledgement; everyone else soon after.
    this.broadcaster.committed(this.broadcastAfterCommit, this.committingActors)
    this.broadcastAfterCommit = null
    this.committingActors = new Set()
    for (const d of this.keyResultDocsInCommit) d.onCommitted()
    this.keyResultDocsInCommit = []
    this.feeds.sendChanged()
    this.cycle.committed()
  }

  onCommitFailed(error?: unknown): void {
    // Memory is now ahead of disk. Refuse what was pending and drop every socket; the registry reloads the
    // room from disk on the next connection, so nobody ever sees state that was not stored.
    this.broadcastAfterCommit = null
    this.cycle.failed()
    this.abandonUncommitted(error instanceof MeetingFencedError)
  }

  /** Cluster mode: another node owns this meeting now. Its sockets close with 1012 and reconnect to the owner. */
  dropAsFenced(): void {
    if (!this.isBroken) this.abandonUncommitted(true)
  }

  /** Memory is ahead of disk: refuse what is owed, drop every socket; the registry reloads the room from storage. */
  private abandonUncommitted(isFenced = false): void {
    const [code, reason] = isFenced
      ? [CLOSE.serviceRestart, 'This meeting moved to another server; reconnecting.']
      : [CLOSE.internalError, 'Server error; reconnecting.']
    this.isBroken = true
    this.broadcaster.stop()
    this.docChanges.drop()
    this.vaultChanges.drop()
    this.credentials.drop()
    for (const d of this.keyResultDocs.values()) {
      d.dropUncommitted()
      for (const conn of d.connections) conn.close(code, reason)
      d.connections.clear()
    }
    this.cycle.abandon()
    for (const conn of [...this.connections]) conn.close(code, reason)
    this.connections.clear()
  }

  private markDirty(): void {
    this.options.committer.markDirty(this)
  }
}
