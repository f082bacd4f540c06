import { useDeferredValue, useId, useState } from 'react'
import { countPresence } from '../../../../shared/presence/roomCounts.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { formatCount } from '../../ui/formatCount.ts'
import { usePeopleSearch } from './usePeopleSearch.ts'

/** Counts first, then a searchable list: with thousands in the room nobody wants a wall of avatars. */
export function PresencePanel() {
  const { view } = useMeeting()
  const [query, setQuery] = useState('')
  const deferredQuery = useDeferredValue(query)
  const searchId = useId()
  const counts = countPresence(view)
  const search = usePeopleSearch(deferredQuery, `${counts.joined}/${counts.online}/${view.presence.namesVersion}`, counts.joined)
  return (
    <section className="card presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading">People</h2>
      <p className="presence-counts" aria-live="polite">
        <strong>{formatCount(counts.joined)}</strong> joined · <span className="online-dot" aria-hidden="true" />
        {formatCount(counts.online)} online{counts.away > 0 && ` · ${formatCount(counts.away)} away`}
      </p>
      {counts.joined > 0 ? (
        <>
          <label htmlFor={searchId} className="visually-hidden">Search people</label>
          <input id={searchId} type="search" placeholder="Search people" value={query}
            onChange={(e) => setQuery(e.target.value)} />
          {search.state === 'failed' ? (
            <p className="hint" role="status">{search.message}</p>
          ) : (
            <ul className="people" aria-label="People in the meeting" aria-busy={search.state === 'loading'} tabIndex={0}>
              {search.people.map((p) => (
                <li key={p.id}>
                  <span className="person-name">{p.name}</span>
                  <span className={`status ${p.isOnline ? 'online' : 'away'}`}>{p.isOnline ? 'online' : 'away'}</span>
                </li>
              ))}
            </ul>
          )}
          {search.state === 'ready' && search.total === 0 && <p className="hint">Nobody matches “{deferredQuery}”.</p>}
          {search.total > search.people.length && (
            <p className="hint">and {formatCount(search.total - search.people.length)} more — search to find someone.</p>
          )}
        </>
      ) : (
        <p className="hint">Nobody has joined yet. Share the join link or show the QR code.</p>
      )}
    </section>
  )
}
