import { useId, useState } from 'react'
import { decodeLink, describeLink, encodeLink, supportOptions } from '../../../../shared/cascade/supportOptions.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useCascade } from './useCascade.ts'
import { describeFailure } from '../../i18n/describeFailure.ts'
import { useTranslation } from 'react-i18next'

/**
 * In a department meeting: which company objective or key result this objective supports. Saved on change; the
 * server checks the choice against the company set.
 */
export function SupportsSelect({ objectiveId, title, isEditable }: { objectiveId: string; title: string; isEditable: boolean }) {
  const { client } = useMeeting()
  const { t } = useTranslation()
  const cascade = useCascade()
  const id = useId()
  const [error, setError] = useState<string | null>(null)
  const [isSaving, setSaving] = useState(false)
  if (!cascade.link) return null
  const objectives = cascade.link.company.objectives
  const current = cascade.supports[objectiveId] ?? null
  const options = supportOptions(objectives)
  const save = async (value: string) => {
    setSaving(true)
    setError(null)
    try {
      await client.send({ type: 'linkObjective', objectiveId, supports: decodeLink(value) })
    } catch (e) {
      setError(describeFailure(e))
    } finally {
      setSaving(false)
    }
  }
  return (
    <div className={current ? 'supports linked' : 'supports'}>
      <label htmlFor={id}>{t('cascade.supportsLabel')}</label>
      {isEditable ? (
        <select id={id} value={encodeLink(current)} disabled={isSaving} aria-describedby={`${id}-hint`} onChange={(e) => void save(e.target.value)}>
          <option value="">{t('cascade.choose', { title })}</option>
          {objectives.map((o, i) => (
            <optgroup key={o.id} label={t('cascade.companyObjectiveN', { n: i + 1 })}>
              {options
                .filter((opt) => opt.objectiveId === o.id)
                .map((opt) => (
                  <option key={opt.value} value={opt.value}>
                    {opt.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      ) : (
        <p id={id}>{describeLink(objectives, current)?.label ?? <strong>{t('cascade.notLinkedYet')}</strong>}</p>
      )}
      <p className="hint" id={`${id}-hint`} aria-live="polite">
        {isSaving ? t('common.saving') : current ? t('cascade.linked') : t('cascade.linkHintSelect')}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
