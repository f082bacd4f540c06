export interface MondayAgenda {
  /** Going through the OKR status: confidence up or down, and why. */
  statusMinutes: number
  /** Talking about the plan: this week's priorities, the next four weeks, who needs help. */
  planMinutes: number
}

/**
 * The Monday meeting is a conversation, not a report: a quarter of the time on status, the rest on the plan
 * (DOMAIN.md). Whole minutes; rounding favours the plan. A negative or non-finite length gives an empty agenda.
 */
export function mondayAgenda(totalMinutes: number): MondayAgenda {
  const total = Number.isFinite(totalMinutes) ? Math.max(0, Math.floor(totalMinutes)) : 0
  const statusMinutes = Math.floor(total / 4)
  return { statusMinutes, planMinutes: total - statusMinutes }
}
