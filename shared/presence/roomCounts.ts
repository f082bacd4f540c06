import type { MeetingView } from '../meeting/meetingView.ts'
import { isWorkingStage, type Stage } from '../stages/stages.ts'
import type { PresenceSummary, RosterEntry } from './presenceTypes.ts'

export interface PresenceCounts {
  joined: number
  online: number
  away: number
}

/** The counts the server publishes, from the per-person states only it holds. Facilitators are not counted. */
export function summarisePresence(
  people: Iterable<Omit<RosterEntry, 'id' | 'name' | 'joinedAt'>>,
  stage: Stage,
  round: number,
  namesVersion = 0,
): PresenceSummary {
  let joined = 0
  let online = 0
  let done = 0
  let voted = 0
  for (const p of people) {
    if (p.role !== 'participant') continue
    joined++
    if (p.isOnline) online++
    if (p.doneStage === stage) done++
    if (round > 0 && p.votedRound === round) voted++
  }
  return { joined, online, doneStage: stage, done, votedRound: round, voted, namesVersion }
}

export function samePresence(a: PresenceSummary | undefined, b: PresenceSummary): boolean {
  return (
    a !== undefined &&
    a.joined === b.joined &&
    a.online === b.online &&
    a.doneStage === b.doneStage &&
    a.done === b.done &&
    a.votedRound === b.votedRound &&
    a.voted === b.voted &&
    a.namesVersion === b.namesVersion
  )
}

/** Counts people (not tabs, not facilitators): two tabs of one person are one participant. */
export function countPresence(view: Pick<MeetingView, 'presence'>): PresenceCounts {
  const { joined, online } = view.presence
  return { joined, online, away: Math.max(0, joined - online) }
}

export interface DoneProgress {
  isTracked: boolean
  done: number
  total: number
}

/** "812 of 1,040 done": participants who said they are done with the current stage. */
export function doneProgress(view: Pick<MeetingView, 'presence' | 'stage'>): DoneProgress {
  const { presence } = view
  const done = presence.doneStage === view.stage ? presence.done : 0
  return { isTracked: isWorkingStage(view.stage), done, total: presence.joined }
}

/** "120 of 143 have voted" in the given round. */
export function votedProgress(view: Pick<MeetingView, 'presence'>, round: number): { voted: number; total: number } {
  const { presence } = view
  return { voted: round > 0 && presence.votedRound === round ? presence.voted : 0, total: presence.joined }
}

/** The facilitator's "not done yet" list, from the roster feed. */
export function notDone(roster: readonly RosterEntry[], stage: Stage): RosterEntry[] {
  return roster.filter((p) => p.role === 'participant' && p.doneStage !== stage)
}

/** The facilitator's "not voted yet" list, from the roster feed. */
export function notVoted(roster: readonly RosterEntry[], round: number): RosterEntry[] {
  return roster.filter((p) => p.role === 'participant' && p.votedRound !== round)
}

/** Case- and accent-folded text, for name search. */
export const foldName = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
const fold = foldName

/** Case- and accent-insensitive name search for the people lists. */
export function filterParticipants<T extends { name: string }>(people: readonly T[], query: string): T[] {
  const q = fold(query.trim())
  if (!q) return [...people]
  return people.filter((p) => fold(p.name).includes(q))
}

/** A person prepared for repeated searches: the folded name is computed once, not on every query. */
export interface SearchablePerson {
  id: string
  name: string
  folded: string
  joinedAt: number
}

/** `rankPeople` over pre-folded names: the server answers every participant's search from one prepared list. */
export function searchPeople(people: readonly SearchablePerson[], query: string): SearchablePerson[] {
  const q = fold(query.trim())
  if (!q) return [...people]
  const starts: SearchablePerson[] = []
  const contains: SearchablePerson[] = []
  for (const p of people) {
    const at = p.folded.indexOf(q)
    if (at === 0) starts.push(p)
    else if (at > 0) contains.push(p)
  }
  return [...starts, ...contains]
}
