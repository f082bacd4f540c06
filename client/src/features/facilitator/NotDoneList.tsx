import { doneProgress, notDone } from '../../../../shared/presence/roomCounts.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useRoster } from '../../sync/useFeed.ts'
import { useTranslation } from 'react-i18next'

const MAX_LISTED = 50

/** Only the facilitator sees names here (from the roster feed); everyone else sees the count. */
export function NotDoneList() {
  const { client, view } = useMeeting()
  const roster = useRoster(client)
  const progress = doneProgress(view)
  const { t } = useTranslation()
  if (!progress.isTracked) return null
  const people = notDone(roster, view.stage)
  // The heading counts the list it heads (both from the roster feed); the summary counts arrive on another path
  // and would make the two disagree for a moment. Before the first roster, the summary is all there is.
  const notDoneCount = roster.length > 0 ? people.length : progress.total - progress.done
  const shown = people.slice(0, MAX_LISTED)
  return (
    <section className="card controls" aria-labelledby="not-done-heading">
      <h2 id="not-done-heading">{t('facilitator.notDoneHeading', { count: notDoneCount })}</h2>
      {people.length === 0 ? (
        <p className="hint">{progress.total === 0 ? t('facilitator.nobodyYet') : t('facilitator.everyoneDone')}</p>
      ) : (
        <ul className="people compact" aria-label={t('facilitator.notDoneList')} tabIndex={0}>
          {shown.map((p) => (
            <li key={p.id}>
              <span className="person-name">{p.name}</span>
              {!p.isOnline && <span className="status away">{t('facilitator.away')}</span>}
            </li>
          ))}
        </ul>
      )}
      {people.length > shown.length && <p className="hint">{t('facilitator.andMore', { count: people.length - shown.length })}</p>}
    </section>
  )
}
