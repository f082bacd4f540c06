import { formatCountdown, timerRemainingMs } from '../../../../shared/presence/timer.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useNow } from '../../sync/useNow.ts'

/** The facilitator's timer, on every screen. When it ends it says so gently; the stage never moves by itself. */
export function StageTimerDisplay({ compact = false }: { compact?: boolean }) {
  const { client, view } = useMeeting()
  useNow(250, view.timer !== null)
  const remaining = timerRemainingMs(view.timer, client.serverNow())
  if (remaining === null) return null
  const isOver = remaining === 0
  if (compact) {
    // The stage bar's copy: the full notice is on the stage panel; this one is not announced twice.
    return <span className={`timer compact ${isOver ? 'over' : ''}`} aria-hidden="true">{isOver ? 'Time’s up' : formatCountdown(remaining)}</span>
  }
  return (
    <div className={`timer ${isOver ? 'over' : ''}`} role="timer" aria-label="Stage timer">
      {isOver ? (
        <span role="status">Time’s up — finish your thought; the facilitator moves on when the room is ready.</span>
      ) : (
        <>
          <span className="timer-label">Time left</span> <span className="timer-value">{formatCountdown(remaining)}</span>
        </>
      )}
    </div>
  )
}
