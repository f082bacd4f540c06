import { useId, useState, type FormEvent } from 'react'
import type { DepartmentEntry } from '../../../../shared/cascade/cascadeDoc.ts'
import { describeLink } from '../../../../shared/cascade/supportOptions.ts'
import type { PublishedSet } from '../../../../shared/exports/publishedSet.ts'
import { MAX_CASCADE_COMMENT_LENGTH } from '../../../../shared/protocol/messages.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useCommand } from '../../sync/useCommand.ts'
import { ConfidenceBadge } from '../keyResults/ConfidenceControl.tsx'
import { ConfirmationBadge } from './ConfirmationBadge.tsx'
import './cascade.css'
import { useTranslation } from 'react-i18next'

/**
 * The company meeting after publishing: each department's submitted set, live. The facilitator (the CEO) confirms
 * it or sends it back with a comment; everyone else reads where each stands.
 */
export function DepartmentSets({ departments, company, isCeo }: { departments: readonly DepartmentEntry[]; company: PublishedSet; isCeo: boolean }) {
  const { view } = useMeeting()
  const { t } = useTranslation()
  const origin = window.location.origin
  return (
    <section className="card department-sets" aria-labelledby="department-sets-heading">
      <h3 id="department-sets-heading">{t('departments.heading')}</h3>
      {departments.length === 0 ? (
        <p className="hint">
          {t('departments.noneBefore')} <a href={`/?company=${view.id}`}>{`${origin}/?company=${view.id}`}</a> {t('departments.noneAfter')}
        </p>
      ) : (
        <p className="hint">
          {isCeo ? t('departments.ceoHint') : t('departments.otherHint')} <a href={`/p/${view.id}/alignment`}>{t('departments.seeAlignment')}</a>
        </p>
      )}
      <ul className="department-list">
        {departments.map((d) => (
          <DepartmentSetCard key={d.id} entry={d} company={company} isCeo={isCeo} />
        ))}
      </ul>
    </section>
  )
}

function DepartmentSetCard({ entry, company, isCeo }: { entry: DepartmentEntry; company: PublishedSet; isCeo: boolean }) {
  const { client } = useMeeting()
  const { t } = useTranslation()
  const id = useId()
  const [isSendingBack, setSendingBack] = useState(false)
  const [comment, setComment] = useState('')
  const confirm = useCommand(() => client.send({ type: 'confirmDepartmentSet', departmentMeetingId: entry.id }))
  const sendBack = useCommand((text: string) => client.send({ type: 'sendBackDepartmentSet', departmentMeetingId: entry.id, comment: text }))
  const status = entry.confirmation.status
  const submitSendBack = async (event: FormEvent) => {
    event.preventDefault()
    if (await sendBack.execute(comment)) {
      setSendingBack(false)
      setComment('')
    }
  }
  return (
    <li className="department-set" aria-labelledby={`${id}-name`}>
      <div className="department-head">
        <h4 id={`${id}-name`}>{entry.department}</h4>
        <ConfirmationBadge status={status} />
      </div>
      {entry.confirmation.status === 'sent_back' && <p className="hint">{t('departments.yourComment', { comment: entry.confirmation.comment })}</p>}
      <ol className="department-objectives" aria-label={t('departments.objectivesOf', { department: entry.department })}>
        {entry.published.objectives.map((o) => {
          const supports = describeLink(company.objectives, entry.objectives.find((d) => d.id === o.id)?.supports ?? null)
          return (
            <li key={o.id}>
              <p className="kr-statement">{o.title}</p>
              <p className="hint">
                {t('departments.supports')} {supports ? <strong>{supports.label}</strong> : <strong>{t('departments.nothingLinked')}</strong>}
              </p>
              <ul className="compact-krs" aria-label={t('personal.krsFor', { title: o.title })}>
                {o.keyResults.map((kr) => (
                  <li key={kr.id}>
                    {kr.statement} <ConfidenceBadge confidence={kr.confidence} />
                  </li>
                ))}
              </ul>
            </li>
          )
        })}
      </ol>
      {isCeo && status === 'submitted' && !isSendingBack && (
        <div className="button-row">
          <button
            type="button"
            className="primary"
            disabled={confirm.state.phase === 'saving'}
            onClick={() => void confirm.execute()}
            aria-label={t('departments.confirmLabel', { department: entry.department })}
          >
            {t('departments.confirm')}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => setSendingBack(true)}
            aria-label={t('departments.sendBackLabel', { department: entry.department })}
          >
            {t('departments.sendBack')}
          </button>
        </div>
      )}
      {isCeo && isSendingBack && (
        <form className="send-back-form" onSubmit={submitSendBack}>
          <label htmlFor={`${id}-comment`}>{t('departments.whatChange', { department: entry.department })}</label>
          <textarea
            id={`${id}-comment`}
            required
            maxLength={MAX_CASCADE_COMMENT_LENGTH}
            rows={3}
            value={comment}
            autoFocus
            onChange={(e) => setComment(e.target.value)}
          />
          <div className="button-row">
            <button type="submit" className="danger" disabled={!comment.trim() || sendBack.state.phase === 'saving'}>
              {t('departments.sendBackWith')}
            </button>
            <button type="button" className="secondary" onClick={() => setSendingBack(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {(confirm.state.phase === 'failed' || sendBack.state.phase === 'failed') && (
        <p className="error" role="alert">
          {confirm.state.phase === 'failed' ? confirm.state.message : sendBack.state.phase === 'failed' ? sendBack.state.message : ''}
        </p>
      )}
    </li>
  )
}
