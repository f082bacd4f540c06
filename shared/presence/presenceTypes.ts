import type { Role } from '../stages/permissions.ts'
import type { Stage } from '../stages/stages.ts'

/**
 * What everyone sees of the people in a meeting: counts only. Names and per-person states live on the server
 * (the vault) and reach facilitators through the roster feed and everyone else through `findPeople`, so that
 * a join costs every client a few bytes, not a copy of the whole list (O(N) instead of O(N²) bytes).
 */
export interface PresenceSummary {
  /** Participants who joined (facilitators not counted). */
  joined: number
  /** Participants with at least one connected tab. */
  online: number
  /** The stage `done` counts for. */
  doneStage: Stage
  /** Participants who said "I'm done" with `doneStage`. */
  done: number
  /** The vote round `voted` counts for (0: no vote). */
  votedRound: number
  /** Participants with dots on their ballot in `votedRound` (who, never how). */
  voted: number
  /** Goes up when someone changes their name: people lists refresh on it (names are not in the doc). */
  namesVersion: number
}

/** One person as the facilitator's roster and the person's own "self" feed describe them. */
export interface RosterEntry {
  id: string
  name: string
  role: Role
  joinedAt: number
  isOnline: boolean
  /** The stage in which they last said "I'm done"; done now only if it equals the current stage. */
  doneStage: Stage | null
  /** The vote round in which they last had dots on their ballot; 0 if never. */
  votedRound: number
}

/** A search hit in the people list (what any participant may learn about another). */
export interface PersonMatch {
  id: string
  name: string
  isOnline: boolean
}

export const EMPTY_PRESENCE: PresenceSummary = { joined: 0, online: 0, doneStage: 'mission', done: 0, votedRound: 0, voted: 0, namesVersion: 0 }
