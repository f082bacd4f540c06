import { useId, useState, type FormEvent } from 'react'
import { MAX_OBJECTIVE_TITLE_LENGTH, MAX_OBJECTIVE_WHY_LENGTH, type OwnSubmission } from '../../../../shared/submissions/submissionTypes.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { CharacterCount, fits } from '../../ui/CharacterCount.tsx'
import { describeFailure } from '../../i18n/describeFailure.ts'
import { useTranslation } from 'react-i18next'

export function EditProposal({ item, onDone }: { item: OwnSubmission; onDone: () => void }) {
  const { client } = useMeeting()
  const { t } = useTranslation()
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
      setError(describeFailure(e))
      setSaving(false)
    }
  }
  return (
    <form className="edit-proposal" onSubmit={save}>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('proposals.edit')}</label>
        <input
          id={`${id}-title`}
          value={title}
          required
          autoFocus
          aria-invalid={!fits(title, MAX_OBJECTIVE_TITLE_LENGTH)}
          aria-describedby={`${id}-title-count`}
          onChange={(e) => setTitle(e.target.value)}
        />
        <CharacterCount id={`${id}-title-count`} length={title.trim().length} max={MAX_OBJECTIVE_TITLE_LENGTH} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-why`}>{t('proposals.whyNow')}</label>
        <textarea
          id={`${id}-why`}
          value={why}
          rows={2}
          aria-invalid={!fits(why, MAX_OBJECTIVE_WHY_LENGTH)}
          aria-describedby={`${id}-why-count`}
          onChange={(e) => setWhy(e.target.value)}
        />
        <CharacterCount id={`${id}-why-count`} length={why.trim().length} max={MAX_OBJECTIVE_WHY_LENGTH} />
      </div>
      <div className="button-row">
        <button type="submit" className="primary" disabled={isSaving || !fits(title, MAX_OBJECTIVE_TITLE_LENGTH) || !fits(why, MAX_OBJECTIVE_WHY_LENGTH)}>
          {isSaving ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('common.cancel')}
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
