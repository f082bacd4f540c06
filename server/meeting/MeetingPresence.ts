import type * as Y from 'yjs'
import { readField, readStage, readVoteRound, type MeetingMap } from '../../shared/meeting/meetingFields.ts'
import { foldName, samePresence, summarisePresence, type SearchablePerson } from '../../shared/presence/roomCounts.ts'
import type { RosterEntry } from '../../shared/presence/presenceTypes.ts'
import type { Actor } from '../../shared/stages/permissions.ts'
import { COALESCE_ABOVE_CONNECTIONS } from '../room/Broadcaster.ts'
import type { RoomConnection } from '../sync/RoomConnection.ts'
import type { VaultMaps } from './vaultDoc.ts'

/**
 * In a big room the counts are republished at most this often, scaled with the room: every republish is a frame to
 * every socket, and at 5,000 sockets those frames, not the commands, were most of a vote burst's cost. Counters
 * still reach everyone within a second of the last change.
 */
function presenceGapMs(sockets: number): number {
  return sockets < 1000 ? 200 : 500
}

export interface PresenceDeps {
  doc: Y.Doc
  meeting: MeetingMap
  vault: VaultMaps
  connections: ReadonlySet<RoomConnection>
  origin: symbol
  /** Something changed that the next commit must carry (the counts, or a socket's presence). */
  markDirty(): void
  /** Someone's own record (name, done, voted, online) changed: their "self" feed is resent. */
  onPersonChanged(participantId: string): void
  /** The facilitators' roster is stale. */
  onRosterChanged(): void
  isBroken(): boolean
}

/**
 * Who is in the meeting and who is online. People live in the server-only vault; online status lives in memory
 * only (it means nothing after a restart). Everyone sees counts, written into the meeting doc when they changed:
 * once per commit tick in a small room, at most every 200–500 ms in a big one. Every write is a new item each
 * broadcast carries until it is sent, so writing the counts on every tick of a join storm sent kilobytes of stale
 * counts per frame.
 */
export class MeetingPresence {
  private readonly socketsOf = new Map<string, Set<RoomConnection>>()
  private joinedCount = 0
  private namesVersion: number
  private isStale = true
  private lastPublishedAt = Number.NEGATIVE_INFINITY
  private timer: NodeJS.Timeout | null = null
  private searchable: SearchablePerson[] | null = null

  constructor(private readonly deps: PresenceDeps) {
    const { vault } = deps
    for (const p of vault.participants.values()) if (p.role === 'participant') this.joinedCount++
    this.namesVersion = readField(deps.meeting, 'presence')?.namesVersion ?? 0
    const onPeopleChange = <T>(event: Y.YMapEvent<T>) => {
      this.isStale = true
      deps.onRosterChanged()
      event.changes.keys.forEach((change, key) => {
        deps.onPersonChanged(key)
        if ((event.target as unknown) !== vault.participants) return
        this.searchable = null
        const wasParticipant = (change.oldValue as { role?: string } | undefined)?.role === 'participant'
        const isParticipant = vault.participants.get(key)?.role === 'participant'
        if (change.action === 'update' && change.oldValue?.name !== vault.participants.get(key)?.name) this.namesVersion++
        if (change.action === 'add' && isParticipant) this.joinedCount++
        if (change.action === 'delete' && wasParticipant) this.joinedCount--
      })
    }
    vault.participants.observe(onPeopleChange)
    vault.done.observe(onPeopleChange)
    vault.voted.observe(onPeopleChange)
  }

  get participantCount(): number {
    return this.joinedCount
  }

  /** Whether the counts must be republished with the next commit. */
  get isCountStale(): boolean {
    return this.isStale
  }

  markCountsStale(): void {
    this.isStale = true
  }

  isOnline(participantId: string): boolean {
    return (this.socketsOf.get(participantId)?.size ?? 0) > 0
  }

  /** The sockets a person has open in this meeting (several tabs count once). */
  socketsOfPerson(participantId: string): ReadonlySet<RoomConnection> | undefined {
    return this.socketsOf.get(participantId)
  }

  /** Binds a socket to a person (hello, join); the first socket brings them online. */
  bind(conn: RoomConnection, actor: Exclude<Actor, { role: 'anonymous' }>): void {
    if (conn.actor.role !== 'anonymous') {
      if (conn.actor.participantId === actor.participantId) return
      this.release(conn.actor.participantId, conn)
    }
    conn.actor = actor
    let sockets = this.socketsOf.get(actor.participantId)
    if (!sockets) {
      sockets = new Set()
      this.socketsOf.set(actor.participantId, sockets)
    }
    const count = sockets.size
    sockets.add(conn)
    if (count === 0) this.onlineChanged()
  }

  /** A socket closed; the last one takes its person offline. */
  release(participantId: string, conn: RoomConnection): void {
    const sockets = this.socketsOf.get(participantId)
    sockets?.delete(conn)
    if (sockets && sockets.size > 0) return
    this.socketsOf.delete(participantId)
    if (!this.deps.isBroken()) this.onlineChanged()
  }

  /** Writes the counts into the meeting doc if they changed (and it is time, in a big room). */
  publish(): void {
    if (!this.isStale || this.deps.isBroken()) return
    const { connections, meeting, vault } = this.deps
    const now = performance.now()
    const gap = presenceGapMs(connections.size)
    if (connections.size >= COALESCE_ABOVE_CONNECTIONS && now - this.lastPublishedAt < gap) {
      this.timer ??= setTimeout(
        () => {
          this.timer = null
          if (!this.deps.isBroken()) this.deps.markDirty()
        },
        this.lastPublishedAt + gap - now,
      )
      return
    }
    this.isStale = false
    this.lastPublishedAt = now
    const next = summarisePresence(this.peopleStates(), readStage(meeting), readVoteRound(meeting), this.namesVersion)
    const current = readField(meeting, 'presence')
    let submissionCount = 0
    for (const s of vault.submissions.values()) if (s.status === 'active') submissionCount++
    const isCountChanged = (readField(meeting, 'submissionCount') ?? 0) !== submissionCount
    if (samePresence(current, next) && !isCountChanged) return
    this.deps.doc.transact(() => {
      if (!samePresence(current, next)) meeting.set('presence', next)
      if (isCountChanged) meeting.set('submissionCount', submissionCount)
    }, this.deps.origin)
  }

  rosterEntry(participantId: string): RosterEntry | null {
    const { vault } = this.deps
    const p = vault.participants.get(participantId)
    if (!p) return null
    return {
      id: participantId,
      name: p.name,
      role: p.role,
      joinedAt: p.joinedAt,
      isOnline: this.isOnline(participantId),
      doneStage: vault.done.get(participantId) ?? null,
      votedRound: vault.voted.get(participantId) ?? 0,
    }
  }

  /** Everyone, in joining order: for facilitators only. */
  roster(): RosterEntry[] {
    const items: RosterEntry[] = []
    for (const id of this.deps.vault.participants.keys()) {
      const entry = this.rosterEntry(id)
      if (entry) items.push(entry)
    }
    return items.sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id))
  }

  /** Participants (not facilitators) in joining order with folded names, prepared once per change. */
  searchablePeople(): SearchablePerson[] {
    if (this.searchable) return this.searchable
    const people: SearchablePerson[] = []
    for (const [id, p] of this.deps.vault.participants.entries()) {
      if (p.role === 'participant') people.push({ id, name: p.name, folded: foldName(p.name), joinedAt: p.joinedAt })
    }
    this.searchable = people.sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id))
    return this.searchable
  }

  private onlineChanged(): void {
    this.isStale = true
    this.deps.onRosterChanged()
    this.deps.markDirty()
  }

  private *peopleStates(): Generator<Omit<RosterEntry, 'id' | 'name' | 'joinedAt'>> {
    const { done, voted, participants } = this.deps.vault
    for (const [id, p] of participants.entries()) {
      yield { role: p.role, isOnline: this.isOnline(id), doneStage: done.get(id) ?? null, votedRound: voted.get(id) ?? 0 }
    }
  }
}
