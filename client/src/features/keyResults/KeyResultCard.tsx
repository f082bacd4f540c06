import { useCallback, useState } from 'react'
import type * as Y from 'yjs'
import { checkKeyResult } from '../../../../shared/keyResults/checkKeyResult.ts'
import type { KeyResultRecord } from '../../../../shared/keyResults/keyResultTypes.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useConnection } from '../../state/connectionStore.ts'
import { CollaborativeText } from './CollaborativeText.tsx'
import { KeyResultFields } from './KeyResultFields.tsx'
import { ConfidenceControl } from './ConfidenceControl.tsx'
import { KeyResultActions } from './KeyResultActions.tsx'

export function KeyResultCard({ record, text, siblings, isFacilitator }: {
  record: KeyResultRecord
  text: Y.Text | undefined
  siblings: KeyResultRecord[]
  isFacilitator: boolean
}) {
  const { view } = useMeeting()
  const isOnline = useConnection((s) => s.status === 'connected')
  const [statement, setStatement] = useState(() => text?.toString() ?? '')
  const onStatement = useCallback((value: string) => setStatement(value), [])
  const hints = checkKeyResult({ statement, metric: record.metric, baseline: record.baseline, target: record.target, unit: record.unit })
  const label = `Key result statement${statement ? `: ${statement.slice(0, 40)}` : ''}`
  const isEditable = view.stage === 'keyResults' && isOnline
  return (
    <li className={record.isAccepted ? 'kr-card accepted' : 'kr-card'}>
      <div className="kr-head">
        {record.isAccepted && <span className="badge winner-badge">Accepted</span>}
      </div>
      {text ? (
        <CollaborativeText text={text} label={label} isEditable={isEditable} onChange={onStatement} />
      ) : (
        <p className="hint">Loading the statement…</p>
      )}
      {hints.length > 0 && (
        <ul className="kr-hints" aria-label="Suggestions for this key result">
          {hints.map((h) => <li key={h.code}>{h.message}</li>)}
        </ul>
      )}
      <KeyResultFields record={record} isEditable={isEditable} />
      <ConfidenceControl record={record} isEditable={isEditable} />
      <KeyResultActions record={record} siblings={siblings} isFacilitator={isFacilitator} statement={statement} />
    </li>
  )
}
