import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useMySubmissions } from '../../sync/useFeed.ts'
import { ProposeForm } from './ProposeForm.tsx'
import { MyProposals } from './MyProposals.tsx'
import { OpenProposals } from './OpenProposals.tsx'
import { Trans } from 'react-i18next'

export function SubmitStage() {
  const { client, view } = useMeeting()
  const mine = useMySubmissions(client)
  const authored = mine.filter((s) => s.relation === 'author').length
  return (
    <div className="submit-stage">
      <p className="proposal-count" aria-live="polite">
        <Trans i18nKey="submit.count" count={view.submissionCount} components={{ strong: <strong /> }} />
        {!view.settings.isOpenSubmissions && (
          <span className="hint">
            <Trans i18nKey="submit.private" />
          </span>
        )}
      </p>
      <ProposeForm remaining={Math.max(0, view.settings.maxSubmissionsPerPerson - authored)} />
      <MyProposals items={mine} />
      {view.settings.isOpenSubmissions && <OpenProposals />}
    </div>
  )
}
