import { useDeferredValue, useId, useState } from 'react'
import { normalizeText } from '../../../../shared/similarity/normalizeText.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useMySubmissions } from '../../sync/useFeed.ts'
import { describeFailure } from '../../i18n/describeFailure.ts'
import { useTranslation } from 'react-i18next'

const MAX_LISTED = 100

/** Open-submission mode: everyone's proposals, searchable, each supportable. */
export function OpenProposals() {
  const { client, view } = useMeeting()
  const { t } = useTranslation()
  const mine = useMySubmissions(client)
  const [query, setQuery] = useState('')
  const deferred = useDeferredValue(query)
  const searchId = useId()
  const [error, setError] = useState<string | null>(null)
  const related = new Map(mine.map((m) => [m.id, m.relation]))
  const q = normalizeText(deferred)
  const matching = q ? view.openSubmissions.filter((s) => normalizeText(s.title).includes(q)) : view.openSubmissions
  const shown = matching.slice(0, MAX_LISTED)
  const support = async (submissionId: string) => {
    setError(null)
    try {
      await client.send({ type: 'supportSubmission', submissionId, support: true })
    } catch (e) {
      setError(describeFailure(e))
    }
  }
  return (
    <section aria-labelledby="open-heading" className="open-proposals">
      <h3 id="open-heading">{t('proposals.everyone', { count: view.openSubmissions.length })}</h3>
      <label htmlFor={searchId} className="visually-hidden">
        {t('proposals.search')}
      </label>
      <input id={searchId} type="search" placeholder={t('proposals.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
      <ul className="proposal-list" aria-label={t('proposals.everyoneList')} tabIndex={0}>
        {shown.map((s) => (
          <li key={s.id} className="proposal">
            <div className="proposal-text">
              <p className="proposal-title">{s.title}</p>
              {s.why && <p className="hint">{s.why}</p>}
            </div>
            {related.get(s.id) === 'author' ? (
              <span className="hint">{t('proposals.yours')}</span>
            ) : related.get(s.id) === 'supporter' ? (
              <span className="hint">{t('proposals.youSupport')}</span>
            ) : (
              <button type="button" className="secondary" aria-label={t('proposals.supportLabel', { title: s.title })} onClick={() => void support(s.id)}>
                {t('proposals.support')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {matching.length > shown.length && <p className="hint">{t('proposals.more', { count: matching.length - shown.length })}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
