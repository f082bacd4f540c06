import { useEffect, useId, useState } from 'react'
import type { KeyResultRecord } from '../../../../shared/keyResults/keyResultTypes.ts'
import { MAX_KR_FIELD_LENGTH } from '../../../../shared/keyResults/keyResultTypes.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useTranslation } from 'react-i18next'

type FieldName = 'metric' | 'baseline' | 'target' | 'unit' | 'owner'
const FIELDS: { name: FieldName; label: string; placeholder: string }[] = [
  // Hints in words: a placeholder like "4" or "%" reads as a value already filled in.
  { name: 'metric', label: 'Metric', placeholder: 'what you measure' },
  { name: 'baseline', label: 'Baseline', placeholder: 'value today' },
  { name: 'target', label: 'Target', placeholder: 'value to reach' },
  { name: 'unit', label: 'Unit', placeholder: 'e.g. percent, €' },
  { name: 'owner', label: 'Owner', placeholder: 'who reports on it' },
]

/** The measurable parts, each saved when you leave the field (or press Enter). */
export function KeyResultFields({ record, isEditable }: { record: KeyResultRecord; isEditable: boolean }) {
  return (
    <div className="kr-fields">
      {FIELDS.map((f) => (
        <Field key={f.name} record={record} {...f} isEditable={isEditable} />
      ))}
    </div>
  )
}

function Field({
  record,
  name,
  label,
  placeholder,
  isEditable,
}: {
  record: KeyResultRecord
  name: FieldName
  label: string
  placeholder: string
  isEditable: boolean
}) {
  const { client } = useMeeting()
  const id = useId()
  const { t } = useTranslation()
  const [value, setValue] = useState(record[name])
  const [state, setState] = useState<'idle' | 'saving' | 'failed'>('idle')
  // Someone else's saved change replaces ours only while we are not editing this field.
  const [isFocused, setFocused] = useState(false)
  useEffect(() => {
    if (!isFocused) setValue(record[name])
  }, [record, name, isFocused])
  const save = async () => {
    if (value === record[name]) return
    setState('saving')
    try {
      await client.send({ type: 'updateKeyResult', keyResultId: record.id, [name]: value })
      setState('idle')
    } catch {
      setState('failed')
    }
  }
  return (
    <div className={`kr-field kr-field-${name}`}>
      <label htmlFor={id}>{t(`kr.fields.${name}.label`, { defaultValue: label })}</label>
      <input
        id={id}
        value={value}
        maxLength={MAX_KR_FIELD_LENGTH}
        placeholder={t(`kr.fields.${name}.hint`, { defaultValue: placeholder })}
        readOnly={!isEditable}
        aria-invalid={state === 'failed'}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false)
          void save()
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save()
        }}
        onChange={(e) => setValue(e.target.value)}
      />
    </div>
  )
}
