import { useId, useState, type FormEvent } from 'react'
import type { ObjectiveDetails } from '../../../../shared/keyResults/keyResultTypes.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { describeFailure } from '../../i18n/describeFailure.ts'
import { useTranslation } from 'react-i18next'
import { currentLocale } from '../../i18n/i18n.ts'

/** A deadline (yyyy-mm-dd) as the reader writes dates; anything else as typed. */
const formatDate = (iso: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00`).toLocaleDateString(currentLocale(), { dateStyle: 'medium' }) : iso

/** The objective's refinements: title, why now, owning team, deadline. Read at a glance, edited on demand. */
export function ObjectiveDetailsForm({ objectiveId, title, details }: { objectiveId: string; title: string; details: ObjectiveDetails | undefined }) {
  const { client } = useMeeting()
  const { t } = useTranslation()
  const [isEditing, setEditing] = useState(false)
  const [draft, setDraft] = useState<ObjectiveDetails>({ title, whyNow: '', team: '', deadline: '', ...details })
  const [error, setError] = useState<string | null>(null)
  const id = useId()
  if (!isEditing) {
    return (
      <div className="objective-details">
        <p className="hint">
          {details?.team ? t('objective.owner', { team: details.team }) : t('objective.noOwner')} ·{' '}
          {t('objective.deadline', { date: details?.deadline ? formatDate(details.deadline) : t('objective.notSet') })}
        </p>
        {details?.whyNow && <p className="why-now">{t('objective.whyNow', { text: details.whyNow })}</p>}
        <button
          type="button"
          className="link"
          onClick={() => {
            setDraft({ title, whyNow: '', team: '', deadline: '', ...details })
            setEditing(true)
          }}
          aria-label={t('objective.refineLabel', { title })}
        >
          {t('objective.refine')}
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
      {field('title', t('objective.title'))}
      {field('whyNow', t('objective.whyNowLabel'))}
      {field('team', t('objective.team'))}
      {field('deadline', t('objective.deadlineLabel'), 'date')}
      <div className="button-row">
        <button type="submit" className="primary">
          {t('objective.save')}
        </button>
        <button type="button" className="secondary" onClick={() => setEditing(false)}>
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
