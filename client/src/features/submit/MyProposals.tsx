import { useState } from 'react'
import type { OwnSubmission } from '../../../../shared/submissions/submissionTypes.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { EditProposal } from './EditProposal.tsx'
import { useTranslation } from 'react-i18next'
import { describeFailure } from '../../i18n/describeFailure.ts'

/** Your proposals (edit, withdraw) and the ones you support (remove support). */
export function MyProposals({ items }: { items: OwnSubmission[] }) {
  const { client } = useMeeting()
  const [editingId, setEditingId] = useState<string | null>(null)
  const [confirmingId, setConfirmingId] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const { t } = useTranslation()
  if (items.length === 0) return <p className="hint empty">{t('submit.empty')}</p>
  const run = async (action: () => Promise<unknown>) => {
    setError(null)
    try {
      await action()
    } catch (e) {
      setError(describeFailure(e))
    }
  }
  return (
    <section aria-labelledby="mine-heading" className="my-proposals">
      <h3 id="mine-heading">{t('submit.mine')}</h3>
      <ul className="proposal-list" aria-label={t('submit.mine')} tabIndex={0}>
        {items.map((item) => (
          <li key={item.id} className="proposal">
            {editingId === item.id ? (
              <EditProposal item={item} onDone={() => setEditingId(null)} />
            ) : (
              <>
                <div className="proposal-text">
                  <p className="proposal-title">{item.title}</p>
                  {item.why && <p className="hint">{item.why}</p>}
                  <p className="hint">
                    {item.relation === 'supporter'
                      ? t('submit.youSupport')
                      : item.supporterCount > 0
                        ? t('submit.supporting', { count: item.supporterCount })
                        : t('submit.yourProposal')}
                  </p>
                </div>
                {item.relation === 'author' ? (
                  confirmingId === item.id ? (
                    <div className="button-row">
                      <button
                        type="button"
                        className="danger"
                        onClick={() => void run(() => client.send({ type: 'withdrawSubmission', submissionId: item.id }))}
                      >
                        {t('submit.withdrawYes')}
                      </button>
                      <button type="button" className="secondary" onClick={() => setConfirmingId(null)}>
                        {t('submit.keep')}
                      </button>
                    </div>
                  ) : (
                    <div className="button-row">
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => setEditingId(item.id)}
                        aria-label={t('submit.editLabel', { title: item.title })}
                      >
                        {t('submit.edit')}
                      </button>
                      <button
                        type="button"
                        className="link"
                        onClick={() => setConfirmingId(item.id)}
                        aria-label={t('submit.withdrawLabel', { title: item.title })}
                      >
                        {t('submit.withdraw')}
                      </button>
                    </div>
                  )
                ) : (
                  <button
                    type="button"
                    className="link"
                    aria-label={t('submit.removeSupportLabel', { title: item.title })}
                    onClick={() => void run(() => client.send({ type: 'supportSubmission', submissionId: item.id, support: false }))}
                  >
                    {t('submit.removeSupport')}
                  </button>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
