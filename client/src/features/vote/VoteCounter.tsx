import { notVoted, votedProgress } from '../../../../shared/presence/roomCounts.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useConnection } from '../../state/connectionStore.ts'
import { useRoster } from '../../sync/useFeed.ts'
import { Trans, useTranslation } from 'react-i18next'

/** "120 of 143 have voted" for everyone; the facilitator also sees who has not (from the roster feed). */
export function VoteCounter() {
  const { client, view } = useMeeting()
  const role = useConnection((s) => s.identity?.role)
  const roster = useRoster(client)
  const round = view.vote?.round ?? 0
  const { voted, total } = votedProgress(view, round)
  const notYet = role === 'facilitator' ? notVoted(roster, round) : []
  const { t } = useTranslation()
  return (
    <div className="vote-counter">
      <p className="done-count" aria-live="polite">
        <Trans t={t} i18nKey="vote.voted" values={{ voted, total }} components={{ strong: <strong /> }} />
      </p>
      {notYet.length > 0 && (
        <details>
          <summary>{t('vote.notVotedSummary', { count: notYet.length })}</summary>
          <ul className="people compact" aria-label={t('vote.notVotedList')} tabIndex={0}>
            {notYet.slice(0, 100).map((p) => (
              <li key={p.id}>
                <span className="person-name">{p.name}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}
