import { useCallback, useId, useState } from 'react'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useCommand } from '../../sync/useCommand.ts'
import { useTranslation } from 'react-i18next'

/** Before and during Submit: how many proposals each person may make, and whether everyone sees them. */
export function SubmitSettings() {
  const { client, view } = useMeeting()
  const { t } = useTranslation()
  const limitId = useId()
  const update = useCallback(
    (changes: { maxSubmissionsPerPerson?: number; isOpenSubmissions?: boolean; authorship?: 'anonymous' | 'named' }) =>
      client.send({ type: 'updateSettings', ...changes }),
    [client],
  )
  const { state, execute } = useCommand(update)
  // Shown at once, confirmed by the shared doc: a control that waits for the round trip feels broken.
  const [pending, setPending] = useState<{ maxSubmissionsPerPerson?: number; isOpenSubmissions?: boolean; authorship?: 'anonymous' | 'named' }>({})
  const change = async (changes: { maxSubmissionsPerPerson?: number; isOpenSubmissions?: boolean; authorship?: 'anonymous' | 'named' }) => {
    setPending((p) => ({ ...p, ...changes }))
    await execute(changes)
    setPending({})
  }
  const limit = pending.maxSubmissionsPerPerson ?? view.settings.maxSubmissionsPerPerson
  const isOpen = pending.isOpenSubmissions ?? view.settings.isOpenSubmissions
  const isAnonymous = (pending.authorship ?? view.settings.authorship) === 'anonymous'
  return (
    <section className="card controls" aria-labelledby="submit-settings-heading">
      <h2 id="submit-settings-heading">{t('submitSettings.heading')}</h2>
      <div className="inline-form">
        <label htmlFor={limitId}>{t('submitSettings.perPerson')}</label>
        <select id={limitId} value={limit} onChange={(e) => void change({ maxSubmissionsPerPerson: Number(e.target.value) })}>
          {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <label className="choice">
        <input type="checkbox" checked={isOpen} onChange={(e) => void change({ isOpenSubmissions: e.target.checked })} />
        {t('submitSettings.open')}
      </label>
      <label className="choice">
        <input type="checkbox" checked={isAnonymous} onChange={(e) => void change({ authorship: e.target.checked ? 'anonymous' : 'named' })} />
        {t('submitSettings.anonymous')}
      </label>
      <p className="hint" aria-live="polite">
        {state.phase === 'saving' ? t('common.saving') : state.phase === 'failed' ? state.message : ''}
      </p>
    </section>
  )
}
