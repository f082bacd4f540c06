import { useEffect, useId, useState } from 'react'
import type { TeamClient } from '../../../../shared/client/TeamClient.ts'
import { mondayAgenda } from '../../../../shared/rhythm/mondayAgenda.ts'
import type { MondayTimer as Timer } from '../../../../shared/rhythm/teamDoc.ts'
import { FormError, useAction } from './fields.tsx'
import { Trans, useTranslation } from 'react-i18next'

const LENGTHS = [30, 45, 60, 90]

function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/** The Monday meeting's shared timer: a quarter of the time on status, three quarters on the plan (DOMAIN.md). */
export function MondayTimer({ client, timer, isEditor }: { client: TeamClient; timer: Timer | null; isEditor: boolean }) {
  const { t } = useTranslation()
  const id = useId()
  const [minutes, setMinutes] = useState(60)
  const [now, setNow] = useState(() => client.serverNow())
  const action = useAction()
  useEffect(() => {
    if (!timer) return
    const tick = setInterval(() => setNow(client.serverNow()), 1000)
    return () => clearInterval(tick)
  }, [timer, client])
  const agenda = mondayAgenda(timer?.totalMinutes ?? minutes)
  if (!timer) {
    return (
      <div className="monday-timer">
        <p className="hint">{t('team.suggested', { status: agenda.statusMinutes, plan: agenda.planMinutes })}</p>
        {isEditor && (
          <div className="inline-form">
            <label htmlFor={id} className="visually-hidden">
              {t('team.meetingLength')}
            </label>
            <select id={id} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
              {LENGTHS.map((m) => (
                <option key={m} value={m}>
                  {t('team.minutes', { n: m })}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="secondary"
              disabled={action.busy}
              onClick={() => void action.run(() => client.send({ type: 'startTimer', totalMinutes: minutes }))}
            >
              {t('team.startTimer')}
            </button>
          </div>
        )}
        <FormError error={action.error} />
      </div>
    )
  }
  const elapsed = Math.max(0, now - timer.startedAt)
  const statusMs = agenda.statusMinutes * 60_000
  const totalMs = timer.totalMinutes * 60_000
  const phase = elapsed < statusMs ? 'status' : elapsed < totalMs ? 'plan' : 'over'
  const left = phase === 'status' ? statusMs - elapsed : totalMs - elapsed
  return (
    <div className={`monday-timer running phase-${phase}`}>
      <p className="timer-phase" role="status">
        {phase === 'status' && (
          <>
            <Trans t={t} i18nKey="team.statusLeft" values={{ time: clock(left) }} components={{ strong: <strong className="timer-value" /> }} />
          </>
        )}
        {phase === 'plan' && (
          <>
            <Trans t={t} i18nKey="team.planLeft" values={{ time: clock(left) }} components={{ strong: <strong className="timer-value" /> }} />
          </>
        )}
        {phase === 'over' && t('team.timeUp')}
      </p>
      <div className="timer-track" aria-hidden="true">
        <div className="timer-status-part" style={{ width: '25%' }} />
        <div className="timer-needle" style={{ left: `${Math.min(100, (elapsed / totalMs) * 100)}%` }} />
      </div>
      {isEditor && (
        <button type="button" className="link" onClick={() => void action.run(() => client.send({ type: 'stopTimer' }))}>
          {t('team.stopTimer')}
        </button>
      )}
      <FormError error={action.error} />
    </div>
  )
}
