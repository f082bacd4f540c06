import { useCallback, useDeferredValue, useId, useState } from 'react'
import { AUTO_HELPERS_ONLY_ABOVE, effectiveGrouping, type MeetingSettings } from '../../../../shared/meeting/settings.ts'
import type { RosterEntry } from '../../../../shared/presence/presenceTypes.ts'
import { filterParticipants } from '../../../../shared/presence/roomCounts.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useCommand } from '../../sync/useCommand.ts'
import { useRoster } from '../../sync/useFeed.ts'
import { useTranslation } from 'react-i18next'

type Grouping = MeetingSettings['grouping']
type Change = { grouping?: Grouping; helperIds?: string[] }

/** People offered as helpers for one search; the search finds the rest. */
const MAX_CANDIDATES = 8
/** The protocol's limit on named helpers (updateSettings.helperIds). */
const MAX_HELPERS = 100

const GROUPINGS: readonly Grouping[] = ['auto', 'everyone', 'helpers']

/** The facilitator decides who may move cards, and names helpers from the participant list. */
export function GroupingSettings({ settings }: { settings: MeetingSettings }) {
  const { client } = useMeeting()
  const { t } = useTranslation()
  const participants = useRoster(client)
  const radioName = useId()
  const searchId = useId()
  const [query, setQuery] = useState('')
  const deferredQuery = useDeferredValue(query)
  const update = useCallback((changes: Change) => client.send({ type: 'updateSettings', ...changes }), [client])
  const { state, execute } = useCommand(update)
  // Shown at once, confirmed by the shared doc: a control that waits for the round trip feels broken.
  const [pending, setPending] = useState<Change>({})
  const change = async (changes: Change) => {
    setPending((p) => ({ ...p, ...changes }))
    await execute(changes)
    setPending({})
  }
  const grouping = pending.grouping ?? settings.grouping
  const helperIds = pending.helperIds ?? settings.helperIds
  const people = participants.filter((p) => p.role === 'participant')
  const effective = effectiveGrouping({ ...settings, grouping }, people.length)
  const helpers = helperIds.map((id) => people.find((p) => p.id === id)).filter((p): p is RosterEntry => p !== undefined)
  const candidates = deferredQuery.trim()
    ? filterParticipants(people, deferredQuery)
        .filter((p) => !helperIds.includes(p.id))
        .slice(0, MAX_CANDIDATES)
    : []
  return (
    <details className="grouping-settings">
      <summary>{effective === 'everyone' ? t('grouping.summaryEveryone') : t('grouping.summaryHelpers', { count: helpers.length })}</summary>
      <fieldset>
        <legend>{t('grouping.legend')}</legend>
        {GROUPINGS.map((value) => (
          <label className="choice" key={value}>
            <input type="radio" name={radioName} value={value} checked={grouping === value} onChange={() => void change({ grouping: value })} />
            {t(`grouping.${value}`, { n: AUTO_HELPERS_ONLY_ABOVE })}
          </label>
        ))}
      </fieldset>
      <div className="helpers">
        <h4>{t('grouping.helpersHeading')}</h4>
        {helpers.length === 0 ? (
          <p className="hint">
            {t('grouping.noHelpers')}
            {effective === 'helpers' ? t('grouping.onlyYou') : ''}
          </p>
        ) : (
          <ul className="helper-list" aria-label={t('grouping.helperList')}>
            {helpers.map((p) => (
              <li key={p.id}>
                <span>{p.name}</span>
                <button
                  type="button"
                  className="link"
                  aria-label={t('grouping.removeHelper', { name: p.name })}
                  onClick={() => void change({ helperIds: helperIds.filter((id) => id !== p.id) })}
                >
                  {t('common.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <label htmlFor={searchId}>{t('grouping.addHelper')}</label>
        <input id={searchId} type="search" placeholder={t('grouping.searchPeople')} value={query} onChange={(e) => setQuery(e.target.value)} />
        {candidates.length > 0 && (
          <ul className="helper-list" aria-label={t('grouping.matching')}>
            {candidates.map((p) => (
              <li key={p.id}>
                <span>{p.name}</span>
                <button
                  type="button"
                  className="secondary small"
                  aria-label={t('grouping.makeHelperLabel', { name: p.name })}
                  disabled={helperIds.length >= MAX_HELPERS}
                  onClick={() => void change({ helperIds: [...helperIds, p.id] })}
                >
                  {t('grouping.makeHelper')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {helperIds.length >= MAX_HELPERS && <p className="hint">{t('grouping.maxHelpers', { n: MAX_HELPERS })}</p>}
        {deferredQuery.trim() && candidates.length === 0 && <p className="hint">{t('grouping.nobodyMatches', { query: deferredQuery })}</p>}
      </div>
      <p className="hint" aria-live="polite">
        {state.phase === 'saving' ? t('common.saving') : state.phase === 'failed' ? state.message : ''}
      </p>
    </details>
  )
}
