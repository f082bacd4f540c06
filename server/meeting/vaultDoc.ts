import type * as Y from 'yjs'
import type { SubmissionRecord } from '../../shared/submissions/submissionTypes.ts'
import type { BoardChange } from '../../shared/board/boardTypes.ts'
import type { AuditEntry } from '../../shared/board/auditTypes.ts'
import type { Ballot } from '../../shared/voting/voteTypes.ts'
import type { ParticipantRecord } from '../../shared/meeting/meetingDoc.ts'
import type { Stage } from '../../shared/stages/stages.ts'

export const ballotKey = (round: number, participantId: string) => `${round}:${participantId}`

/** How many moves each person can undo. */
export const UNDO_DEPTH = 20

/**
 * The meeting's server-only doc: what participants must not see (private proposals, the audit trail with
 * hidden texts, undo stacks). Persisted like the shared doc, never synced to any client.
 */
export function vaultMaps(vault: Y.Doc) {
  return {
    submissions: vault.getMap<SubmissionRecord>('submissions'),
    audit: vault.getArray<AuditEntry>('audit'),
    /** participantId → their undoable board moves, newest last. */
    undo: vault.getMap<BoardChange[]>('undo'),
    /** `${round}:${participantId}` → that person's secret ballot. Never leaves the server before the reveal. */
    ballots: vault.getMap<Ballot>('ballots'),
    /**
     * The people: names, done marks and who voted stay here, not in the shared doc. Everyone sees counts
     * (meeting.presence); a join then costs each client a few bytes instead of a copy of the whole list.
     */
    participants: vault.getMap<ParticipantRecord>('participants'),
    /** participantId → the stage in which they said "I'm done". */
    done: vault.getMap<Stage>('done'),
    /** participantId → the round in which they last had dots on their ballot (who voted, never how). */
    voted: vault.getMap<number>('voted'),
  }
}

export type VaultMaps = ReturnType<typeof vaultMaps>
