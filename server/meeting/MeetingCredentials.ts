import type { Credential } from '../persistence/MeetingStore.ts'
import { newToken, secretMatches, splitToken } from '../security/tokens.ts'

/**
 * Who holds a token for this meeting. Only hashes are kept (in memory and on disk); new or rotated credentials are
 * stored with the next commit, together with the command that made them.
 */
export class MeetingCredentials {
  private readonly byParticipant = new Map<string, Credential>()
  private pending: Credential[] = []

  constructor(stored: readonly Credential[]) {
    for (const c of stored) this.byParticipant.set(c.participantId, c)
  }

  get hasPending(): boolean {
    return this.pending.length > 0
  }

  all(): IterableIterator<Credential> {
    return this.byParticipant.values()
  }

  /** The credential a token proves, or null for a malformed, unknown or wrong token. */
  verify(token: string): Credential | null {
    const parts = splitToken(token)
    const credential = parts ? this.byParticipant.get(parts.participantId) : undefined
    if (!parts || !credential || !secretMatches(parts.secret, credential.tokenHash)) return null
    return credential
  }

  save(credential: Credential): void {
    this.byParticipant.set(credential.participantId, credential)
    this.pending.push(credential)
  }

  /** A fresh token for a participant (a join whose reply was lost); the old one stops working. */
  reissue(participantId: string): string {
    const { token, tokenHash } = newToken(participantId)
    this.save({ participantId, role: 'participant', tokenHash })
    return token
  }

  /** Hands the new credentials to a commit. */
  take(): Credential[] {
    const pending = this.pending
    this.pending = []
    return pending
  }

  drop(): void {
    this.pending = []
  }
}
