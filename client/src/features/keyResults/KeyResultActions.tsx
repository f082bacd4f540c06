import { useId, useState } from 'react'
import type { KeyResultRecord } from '../../../../shared/keyResults/keyResultTypes.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useConnection } from '../../state/connectionStore.ts'
import { useTranslation } from 'react-i18next'
import { describeFailure } from '../../i18n/describeFailure.ts'

export function KeyResultActions({
  record,
  siblings,
  isFacilitator,
  statement,
}: {
  record: KeyResultRecord
  siblings: KeyResultRecord[]
  isFacilitator: boolean
  statement: string
}) {
  const { client } = useMeeting()
  const me = useConnection((s) => s.identity?.participantId)
  const [error, setError] = useState<string | null>(null)
  const [mergeTarget, setMergeTarget] = useState('')
  const mergeId = useId()
  const { t } = useTranslation()
  const short = statement.slice(0, 40) || t('kr.thisOne')
  const run = async (action: () => Promise<unknown>) => {
    setError(null)
    try {
      await action()
    } catch (e) {
      setError(describeFailure(e))
    }
  }
  const others = siblings.filter((k) => k.id !== record.id)
  const canDelete = isFacilitator || record.createdBy === me
  return (
    <div className="kr-actions">
      {isFacilitator && (
        <button
          type="button"
          className={record.isAccepted ? 'secondary' : 'primary'}
          aria-pressed={record.isAccepted}
          aria-label={t(record.isAccepted ? 'krActions.acceptedLabel' : 'krActions.acceptLabel', { text: short })}
          onClick={() => void run(() => client.send({ type: 'acceptKeyResult', keyResultId: record.id, accepted: !record.isAccepted }))}
        >
          {record.isAccepted ? t('krActions.accepted') : t('krActions.accept')}
        </button>
      )}
      <button
        type="button"
        className="link"
        aria-label={t('kr.moveUp', { text: short })}
        onClick={() => void run(() => client.send({ type: 'moveKeyResult', keyResultId: record.id, direction: 'up' }))}
      >
        ↑
      </button>
      <button
        type="button"
        className="link"
        aria-label={t('kr.moveDown', { text: short })}
        onClick={() => void run(() => client.send({ type: 'moveKeyResult', keyResultId: record.id, direction: 'down' }))}
      >
        ↓
      </button>
      {isFacilitator && others.length > 0 && (
        <span className="inline-form">
          <label htmlFor={mergeId} className="visually-hidden">
            {t('krActions.mergeLabel', { text: short })}
          </label>
          <select id={mergeId} value={mergeTarget} onChange={(e) => setMergeTarget(e.target.value)}>
            <option value="">{t('krActions.mergeInto')}</option>
            {others.map((k, i) => (
              <option key={k.id} value={k.id}>
                {t('krActions.keyResult', { n: siblings.indexOf(k) + 1 || i + 1 })}
              </option>
            ))}
          </select>
          {mergeTarget && (
            <button
              type="button"
              className="secondary"
              onClick={() =>
                void run(async () => {
                  await client.send({ type: 'mergeKeyResults', sourceId: record.id, targetId: mergeTarget })
                  setMergeTarget('')
                })
              }
            >
              {t('krActions.merge')}
            </button>
          )}
        </span>
      )}
      {canDelete && (
        <button
          type="button"
          className="link danger-link"
          aria-label={t('kr.deleteLabel', { text: short })}
          onClick={() => void run(() => client.send({ type: 'deleteKeyResult', keyResultId: record.id }))}
        >
          {t('kr.delete')}
        </button>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
