import { useCallback, useId, useState, type FormEvent } from 'react'
import { MAX_TIMER_SECONDS } from '../../../../shared/presence/timer.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useCommand } from '../../sync/useCommand.ts'
import { useTranslation } from 'react-i18next'

const PRESET_MINUTES = [2, 5, 10] as const

export function TimerControls() {
  const { client, view } = useMeeting()
  const [minutes, setMinutes] = useState('15')
  const minutesId = useId()
  const { t } = useTranslation()
  const start = useCallback((seconds: number) => client.send({ type: 'startTimer', seconds }), [client])
  const stop = useCallback(() => client.send({ type: 'stopTimer' }), [client])
  const starting = useCommand(start)
  const stopping = useCommand(stop)
  const submitCustom = (event: FormEvent) => {
    event.preventDefault()
    const value = Math.round(Number(minutes) * 60)
    if (value > 0) void starting.execute(Math.min(value, MAX_TIMER_SECONDS))
  }
  const failure = starting.state.phase === 'failed' ? starting.state.message : stopping.state.phase === 'failed' ? stopping.state.message : ''
  return (
    <section className="card controls" aria-labelledby="timer-heading">
      <h2 id="timer-heading">{t('facilitator.timer')}</h2>
      <div className="button-row">
        {PRESET_MINUTES.map((m) => (
          <button key={m} type="button" className="secondary" onClick={() => void starting.execute(m * 60)}>
            {t('facilitator.minutesPreset', { count: m })}
          </button>
        ))}
      </div>
      <form className="inline-form" onSubmit={submitCustom}>
        <label htmlFor={minutesId}>{t('facilitator.minutes')}</label>
        <input id={minutesId} type="number" min={1} max={180} step={1} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        <button type="submit" className="secondary">
          {t('facilitator.startTimer')}
        </button>
      </form>
      {view.timer && (
        <button type="button" className="link" onClick={() => void stopping.execute()}>
          {t('facilitator.stopTimer')}
        </button>
      )}
      <p className="hint">{t('facilitator.timerHint')}</p>
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
    </section>
  )
}
