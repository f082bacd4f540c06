import type * as Y from 'yjs'
import type { PublishedSet } from '../exports/publishedSet.ts'
import type { PresenceSummary } from '../presence/presenceTypes.ts'
import { isStage, type Stage } from '../stages/stages.ts'
import type { StoredVote } from '../voting/voteDoc.ts'
import type { ChosenObjective } from '../voting/voteState.ts'
import type { MeetingRecord, StageRecord, StageVisit } from './meetingDoc.ts'
import type { StageTimer } from './meetingView.ts'

/**
 * The keys of the meeting doc's `meeting` map and what each holds: one typed reader and writer instead of
 * `get('…') as …` at every use. Only the server writes; the shapes are the ones `readMeetingView` exposes.
 */
export interface MeetingFields {
  record: MeetingRecord
  stage: StageRecord
  stageHistory: StageVisit[]
  timer: StageTimer | null
  presence: PresenceSummary
  submissionCount: number
  vote: StoredVote | null
  objectives: ChosenObjective[]
  published: PublishedSet
  previous: PublishedSet
}

export type MeetingMap = Y.Map<unknown>

export function readField<K extends keyof MeetingFields>(meeting: MeetingMap, key: K): MeetingFields[K] | undefined {
  return meeting.get(key) as MeetingFields[K] | undefined
}

export function writeField<K extends keyof MeetingFields>(meeting: MeetingMap, key: K, value: MeetingFields[K]): void {
  meeting.set(key, value)
}

/** The current stage; a meeting without a (valid) stage record is at its start. */
export function readStage(meeting: MeetingMap): Stage {
  const record = readField(meeting, 'stage')
  return record && isStage(record.stage) ? record.stage : 'mission'
}

/** The current voting round (0 before the first vote is set up). */
export function readVoteRound(meeting: MeetingMap): number {
  return readField(meeting, 'vote')?.round ?? 0
}

/** The chosen objectives (empty before the vote is decided). */
export function readObjectives(meeting: MeetingMap): ChosenObjective[] {
  return readField(meeting, 'objectives') ?? []
}
