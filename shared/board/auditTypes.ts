/** One line of the meeting's audit trail (server-only; the facilitator reads it on request). */
export interface AuditEntry {
  at: number
  actorId: string
  actorName: string
  action: string
  detail: string
}
