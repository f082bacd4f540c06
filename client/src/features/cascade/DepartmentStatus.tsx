import type { CascadeView } from '../../../../shared/cascade/cascadeDoc.ts'
import { describeLink } from '../../../../shared/cascade/supportOptions.ts'
import type { PublishedSet } from '../../../../shared/exports/publishedSet.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useCommand } from '../../sync/useCommand.ts'
import { ConfirmationBadge } from './ConfirmationBadge.tsx'
import './cascade.css'
import { useTranslation } from 'react-i18next'
import { currentLocale } from '../../i18n/i18n.ts'

/** A published department set: where it stands with the CEO; after a send-back, the comment and the way to reopen. */
export function DepartmentStatus({ cascade, published, isFacilitator }: { cascade: CascadeView; published: PublishedSet; isFacilitator: boolean }) {
  const { client } = useMeeting()
  const { t } = useTranslation()
  const reopen = useCommand(() => client.send({ type: 'reopenDepartmentSet' }))
  const link = cascade.link
  if (!link) return null
  const c = cascade.confirmation
  const when = c.status === 'draft' ? '' : new Date(c.at).toLocaleString(currentLocale(), { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <section className={`card department-status status-${c.status}`} aria-labelledby="department-status-heading" aria-live="polite">
      <p className="eyebrow">{t('cascade.alignedTo', { department: link.department, company: link.company.title })}</p>
      <h3 id="department-status-heading">
        <ConfirmationBadge status={c.status} />
      </h3>
      {c.status === 'submitted' && <p>{t('cascade.wentToCeo', { when })}</p>}
      {c.status === 'confirmed' && <p>{t('cascade.ceoConfirmed', { when })}</p>}
      {c.status === 'sent_back' && (
        <>
          <p>{t('cascade.ceoSentBack', { when })}</p>
          <blockquote className="ceo-comment">{c.comment}</blockquote>
          {isFacilitator ? (
            <>
              <button type="button" className="primary" disabled={reopen.state.phase === 'saving'} onClick={() => void reopen.execute()}>
                {t('cascade.reopen')}
              </button>
              <p className="hint">{t('cascade.reopenHint')}</p>
            </>
          ) : (
            <p className="hint">{t('cascade.facilitatorReopens')}</p>
          )}
          {reopen.state.phase === 'failed' && (
            <p className="error" role="alert">
              {reopen.state.message}
            </p>
          )}
        </>
      )}
      <ul className="supports-summary" aria-label={t('cascade.whatSupports', { department: link.department })}>
        {published.objectives.map((o) => (
          <li key={o.id}>
            <strong>{o.title}</strong> {t('cascade.supports')}{' '}
            {describeLink(link.company.objectives, cascade.supports[o.id] ?? null)?.label ?? t('cascade.nothingYet')}
          </li>
        ))}
      </ul>
      <p className="hint">
        <a href={`/p/${link.companyMeetingId}/alignment`}>{t('cascade.seeAlignment')}</a>
      </p>
    </section>
  )
}
