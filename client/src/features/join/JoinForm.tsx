import { useState, type FormEvent } from 'react'
import { CommandFailure, type MeetingClient } from '../../../../shared/client/MeetingClient.ts'
import type { MeetingView } from '../../../../shared/meeting/meetingView.ts'
import { assembleMission } from '../../../../shared/meeting/mission.ts'
import { MAX_NAME_LENGTH } from '../../../../shared/protocol/limits.ts'
import { countPresence } from '../../../../shared/presence/roomCounts.ts'
import { useConnection } from '../../state/connectionStore.ts'
import { useTranslation } from 'react-i18next'
import { LanguageSwitcher } from '../../i18n/LanguageSwitcher.tsx'

export function JoinForm({ client, view }: { client: MeetingClient; view: MeetingView }) {
  const [name, setName] = useState('')
  const [phase, setPhase] = useState<'editing' | 'joining'>('editing')
  const [error, setError] = useState<string | null>(null)
  const status = useConnection((s) => s.status)
  const joined = countPresence(view).joined
  const { t } = useTranslation()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setPhase('joining')
    setError(null)
    try {
      await client.join(name)
    } catch (e) {
      setError(e instanceof CommandFailure ? e.message : t('join.failed'))
      setPhase('editing')
    }
  }

  return (
    <main className="page narrow">
      <header className="brand">
        <span className="logo" aria-hidden="true">⚓</span> Quarterdeck
        <LanguageSwitcher className="on-light" />
      </header>
      <p className="eyebrow">{t('join.eyebrow', { quarter: view.quarter })}</p>
      <h1>{view.title}</h1>
      <blockquote className="mission">{assembleMission(view.mission)}</blockquote>
      <form className="card form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="display-name">{t('join.name')}</label>
          <input id="display-name" required autoFocus maxLength={MAX_NAME_LENGTH} autoComplete="name" value={name}
            aria-describedby="name-hint" onChange={(e) => setName(e.target.value)} />
          <p className="hint" id="name-hint">{t('join.nameHint')}</p>
        </div>
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" className="primary large" disabled={phase === 'joining' || view.stage === 'published'}>
          {phase === 'joining' ? (status === 'connected' ? t('join.joining') : t('join.waiting')) : t('join.join')}
        </button>
        <p className="hint">{t('join.joined', { count: joined })}</p>
      </form>
    </main>
  )
}
