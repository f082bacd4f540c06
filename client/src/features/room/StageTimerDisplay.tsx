import { formatCountdown, timerRemainingMs } from '../../../../shared/presence/timer.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useNow } from '../../sync/useNow.ts'
import { useTranslation } from 'react-i18next'

/** The facilitator's timer, on every screen. When it ends it says so gently; the stage never moves by itself. */
export function StageTimerDisplay({ compact = false }: { compact?: boolean }) {
  const { client, view } = useMeeting()
  useNow(250, view.timer !== null)
  const { t } = useTranslation()
  const remaining = timerRemainingMs(view.timer, client.serverNow())
  if (remaining === null) return null
  const isOver = remaining === 0
  if (compact) {
    // The stage bar's copy: the full notice is on the stage panel; this one is not announced twice.
    return (
      <span className={`timer compact ${isOver ? 'over' : ''}`} aria-hidden="true">
        {isOver ? t('timer.overShort') : formatCountdown(remaining)}
      </span>
    )
  }
  return (
    <div className={`timer ${isOver ? 'over' : ''}`} role="timer" aria-label={t('timer.label')}>
      {isOver ? (
        <span role="status">{t('timer.over')}</span>
      ) : (
        <>
          <span className="timer-label">{t('timer.timeLeft')}</span> <span className="timer-value">{formatCountdown(remaining)}</span>
        </>
      )}
    </div>
  )
}
