import { useDeferredValue, useId, useState } from 'react'
import { countPresence } from '../../../../shared/presence/roomCounts.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { usePeopleSearch } from './usePeopleSearch.ts'
import { Trans, useTranslation } from 'react-i18next'

/** Counts first, then a searchable list: with thousands in the room nobody wants a wall of avatars. */
export function PresencePanel() {
  const { view } = useMeeting()
  const [query, setQuery] = useState('')
  const deferredQuery = useDeferredValue(query)
  const searchId = useId()
  const { t } = useTranslation()
  const counts = countPresence(view)
  const search = usePeopleSearch(deferredQuery, `${counts.joined}/${counts.online}/${view.presence.namesVersion}`, counts.joined)
  return (
    <section className="card presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading">{t('room.people')}</h2>
      <p className="presence-counts" aria-live="polite">
        <Trans i18nKey="presence.counts" values={{ joined: counts.joined }} components={{ strong: <strong /> }} />
        <span className="online-dot" aria-hidden="true" />
        {t('presence.online', { online: counts.online })}
        {counts.away > 0 && t('presence.away', { away: counts.away })}
      </p>
      {counts.joined > 0 ? (
        <>
          <label htmlFor={searchId} className="visually-hidden">
            {t('presence.search')}
          </label>
          <input id={searchId} type="search" placeholder={t('presence.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
          {search.state === 'failed' ? (
            <p className="hint" role="status">
              {search.message}
            </p>
          ) : (
            <ul className="people" aria-label={t('presence.list')} aria-busy={search.state === 'loading'} tabIndex={0}>
              {search.people.map((p) => (
                <li key={p.id}>
                  <span className="person-name">{p.name}</span>
                  <span className={`status ${p.isOnline ? 'online' : 'away'}`}>{p.isOnline ? t('presence.statusOnline') : t('presence.statusAway')}</span>
                </li>
              ))}
            </ul>
          )}
          {search.state === 'ready' && search.total === 0 && <p className="hint">{t('presence.noMatch', { query: deferredQuery })}</p>}
          {search.total > search.people.length && <p className="hint">{t('presence.more', { count: search.total - search.people.length })}</p>}
        </>
      ) : (
        <p className="hint">{t('presence.nobody')}</p>
      )}
    </section>
  )
}
