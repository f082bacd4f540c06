import { useId, useState, type FormEvent } from 'react'
import type { ObjectiveDetails } from '../../../../shared/keyResults/keyResultTypes.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { describeFailure } from '../../i18n/describeFailure.ts'

/** The objective's refinements: title, why now, owning team, deadline. Read at a glance, edited on demand. */
export function ObjectiveDetailsForm({ objectiveId, title, details }: { objectiveId: string; title: string; details: ObjectiveDetails | undefined }) {
  const { client } = useMeeting()
  const [isEditing, setEditing] = useState(false)
  const [draft, setDraft] = useState<ObjectiveDetails>({ title, whyNow: '', team: '', deadline: '', ...details })
  const [error, setError] = useState<string | null>(null)
  const id = useId()
  if (!isEditing) {
    return (
      <div className="objective-details">
        <p className="hint">
          {details?.team ? `Owner: ${details.team}` : 'No owning team yet'} · Deadline {details?.deadline || 'not set'}
        </p>
        {details?.whyNow && <p className="why-now">Why now: {details.whyNow}</p>}
        <button
          type="button"
          className="link"
          onClick={() => {
            setDraft({ title, whyNow: '', team: '', deadline: '', ...details })
            setEditing(true)
          }}
          aria-label={`Refine objective “${title}”`}
        >
          Refine objective
        </button>
      </div>
    )
  }
  const save = async (event: FormEvent) => {
    event.preventDefault()
    try {
      await client.send({ type: 'updateObjective', objectiveId, ...draft })
      setEditing(false)
    } catch (e) {
      setError(describeFailure(e))
    }
  }
  const field = (key: keyof ObjectiveDetails, label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input id={`${id}-${key}`} type={type} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
    </div>
  )
  return (
    <form className="objective-form" onSubmit={save}>
      {field('title', 'Objective title')}
      {field('whyNow', 'Why now')}
      {field('team', 'Owning team')}
      {field('deadline', 'Deadline', 'date')}
      <div className="button-row">
        <button type="submit" className="primary">
          Save objective
        </button>
        <button type="button" className="secondary" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
