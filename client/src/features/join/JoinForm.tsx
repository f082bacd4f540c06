import { useState, type FormEvent } from 'react'
import { CommandFailure, type MeetingClient } from '../../../../shared/client/MeetingClient.ts'
import type { MeetingView } from '../../../../shared/meeting/meetingView.ts'
import { assembleMission } from '../../../../shared/meeting/mission.ts'
import { MAX_NAME_LENGTH } from '../../../../shared/protocol/limits.ts'
import { countPresence } from '../../../../shared/presence/roomCounts.ts'
import { useConnection } from '../../state/connectionStore.ts'
import { useTranslation } from 'react-i18next'
import { LanguageSwitcher } from '../../i18n/LanguageSwitcher.tsx'
import { describeFailure } from '../../i18n/describeFailure.ts'

export function JoinForm({ client, view }: { client: MeetingClient; view: MeetingView }) {
  const [name, setName] = useState('')
  const [phase, setPhase] = useState<'editing' | 'joining'>('editing')
  const [error, setError] = useState<string | null>(null)
  const status = useConnection((s) => s.status)
  const linkProblem = useConnection((s) => s.linkProblem)
  const [pastedLink, setPastedLink] = useState('')
  const joined = countPresence(view).joined
  const { t } = useTranslation()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setPhase('joining')
    setError(null)
    try {
      await client.join(name)
    } catch (e) {
      setError(e instanceof CommandFailure ? describeFailure(e) : t('join.failed'))
      setPhase('editing')
    }
  }

  return (
    <main className="page narrow">
      <header className="brand">
        <span className="logo" aria-hidden="true">
          ⚓
        </span>{' '}
        Quarterdeck
        <LanguageSwitcher className="on-light" />
      </header>
      <p className="eyebrow">{t('join.eyebrow', { quarter: view.quarter })}</p>
      <h1>{view.title}</h1>
      <blockquote className="mission">{assembleMission(view.mission)}</blockquote>
      {linkProblem && (
        <section className="card notice" aria-labelledby="link-problem-heading">
          <h2 id="link-problem-heading">{t('join.linkProblemHeading')}</h2>
          <p role="alert">{linkProblem}</p>
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault()
              // The whole link again (its token is in the fragment): load it as if it had been opened.
              const target = pastedLink.trim()
              if (!/^https?:\/\//.test(target)) return
              window.location.assign(target)
              if (new URL(target).pathname === window.location.pathname) window.location.reload()
            }}
          >
            <label htmlFor="pasted-link">{t('join.facilitatorLink')}</label>
            <input id="pasted-link" type="url" value={pastedLink} placeholder="https://…/facilitate#token=…" onChange={(e) => setPastedLink(e.target.value)} />
            <button type="submit" className="secondary">
              {t('join.openLink')}
            </button>
          </form>
        </section>
      )}
      <form className="card form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="display-name">{t('join.name')}</label>
          <input
            id="display-name"
            required
            autoFocus
            maxLength={MAX_NAME_LENGTH}
            autoComplete="name"
            value={name}
            aria-describedby="name-hint"
            onChange={(e) => setName(e.target.value)}
          />
          <p className="hint" id="name-hint">
            {t('join.nameHint')}
          </p>
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary large" disabled={phase === 'joining' || view.stage === 'published'}>
          {phase === 'joining' ? (status === 'connected' ? t('join.joining') : t('join.waiting')) : t('join.join')}
        </button>
        <p className="hint">{t('join.joined', { count: joined })}</p>
      </form>
    </main>
  )
}
