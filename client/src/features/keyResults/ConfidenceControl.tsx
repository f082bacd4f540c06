import { useEffect, useId, useState } from 'react'
import { BAND_LABELS, confidenceBand } from '../../../../shared/keyResults/confidenceBand.ts'
import type { KeyResultRecord } from '../../../../shared/keyResults/keyResultTypes.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'

/** Confidence 1–10 with its colour (red ≤ 3, yellow 4–6, green ≥ 7), said in words too, never by colour alone. */
export function ConfidenceControl({ record, isEditable }: { record: KeyResultRecord; isEditable: boolean }) {
  const { client } = useMeeting()
  const id = useId()
  const [value, setValue] = useState(record.confidence)
  useEffect(() => setValue(record.confidence), [record.confidence])
  const band = confidenceBand(value)
  const save = (next: number) => {
    setValue(next)
    void client.send({ type: 'updateKeyResult', keyResultId: record.id, confidence: next }).catch(() => setValue(record.confidence))
  }
  return (
    <div className="confidence">
      <label htmlFor={id}>Confidence</label>
      <input id={id} type="range" min={1} max={10} step={1} value={value} disabled={!isEditable}
        aria-valuetext={`${value} of 10, ${band}: ${BAND_LABELS[band]}`}
        onChange={(e) => save(Number(e.target.value))} />
      <ConfidenceBadge confidence={value} />
    </div>
  )
}

export function ConfidenceBadge({ confidence }: { confidence: number }) {
  const band = confidenceBand(confidence)
  return (
    <span className={`confidence-badge band-${band}`} aria-label={`Confidence ${confidence} of 10, ${band}`}>
      {confidence}/10 · {BAND_LABELS[band]}
    </span>
  )
}
