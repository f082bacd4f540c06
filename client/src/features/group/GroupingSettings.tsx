import { useCallback, useDeferredValue, useId, useState } from 'react'
import { AUTO_HELPERS_ONLY_ABOVE, effectiveGrouping, type MeetingSettings } from '../../../../shared/meeting/settings.ts'
import type { RosterEntry } from '../../../../shared/presence/presenceTypes.ts'
import { filterParticipants } from '../../../../shared/presence/roomCounts.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useCommand } from '../../sync/useCommand.ts'
import { useRoster } from '../../sync/useFeed.ts'
import { plural } from '../../ui/formatCount.ts'

type Grouping = MeetingSettings['grouping']
type Change = { grouping?: Grouping; helperIds?: string[] }

/** People offered as helpers for one search; the search finds the rest. */
const MAX_CANDIDATES = 8
/** The protocol's limit on named helpers (updateSettings.helperIds). */
const MAX_HELPERS = 100

const GROUPING_LABELS: Record<Grouping, string> = {
  auto: `Automatic: everyone up to ${AUTO_HELPERS_ONLY_ABOVE} people, then the facilitator and helpers`,
  everyone: 'Everyone',
  helpers: 'The facilitator and named helpers',
}

/** The facilitator decides who may move cards, and names helpers from the participant list. */
export function GroupingSettings({ settings }: { settings: MeetingSettings }) {
  const { client } = useMeeting()
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
      <summary>Who may move cards: {effective === 'everyone' ? 'everyone' : `the facilitator and ${plural(helpers.length, 'helper', 'helpers')}`}</summary>
      <fieldset>
        <legend>Who may move cards</legend>
        {(Object.keys(GROUPING_LABELS) as Grouping[]).map((value) => (
          <label className="choice" key={value}>
            <input type="radio" name={radioName} value={value} checked={grouping === value} onChange={() => void change({ grouping: value })} />
            {GROUPING_LABELS[value]}
          </label>
        ))}
      </fieldset>
      <div className="helpers">
        <h4>Helpers</h4>
        {helpers.length === 0 ? (
          <p className="hint">No helpers yet.{effective === 'helpers' ? ' Only you can move cards.' : ''}</p>
        ) : (
          <ul className="helper-list" aria-label="Helpers">
            {helpers.map((p) => (
              <li key={p.id}>
                <span>{p.name}</span>
                <button
                  type="button"
                  className="link"
                  aria-label={`Remove ${p.name} as helper`}
                  onClick={() => void change({ helperIds: helperIds.filter((id) => id !== p.id) })}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <label htmlFor={searchId}>Add a helper</label>
        <input id={searchId} type="search" placeholder="Search people by name" value={query} onChange={(e) => setQuery(e.target.value)} />
        {candidates.length > 0 && (
          <ul className="helper-list" aria-label="People matching the search">
            {candidates.map((p) => (
              <li key={p.id}>
                <span>{p.name}</span>
                <button
                  type="button"
                  className="secondary small"
                  aria-label={`Make ${p.name} a helper`}
                  disabled={helperIds.length >= MAX_HELPERS}
                  onClick={() => void change({ helperIds: [...helperIds, p.id] })}
                >
                  Make helper
                </button>
              </li>
            ))}
          </ul>
        )}
        {helperIds.length >= MAX_HELPERS && <p className="hint">A meeting can have at most {MAX_HELPERS} helpers.</p>}
        {deferredQuery.trim() && candidates.length === 0 && <p className="hint">Nobody else matches “{deferredQuery}”.</p>}
      </div>
      <p className="hint" aria-live="polite">
        {state.phase === 'saving' ? 'Saving…' : state.phase === 'failed' ? state.message : ''}
      </p>
    </details>
  )
}
