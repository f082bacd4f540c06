import { useCallback, useId, useState } from 'react'
import type { AuditEntry } from '../../../../shared/board/auditTypes.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useCommand } from '../../sync/useCommand.ts'
import { plural } from '../../ui/formatCount.ts'

const timeFormat = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', second: '2-digit' })

/** Who merged or moved what, newest first, read from the server on request (facilitator only). */
export function AuditTrail() {
  const { client } = useMeeting()
  const [isOpen, setOpen] = useState(false)
  const [entries, setEntries] = useState<AuditEntry[] | null>(null)
  const regionId = useId()
  const load = useCallback(async () => {
    const result = await client.send({ type: 'readAudit' })
    setEntries([...result.entries].reverse())
    return result
  }, [client])
  const { state, execute } = useCommand(load)
  const toggle = () => {
    const next = !isOpen
    setOpen(next)
    if (next) void execute()
  }
  return (
    <section className="audit">
      <div className="panel-head">
        <button type="button" className="secondary" aria-expanded={isOpen} aria-controls={regionId} onClick={toggle}>
          Audit trail
        </button>
        {isOpen && (
          <button type="button" className="link" onClick={() => void execute()} disabled={state.phase === 'saving'}>
            Refresh
          </button>
        )}
      </div>
      <div id={regionId} hidden={!isOpen}>
        <p className="hint" aria-live="polite">
          {state.phase === 'saving'
            ? 'Loading…'
            : state.phase === 'failed'
              ? state.message
              : entries
                ? `${plural(entries.length, 'entry', 'entries')}, newest first.`
                : ''}
        </p>
        {entries && entries.length > 0 && (
          <ol className="audit-list" aria-label="Audit trail">
            {entries.map((e, i) => (
              <li key={`${e.at}-${i}`}>
                <time dateTime={new Date(e.at).toISOString()}>{timeFormat.format(e.at)}</time> <strong>{e.actorName}</strong> {e.action}:{' '}
                <span className="audit-detail">{e.detail}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  )
}
