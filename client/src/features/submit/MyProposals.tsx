import { useState } from 'react'
import type { OwnSubmission } from '../../../../shared/submissions/submissionTypes.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { EditProposal } from './EditProposal.tsx'

/** Your proposals (edit, withdraw) and the ones you support (remove support). */
export function MyProposals({ items }: { items: OwnSubmission[] }) {
  const { client } = useMeeting()
  const [editingId, setEditingId] = useState<string | null>(null)
  const [confirmingId, setConfirmingId] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  if (items.length === 0) return <p className="hint empty">Your proposals will appear here.</p>
  const run = async (action: () => Promise<unknown>) => {
    setError(null)
    try {
      await action()
    } catch (e) {
      setError((e as Error).message)
    }
  }
  return (
    <section aria-labelledby="mine-heading" className="my-proposals">
      <h3 id="mine-heading">Your proposals</h3>
      <ul className="proposal-list" aria-label="Your proposals" tabIndex={0}>
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
                    {item.relation === 'supporter' ? 'You support this' : item.supporterCount > 0 ? `${item.supporterCount} supporting` : 'Your proposal'}
                  </p>
                </div>
                {item.relation === 'author' ? (
                  confirmingId === item.id ? (
                    <div className="button-row">
                      <button type="button" className="danger" onClick={() => void run(() => client.send({ type: 'withdrawSubmission', submissionId: item.id }))}>
                        Yes, withdraw
                      </button>
                      <button type="button" className="secondary" onClick={() => setConfirmingId(null)}>Keep it</button>
                    </div>
                  ) : (
                    <div className="button-row">
                      <button type="button" className="secondary" onClick={() => setEditingId(item.id)} aria-label={`Edit “${item.title}”`}>Edit</button>
                      <button type="button" className="link" onClick={() => setConfirmingId(item.id)} aria-label={`Withdraw “${item.title}”`}>Withdraw</button>
                    </div>
                  )
                ) : (
                  <button type="button" className="link" aria-label={`Remove your support from “${item.title}”`}
                    onClick={() => void run(() => client.send({ type: 'supportSubmission', submissionId: item.id, support: false }))}>
                    Remove support
                  </button>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  )
}
