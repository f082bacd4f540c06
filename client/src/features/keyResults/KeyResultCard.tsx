import { useCallback, useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { checkKeyResult } from '../../../../shared/keyResults/checkKeyResult.ts'
import type { KeyResultRecord } from '../../../../shared/keyResults/keyResultTypes.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useConnection } from '../../state/connectionStore.ts'
import { CollaborativeText } from './CollaborativeText.tsx'
import { KeyResultFields } from './KeyResultFields.tsx'
import { ConfidenceBadge, ConfidenceControl } from './ConfidenceControl.tsx'
import { PHONE_QUERY, useMediaQuery } from '../../ui/useMediaQuery.ts'
import { KeyResultActions } from './KeyResultActions.tsx'
import { useTranslation } from 'react-i18next'

export function KeyResultCard({
  record,
  text,
  siblings,
  isFacilitator,
}: {
  record: KeyResultRecord
  text: Y.Text | undefined
  siblings: KeyResultRecord[]
  isFacilitator: boolean
}) {
  const { view } = useMeeting()
  const isOnline = useConnection((s) => s.status === 'connected')
  const { t } = useTranslation()
  const [statement, setStatement] = useState(() => text?.toString() ?? '')
  const onStatement = useCallback((value: string) => setStatement(value), [])
  const hints = checkKeyResult({ statement, metric: record.metric, baseline: record.baseline, target: record.target, unit: record.unit })
  const label = statement ? t('kr.statementLabel', { text: statement.slice(0, 40) }) : t('kr.statement')
  const isEditable = view.stage === 'keyResults' && isOnline
  // On a phone every key result with all its fields open made the stage ~8,000 px tall: each one folds to its
  // statement, confidence and owner, and opens to edit.
  const isPhone = useMediaQuery(PHONE_QUERY)
  const [isOpen, setOpen] = useState(false)
  const className = record.isAccepted ? 'kr-card accepted' : 'kr-card'
  if (isPhone && !isOpen) {
    return (
      <li className={`${className} folded`}>
        {record.isAccepted && <span className="badge winner-badge">{t('kr.accepted')}</span>}
        <p className="kr-statement">{statement || <span className="hint">{t('kr.noStatement')}</span>}</p>
        <p className="kr-summary">
          <ConfidenceBadge confidence={record.confidence} />
          <span>
            {record.owner ? (
              <>
                {t('kr.ownerPrefix')} <strong>{record.owner}</strong>
              </>
            ) : (
              t('kr.noOwner')
            )}
          </span>
        </p>
        <button
          type="button"
          className="secondary"
          aria-expanded={false}
          onClick={() => setOpen(true)}
          aria-label={`${isEditable ? t('kr.edit') : t('kr.details')}: ${statement || t('kr.statement')}`}
        >
          {isEditable ? t('kr.edit') : t('kr.details')}
        </button>
        {text && <StatementListener text={text} onChange={onStatement} />}
      </li>
    )
  }
  return (
    <li className={className}>
      <div className="kr-head">
        {record.isAccepted && <span className="badge winner-badge">{t('kr.accepted')}</span>}
        {isPhone && (
          <button
            type="button"
            className="secondary small"
            aria-expanded={true}
            onClick={() => setOpen(false)}
            aria-label={`${t('kr.fold')}: ${statement || t('kr.statement')}`}
          >
            {t('kr.fold')}
          </button>
        )}
      </div>
      {text ? <CollaborativeText text={text} label={label} isEditable={isEditable} onChange={onStatement} /> : <p className="hint">{t('kr.loading')}</p>}
      {hints.length > 0 && (
        <ul className="kr-hints" aria-label={t('kr.suggestions')}>
          {hints.map((h) => (
            <li key={h.code}>{t(`kr.hints.${h.code}`, { defaultValue: h.message })}</li>
          ))}
        </ul>
      )}
      <KeyResultFields record={record} isEditable={isEditable} />
      <ConfidenceControl record={record} isEditable={isEditable} />
      <KeyResultActions record={record} siblings={siblings} isFacilitator={isFacilitator} statement={statement} />
    </li>
  )
}

/** Keeps the folded card's statement current while its editor is not mounted. */
function StatementListener({ text, onChange }: { text: Y.Text; onChange(value: string): void }) {
  useEffect(() => {
    const update = () => onChange(text.toString())
    update()
    text.observe(update)
    return () => text.unobserve(update)
  }, [text, onChange])
  return null
}
