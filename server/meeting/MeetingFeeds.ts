import { readVoteRound, type MeetingMap } from '../../shared/meeting/meetingFields.ts'
import { encodeAppMessage } from '../../shared/protocol/wire.ts'
import type { OwnSubmission, PublicSubmission } from '../../shared/submissions/submissionTypes.ts'
import type { RoomConnection } from '../sync/RoomConnection.ts'
import type { MeetingPresence } from './MeetingPresence.ts'
import { ThrottledFeed } from './ThrottledFeed.ts'
import { ballotKey, type VaultMaps } from './vaultDoc.ts'

const MODERATION_FEED_INTERVAL_MS = 1000
/**
 * The facilitator's roster of everyone goes out at most once per this many ms for each person in it (clamped
 * below): a join storm of 5,000 is one send a second, not thousands, while in a room of 40 the "Not done yet" and
 * "Not voted yet" lists follow the counts beside them within a tenth of a second instead of lagging them by up to one.
 */
const ROSTER_FEED_MS_PER_PERSON = 0.2
const ROSTER_FEED_INTERVAL_MS = { min: 100, max: 1000 }

export interface FeedDeps {
  meeting: MeetingMap
  vault: VaultMaps
  presence: MeetingPresence
  connections: ReadonlySet<RoomConnection>
  now: () => number
  isBroken(): boolean
}

/**
 * The private feeds: what only some sockets may see, sent on the app channel after the commit that changed it.
 * Each person gets their own proposals ("mine"), their secret ballot and their own record ("self"); facilitators
 * get every proposal (moderation) and everyone (roster), each at most once a second.
 */
export class MeetingFeeds {
  private readonly mineToRefresh = new Set<string>()
  private readonly ballotsToRefresh = new Set<string>()
  private readonly selfToRefresh = new Set<string>()
  private byPerson: Map<string, string[]> | null = null
  /** Every proposal, to facilitators at most once a second: a burst of 5,000 proposals is one send a second. */
  private readonly moderationOut: ThrottledFeed
  /** Everyone in the meeting, to facilitators, likewise: a join storm is a few sends, not thousands. */
  private readonly rosterOut: ThrottledFeed

  constructor(private readonly deps: FeedDeps) {
    this.moderationOut = new ThrottledFeed(MODERATION_FEED_INTERVAL_MS, deps.now, () =>
      this.sendToFacilitators(() => encodeAppMessage({ kind: 'feed', feed: 'moderation', items: this.moderationFeed() })),
    )
    const rosterInterval = () =>
      Math.min(ROSTER_FEED_INTERVAL_MS.max, Math.max(ROSTER_FEED_INTERVAL_MS.min, deps.presence.participantCount * ROSTER_FEED_MS_PER_PERSON))
    this.rosterOut = new ThrottledFeed(rosterInterval, deps.now, () =>
      this.sendToFacilitators(() => encodeAppMessage({ kind: 'feed', feed: 'roster', items: deps.presence.roster() })),
    )
    deps.vault.submissions.observe(() => {
      this.byPerson = null
    })
  }

  refreshMine(participantId: string): void {
    this.mineToRefresh.add(participantId)
  }

  refreshBallot(participantId: string): void {
    this.ballotsToRefresh.add(participantId)
  }

  refreshSelf(participantId: string): void {
    this.selfToRefresh.add(participantId)
  }

  refreshModeration(): void {
    this.moderationOut.markStale()
  }

  refreshRoster(): void {
    this.rosterOut.markStale()
  }

  /** After a commit: what changed goes to whoever may see it. */
  sendChanged(): void {
    this.sendToPeople(this.mineToRefresh, (id) => encodeAppMessage({ kind: 'feed', feed: 'mine', items: this.ownFeed(id) }))
    this.sendToPeople(this.ballotsToRefresh, (id) => this.ballotFrame(id))
    this.sendToPeople(this.selfToRefresh, (id) => {
      const me = this.deps.presence.rosterEntry(id)
      return me ? encodeAppMessage({ kind: 'feed', feed: 'self', me }) : null
    })
    this.moderationOut.schedule()
    this.rosterOut.schedule()
  }

  /** A (re)connected person catches up on their private data right after the hello reply. */
  sendCatchUp(conn: RoomConnection): void {
    if (conn.actor.role === 'anonymous' || !this.deps.connections.has(conn)) return
    const { participantId } = conn.actor
    conn.send(encodeAppMessage({ kind: 'feed', feed: 'mine', items: this.ownFeed(participantId) }))
    conn.send(this.ballotFrame(participantId))
    const self = this.deps.presence.rosterEntry(participantId)
    if (self) conn.send(encodeAppMessage({ kind: 'feed', feed: 'self', me: self }))
    if (conn.actor.role === 'facilitator') {
      conn.send(encodeAppMessage({ kind: 'feed', feed: 'moderation', items: this.moderationFeed() }))
      conn.send(encodeAppMessage({ kind: 'feed', feed: 'roster', items: this.deps.presence.roster() }))
    }
  }

  /** What one person may see of the proposals: their own and the ones they support. */
  ownFeed(participantId: string): OwnSubmission[] {
    const items: OwnSubmission[] = []
    for (const id of this.submissionsByPerson().get(participantId) ?? []) {
      const s = this.deps.vault.submissions.get(id)
      if (!s || s.status !== 'active') continue
      const relation = s.authorId === participantId ? 'author' : s.supporterIds.includes(participantId) ? 'supporter' : null
      if (!relation) continue
      items.push({ id: s.id, title: s.title, why: s.why, supporterCount: s.supporterIds.length, relation })
    }
    return items
  }

  moderationFeed(): PublicSubmission[] {
    const items: PublicSubmission[] = []
    for (const s of this.deps.vault.submissions.values()) {
      if (s.status === 'active') items.push({ id: s.id, title: s.title, why: s.why, supporterCount: s.supporterIds.length, createdAt: s.createdAt })
    }
    return items.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
  }

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
    for (const s of this.deps.vault.submissions.values()) {
      add(s.authorId, s.id)
      for (const supporter of s.supporterIds) if (supporter !== s.authorId) add(supporter, s.id)
    }
    this.byPerson = index
    return index
  }

  /** This person's ballot for the current round, for their sockets only. */
  private ballotFrame(participantId: string): Uint8Array {
    const round = readVoteRound(this.deps.meeting)
    const ballot = round > 0 ? (this.deps.vault.ballots.get(ballotKey(round, participantId)) ?? {}) : {}
    return encodeAppMessage({ kind: 'feed', feed: 'ballot', round, ballot })
  }

  /** One frame per person, built only if they have a socket open. */
  private sendToPeople(ids: Set<string>, build: (participantId: string) => Uint8Array | null): void {
    for (const participantId of ids) {
      const sockets = this.deps.presence.socketsOfPerson(participantId)
      if (!sockets || sockets.size === 0) continue
      const frame = build(participantId)
      if (!frame) continue
      for (const conn of sockets) conn.send(frame)
    }
    ids.clear()
  }

  /** One frame, built only if some facilitator is connected, to every facilitator socket. */
  private sendToFacilitators(build: () => Uint8Array): void {
    if (this.deps.isBroken()) return
    let frame: Uint8Array | null = null
    for (const conn of this.deps.connections) {
      if (conn.actor.role !== 'facilitator') continue
      frame ??= build()
      conn.send(frame)
    }
  }
}
