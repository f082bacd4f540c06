import { useCallback, useDeferredValue, useId, useState } from 'react'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useCommand } from '../../sync/useCommand.ts'
import { useRoster } from '../../sync/useFeed.ts'
import { useTranslation } from 'react-i18next'

const MAX_LISTED = 8

/**
 * Who may be in the room: lock it so nobody new can join, and remove people (one by one, or everyone whose name
 * matches: a flood of made-up joiners usually shares a pattern). A removed person's link stops working.
 */
export function JoinControls() {
  const { client, view } = useMeeting()
  const { t } = useTranslation()
  const roster = useRoster(client)
  const id = useId()
  const [query, setQuery] = useState('')
  const deferred = useDeferredValue(query.trim().toLowerCase())
  const lock = useCallback((isJoinLocked: boolean) => client.send({ type: 'updateSettings', isJoinLocked }), [client])
  const remove = useCallback((participantIds: string[]) => client.send({ type: 'removeParticipants', participantIds }), [client])
  const locking = useCommand(lock)
  const removing = useCommand(remove)
  // Shown at once, confirmed by the shared doc (a checkbox that waits for the round trip feels broken).
  const [pendingLock, setPendingLock] = useState<boolean | null>(null)
  const isLocked = pendingLock ?? view.settings.isJoinLocked
  const changeLock = async (next: boolean) => {
    setPendingLock(next)
    await locking.execute(next)
    setPendingLock(null)
  }
  const matching = deferred ? roster.filter((p) => p.role === 'participant' && p.name.toLowerCase().includes(deferred)) : []
  const status = removing.state.phase === 'failed' ? removing.state.message : locking.state.phase === 'failed' ? locking.state.message : ''
  return (
    <section className="card controls" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('joinControls.heading')}</h2>
      <label className="choice">
        <input type="checkbox" checked={isLocked} onChange={(e) => void changeLock(e.target.checked)} />
        {t('joinControls.lock')}
      </label>
      <div className="field">
        <label htmlFor={`${id}-search`}>{t('joinControls.removeNamed')}</label>
        <input id={`${id}-search`} type="search" value={query} autoComplete="off" onChange={(e) => setQuery(e.target.value)} />
      </div>
      {matching.length > 0 && (
        <>
          <ul aria-label={t('joinControls.toRemove')} className="plain-list">
            {matching.slice(0, MAX_LISTED).map((p) => (
              <li key={p.id}>
                {p.name}{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() => void removing.execute([p.id])}
                  aria-label={t('joinControls.removeLabel', { name: p.name })}
                >
                  {t('common.remove')}
                </button>
              </li>
            ))}
          </ul>
          {matching.length > 1 && (
            <button type="button" className="secondary" onClick={() => void removing.execute(matching.slice(0, 1000).map((p) => p.id))}>
              {t('joinControls.removeAll', { count: Math.min(matching.length, 1000) })}
            </button>
          )}
        </>
      )}
      <p className="hint" aria-live="polite">
        {status}
      </p>
    </section>
  )
}
