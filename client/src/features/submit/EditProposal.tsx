import { useId, useState, type FormEvent } from 'react'
import { MAX_OBJECTIVE_TITLE_LENGTH, MAX_OBJECTIVE_WHY_LENGTH, type OwnSubmission } from '../../../../shared/submissions/submissionTypes.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'

export function EditProposal({ item, onDone }: { item: OwnSubmission; onDone: () => void }) {
  const { client } = useMeeting()
  const [title, setTitle] = useState(item.title)
  const [why, setWhy] = useState(item.why)
  const [error, setError] = useState<string | null>(null)
  const [isSaving, setSaving] = useState(false)
  const id = useId()
  const save = async (event: FormEvent) => {
    event.preventDefault()
    setSaving(true)
    try {
      await client.send({ type: 'editSubmission', submissionId: item.id, title, why })
      onDone()
    } catch (e) {
      setError((e as Error).message)
      setSaving(false)
    }
  }
  return (
    <form className="edit-proposal" onSubmit={save}>
      <div className="field">
        <label htmlFor={`${id}-title`}>Edit objective</label>
        <input id={`${id}-title`} value={title} maxLength={MAX_OBJECTIVE_TITLE_LENGTH} required autoFocus onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-why`}>Why it matters now</label>
        <textarea id={`${id}-why`} value={why} maxLength={MAX_OBJECTIVE_WHY_LENGTH} rows={2} onChange={(e) => setWhy(e.target.value)} />
      </div>
      <div className="button-row">
        <button type="submit" className="primary" disabled={isSaving}>{isSaving ? 'Saving…' : 'Save'}</button>
        <button type="button" className="secondary" onClick={onDone}>Cancel</button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  )
}
