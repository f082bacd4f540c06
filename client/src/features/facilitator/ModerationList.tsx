import { useDeferredValue, useId, useState } from 'react'
import { normalizeText } from '../../../../shared/similarity/normalizeText.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useModerationFeed } from '../../sync/useFeed.ts'
import { formatCount } from '../../ui/formatCount.ts'

const MAX_LISTED = 50

/** Every proposal, for the facilitator: hide an abusive one (it stays in the audit trail). */
export function ModerationList() {
  const { client } = useMeeting()
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
      setError((e as Error).message)
    }
  }
  return (
    <section className="card controls" aria-labelledby="moderation-heading">
      <h2 id="moderation-heading">All proposals ({formatCount(items.length)})</h2>
      <label htmlFor={searchId} className="visually-hidden">
        Search all proposals
      </label>
      <input id={searchId} type="search" placeholder="Search all proposals" value={query} onChange={(e) => setQuery(e.target.value)} />
      {items.length === 0 ? (
        <p className="hint">No proposals yet.</p>
      ) : (
        <ul className="people compact" aria-label="All proposals" tabIndex={0}>
          {matching.slice(0, MAX_LISTED).map((s) => (
            <li key={s.id}>
              <span className="person-name">{s.title}</span>
              {confirmingId === s.id ? (
                <button type="button" className="danger" onClick={() => void hide(s.id)}>
                  Confirm hide
                </button>
              ) : (
                <button type="button" className="link" aria-label={`Hide “${s.title}”`} onClick={() => setConfirmingId(s.id)}>
                  Hide
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {matching.length > MAX_LISTED && <p className="hint">and {formatCount(matching.length - MAX_LISTED)} more — search to narrow.</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
