import type { CascadeView } from '../../../../shared/cascade/cascadeDoc.ts'
import { describeLink } from '../../../../shared/cascade/supportOptions.ts'
import type { PublishedSet } from '../../../../shared/exports/publishedSet.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useCommand } from '../../sync/useCommand.ts'
import { ConfirmationBadge } from './ConfirmationBadge.tsx'
import './cascade.css'

/** A published department set: where it stands with the CEO; after a send-back, the comment and the way to reopen. */
export function DepartmentStatus({ cascade, published, isFacilitator }: { cascade: CascadeView; published: PublishedSet; isFacilitator: boolean }) {
  const { client } = useMeeting()
  const reopen = useCommand(() => client.send({ type: 'reopenDepartmentSet' }))
  const link = cascade.link
  if (!link) return null
  const c = cascade.confirmation
  const when = c.status === 'draft' ? '' : new Date(c.at).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <section className={`card department-status status-${c.status}`} aria-labelledby="department-status-heading" aria-live="polite">
      <p className="eyebrow">
        {link.department} · aligned to {link.company.title}
      </p>
      <h3 id="department-status-heading">
        <ConfirmationBadge status={c.status} />
      </h3>
      {c.status === 'submitted' && <p>The set went to the CEO on {when}. This page updates as soon as they decide.</p>}
      {c.status === 'confirmed' && <p>The CEO confirmed this set on {when}. It is part of the company’s alignment view.</p>}
      {c.status === 'sent_back' && (
        <>
          <p>The CEO sent the set back on {when}:</p>
          <blockquote className="ceo-comment">{c.comment}</blockquote>
          {isFacilitator ? (
            <>
              <button type="button" className="primary" disabled={reopen.state.phase === 'saving'} onClick={() => void reopen.execute()}>
                Reopen to Key results
              </button>
              <p className="hint">Everyone’s screen returns to Key results; publish again to resubmit the set.</p>
            </>
          ) : (
            <p className="hint">The facilitator reopens the set to make the changes.</p>
          )}
          {reopen.state.phase === 'failed' && (
            <p className="error" role="alert">
              {reopen.state.message}
            </p>
          )}
        </>
      )}
      <ul className="supports-summary" aria-label={`What ${link.department}’s objectives support`}>
        {published.objectives.map((o) => (
          <li key={o.id}>
            <strong>{o.title}</strong> supports {describeLink(link.company.objectives, cascade.supports[o.id] ?? null)?.label ?? 'nothing yet'}
          </li>
        ))}
      </ul>
      <p className="hint">
        <a href={`/p/${link.companyMeetingId}/alignment`}>See the company’s alignment view</a>
      </p>
    </section>
  )
}
