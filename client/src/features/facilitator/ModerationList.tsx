import { useDeferredValue, useId, useState } from 'react'
import { normalizeText } from '../../../../shared/similarity/normalizeText.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useModerationFeed } from '../../sync/useFeed.ts'
import { describeFailure } from '../../i18n/describeFailure.ts'
import { useTranslation } from 'react-i18next'

const MAX_LISTED = 50

/** Every proposal, for the facilitator: hide an abusive one (it stays in the audit trail). */
export function ModerationList() {
  const { client } = useMeeting()
  const { t } = useTranslation()
  const items = useModerationFeed(client)
  const [query, setQuery] = useState('')
  const deferred = useDeferredValue(query)
  const [confirmingId, setConfirmingId] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const searchId = useId()
  const q = normalizeText(deferred)
  const matching = q ? items.filter((s) => normalizeText(s.title).includes(q)) : items
  const hide = async (submissionId: string) => {
    setConfirmingId(null)
    try {
      await client.send({ type: 'hideSubmission', submissionId })
    } catch (e) {
      setError(describeFailure(e))
    }
  }
  return (
    <section className="card controls" aria-labelledby="moderation-heading">
      <h2 id="moderation-heading">{t('moderation.heading', { count: items.length })}</h2>
      <label htmlFor={searchId} className="visually-hidden">
        {t('moderation.search')}
      </label>
      <input id={searchId} type="search" placeholder={t('moderation.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
      {items.length === 0 ? (
        <p className="hint">{t('moderation.none')}</p>
      ) : (
        <ul className="people compact" aria-label={t('moderation.list')} tabIndex={0}>
          {matching.slice(0, MAX_LISTED).map((s) => (
            <li key={s.id}>
              <span className="person-name">{s.title}</span>
              {confirmingId === s.id ? (
                <button type="button" className="danger" onClick={() => void hide(s.id)}>
                  {t('moderation.confirmHide')}
                </button>
              ) : (
                <button type="button" className="link" aria-label={t('moderation.hideLabel', { title: s.title })} onClick={() => setConfirmingId(s.id)}>
                  {t('moderation.hide')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {matching.length > MAX_LISTED && <p className="hint">{t('moderation.more', { count: matching.length - MAX_LISTED })}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
