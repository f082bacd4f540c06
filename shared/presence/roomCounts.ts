import type { MeetingView, ParticipantView } from '../meeting/meetingView.ts'
import { isWorkingStage } from '../stages/stages.ts'

export interface PresenceCounts {
  joined: number
  online: number
  away: number
}

/** Counts people (not tabs, not facilitators): two tabs of one person are one participant. */
export function countPresence(view: MeetingView): PresenceCounts {
  let joined = 0
  let online = 0
  for (const p of view.participants) {
    if (p.role !== 'participant') continue
    joined++
    if (p.isOnline) online++
  }
  return { joined, online, away: joined - online }
}

export interface DoneProgress {
  isTracked: boolean
  done: number
  total: number
  notDone: ParticipantView[]
}

/** "812 of 1,040 done": participants who said they are done with the current stage. */
export function doneProgress(view: MeetingView): DoneProgress {
  const notDone: ParticipantView[] = []
  let done = 0
  let total = 0
  for (const p of view.participants) {
    if (p.role !== 'participant') continue
    total++
    if (p.doneStage === view.stage) done++
    else notDone.push(p)
  }
  return { isTracked: isWorkingStage(view.stage), done, total, notDone }
}

/** Case- and accent-insensitive name search for the presence list. */
export function filterParticipants(people: readonly ParticipantView[], query: string): ParticipantView[] {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
  const q = fold(query.trim())
  if (!q) return [...people]
  return people.filter((p) => fold(p.name).includes(q))
}
