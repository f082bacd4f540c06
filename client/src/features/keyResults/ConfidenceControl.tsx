import { useEffect, useId, useState } from 'react'
import { confidenceBand } from '../../../../shared/keyResults/confidenceBand.ts'
import type { KeyResultRecord } from '../../../../shared/keyResults/keyResultTypes.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useTranslation } from 'react-i18next'

/** Confidence 1–10 with its colour (red ≤ 3, yellow 4–6, green ≥ 7), said in words too, never by colour alone. */
export function ConfidenceControl({ record, isEditable }: { record: KeyResultRecord; isEditable: boolean }) {
  const { client } = useMeeting()
  const id = useId()
  const { t } = useTranslation()
  const [value, setValue] = useState(record.confidence)
  useEffect(() => setValue(record.confidence), [record.confidence])
  const band = confidenceBand(value)
  const save = (next: number) => {
    setValue(next)
    void client.send({ type: 'updateKeyResult', keyResultId: record.id, confidence: next }).catch(() => setValue(record.confidence))
  }
  return (
    <div className="confidence">
      <label htmlFor={id}>{t('kr.confidence')}</label>
      <input
        id={id}
        type="range"
        min={1}
        max={10}
        step={1}
        value={value}
        disabled={!isEditable}
        aria-valuetext={t('kr.confidenceValue', { value, band: t(`confidence.bands.${band}`) })}
        onChange={(e) => save(Number(e.target.value))}
      />
      <ConfidenceBadge confidence={value} />
    </div>
  )
}

export function ConfidenceBadge({ confidence }: { confidence: number }) {
  const band = confidenceBand(confidence)
  const { t } = useTranslation()
  const label = t(`confidence.bands.${band}`)
  return (
    <span className={`confidence-badge band-${band}`} aria-label={t('confidence.aria', { value: confidence, band: label })}>
      {t('confidence.badge', { value: confidence, band: label })}
    </span>
  )
}
