import { useCallback, useId } from 'react'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useCommand } from '../../sync/useCommand.ts'

/** Before and during Submit: how many proposals each person may make, and whether everyone sees them. */
export function SubmitSettings() {
  const { client, view } = useMeeting()
  const limitId = useId()
  const update = useCallback(
    (changes: { maxSubmissionsPerPerson?: number; isOpenSubmissions?: boolean }) => client.send({ type: 'updateSettings', ...changes }),
    [client],
  )
  const { state, execute } = useCommand(update)
  return (
    <section className="card controls" aria-labelledby="submit-settings-heading">
      <h2 id="submit-settings-heading">Proposals</h2>
      <div className="inline-form">
        <label htmlFor={limitId}>Per person</label>
        <select id={limitId} value={view.settings.maxSubmissionsPerPerson}
          onChange={(e) => void execute({ maxSubmissionsPerPerson: Number(e.target.value) })}>
          {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
      </div>
      <label className="choice">
        <input type="checkbox" checked={view.settings.isOpenSubmissions}
          onChange={(e) => void execute({ isOpenSubmissions: e.target.checked })} />
        Open submissions (everyone sees all proposals while submitting)
      </label>
      <p className="hint" aria-live="polite">{state.phase === 'saving' ? 'Saving…' : state.phase === 'failed' ? state.message : ''}</p>
    </section>
  )
}
