import type * as Y from 'yjs'
import type { SubmissionRecord } from '../../shared/submissions/submissionTypes.ts'
import type { BoardChange } from '../../shared/board/boardTypes.ts'
import type { AuditEntry } from '../../shared/board/auditTypes.ts'
import type { Ballot } from '../../shared/voting/voteTypes.ts'

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
  }
}

export type VaultMaps = ReturnType<typeof vaultMaps>
