import type { StageTimer } from '../meeting/meetingView.ts'

export const MIN_TIMER_SECONDS = 10
export const MAX_TIMER_SECONDS = 3 * 60 * 60

/** Milliseconds left on a stage timer at `now` (never negative); null when no timer runs. */
export function timerRemainingMs(timer: StageTimer | null, now: number): number | null {
  if (!timer) return null
  return Math.max(0, timer.startedAt + timer.durationMs - now)
}

export function formatCountdown(ms: number): string {
  const totalSeconds = Math.ceil(ms / 1000)
  const minutes = Math.floor(totalSeconds / 60)
  const seconds = totalSeconds % 60
  return `${minutes}:${seconds.toString().padStart(2, '0')}`
}
