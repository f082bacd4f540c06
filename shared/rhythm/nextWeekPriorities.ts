import { NEXT_WEEK_PRIORITY_COUNT, type Priority } from './rhythmTypes.ts'

export type ReportPriority = Priority & { rank: 'P1' | 'P2' }

const RANK_ORDER = { P1: 0, P2: 1 } as const

/**
 * Next week's priorities for the report: the top three by rank, P1 before P2, keeping the team's own order within a
 * rank. P3 and untitled items are left out: the report lists concrete, completable items.
 */
export function nextWeekPriorities(candidates: readonly Priority[], count: number = NEXT_WEEK_PRIORITY_COUNT): ReportPriority[] {
  return candidates
    .filter((p): p is ReportPriority => (p.rank === 'P1' || p.rank === 'P2') && p.title.trim() !== '')
    .map((p, index) => ({ p, index }))
    .sort((a, b) => RANK_ORDER[a.p.rank] - RANK_ORDER[b.p.rank] || a.index - b.index)
    .slice(0, Math.max(0, count))
    .map(({ p }) => p)
}
