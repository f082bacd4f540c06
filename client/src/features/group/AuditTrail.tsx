import { useCallback, useId, useState } from 'react'
import type { AuditEntry } from '../../../../shared/board/auditTypes.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useCommand } from '../../sync/useCommand.ts'
import { useTranslation } from 'react-i18next'
import { currentLocale } from '../../i18n/i18n.ts'
import { translateServerLabel } from '../../i18n/serverMessages.ts'

const formatTime = (at: number) => new Intl.DateTimeFormat(currentLocale(), { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(at)

/** Who merged or moved what, newest first, read from the server on request (facilitator only). */
export function AuditTrail() {
  const { client } = useMeeting()
  const { t } = useTranslation()
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
          {t('audit.button')}
        </button>
        {isOpen && (
          <button type="button" className="link" onClick={() => void execute()} disabled={state.phase === 'saving'}>
            {t('common.refresh')}
          </button>
        )}
      </div>
      <div id={regionId} hidden={!isOpen}>
        <p className="hint" aria-live="polite">
          {state.phase === 'saving'
            ? t('common.loading')
            : state.phase === 'failed'
              ? state.message
              : entries
                ? t('audit.entries', { count: entries.length })
                : ''}
        </p>
        {entries && entries.length > 0 && (
          <ol className="audit-list" aria-label={t('audit.list')} tabIndex={0}>
            {entries.map((e, i) => (
              <li key={`${e.at}-${i}`}>
                <time dateTime={new Date(e.at).toISOString()}>{formatTime(e.at)}</time> <strong>{e.actorName}</strong>{' '}
                {translateServerLabel(t, e.action, 'auditAction')}: <span className="audit-detail">{translateServerLabel(t, e.detail, 'boardLabel')}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  )
}
