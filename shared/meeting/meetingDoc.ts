import type * as Y from 'yjs'
import { isStage, type Stage } from '../stages/stages.ts'
import type { Role } from '../stages/permissions.ts'
import type { Mission } from './mission.ts'
import type { MeetingView, ObjectiveCount, StageTimer } from './meetingView.ts'
import { EMPTY_PRESENCE, type PresenceSummary } from '../presence/presenceTypes.ts'
import { DEFAULT_SETTINGS, type MeetingSettings } from './settings.ts'
import type { CardRecord, ClusterRecord } from '../board/boardTypes.ts'
import type { BoardSuggestion } from '../board/suggestClusters.ts'
import type { PublicSubmission } from '../submissions/submissionTypes.ts'
import type { ChosenObjective } from '../voting/voteState.ts'
import type { StoredCandidate } from '../voting/voteDoc.ts'
import { VOTE_CANDIDATES_MAP, readVote } from '../voting/voteDoc.ts'
import type { KeyResultRecord, ObjectiveDetails } from '../keyResults/keyResultTypes.ts'
import type { PublishedSet } from '../exports/publishedSet.ts'
import type { Stage as StageName } from '../stages/stages.ts'

/** When each stage began, in order: the meeting summary's "time per stage". */
export interface StageVisit {
  stage: StageName
  startedAt: number
}

/**
 * The shape of the meeting's Y.Doc. Only the server writes it; clients read it through `readMeetingView`.
 * Values are plain JSON (not nested Y types): each record is replaced whole, which keeps updates small
 * and makes a record's state obvious.
 */
export const MEETING_MAP = 'meeting'
export const OPEN_SUBMISSIONS_MAP = 'openSubmissions'
export const CARDS_MAP = 'cards'
export const CLUSTERS_MAP = 'clusters'
export const SUGGESTIONS_MAP = 'suggestions'
export const KEY_RESULTS_MAP = 'keyResults'
export const OBJECTIVE_DETAILS_MAP = 'objectiveDetails'

export interface MeetingRecord {
  id: string
  title: string
  quarter: string
  mission: Mission
  objectiveCount: ObjectiveCount
  createdAt: number
}

export interface StageRecord {
  stage: Stage
  startedAt: number
}

/** One person, as the server keeps them in the vault (never in the shared doc). */
export interface ParticipantRecord {
  name: string
  role: Role
  joinedAt: number
}

export function meetingMaps(doc: Y.Doc) {
  return {
    meeting: doc.getMap<unknown>(MEETING_MAP),
    /** Proposals everyone may read: filled only in open-submission mode. */
    openSubmissions: doc.getMap<PublicSubmission>(OPEN_SUBMISSIONS_MAP),
    cards: doc.getMap<CardRecord>(CARDS_MAP),
    clusters: doc.getMap<ClusterRecord>(CLUSTERS_MAP),
    suggestions: doc.getMap<BoardSuggestion>(SUGGESTIONS_MAP),
    /** keyResultId → its fields (the statement itself is co-edited in the objective's own doc). */
    keyResults: doc.getMap<KeyResultRecord>(KEY_RESULTS_MAP),
    objectiveDetails: doc.getMap<ObjectiveDetails>(OBJECTIVE_DETAILS_MAP),
    /** candidateId → the candidate, written once per vote set-up (see voting/voteDoc.ts). */
    voteCandidates: doc.getMap<StoredCandidate>(VOTE_CANDIDATES_MAP),
  }
}

export function readSettings(meeting: Y.Map<unknown>): MeetingSettings {
  return { ...DEFAULT_SETTINGS, ...((meeting.get('settings') as Partial<MeetingSettings> | undefined) ?? {}) }
}

export function readMeetingView(doc: Y.Doc): MeetingView | null {
  const maps = meetingMaps(doc)
  const record = maps.meeting.get('record') as MeetingRecord | undefined
  const stageRecord = maps.meeting.get('stage') as StageRecord | undefined
  if (!record || !stageRecord || !isStage(stageRecord.stage)) return null
  const timer = (maps.meeting.get('timer') as StageTimer | null | undefined) ?? null
  const byCreation = <T extends { createdAt: number; id: string }>(a: T, b: T) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)
  return {
    ...record,
    stage: stageRecord.stage,
    stageStartedAt: stageRecord.startedAt,
    timer,
    presence: { ...EMPTY_PRESENCE, ...((maps.meeting.get('presence') as PresenceSummary | undefined) ?? {}) },
    settings: readSettings(maps.meeting),
    submissionCount: (maps.meeting.get('submissionCount') as number | undefined) ?? 0,
    openSubmissions: [...maps.openSubmissions.values()].sort(byCreation),
    cards: [...maps.cards.values()].sort(byCreation),
    clusters: [...maps.clusters.values()].sort(byCreation),
    suggestions: [...maps.suggestions.values()].filter((s) => s.status === 'pending'),
    vote: readVote(maps),
    objectives: (maps.meeting.get('objectives') as ChosenObjective[] | undefined) ?? [],
    keyResults: [...maps.keyResults.values()].sort((a, b) => a.order - b.order || a.createdAt - b.createdAt),
    objectiveDetails: maps.objectiveDetails.toJSON() as Record<string, ObjectiveDetails>,
    published: (maps.meeting.get('published') as PublishedSet | undefined) ?? null,
    previous: (maps.meeting.get('previous') as PublishedSet | undefined) ?? null,
  }
}
