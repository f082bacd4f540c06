import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useMySubmissions } from '../../sync/useFeed.ts'
import { plural } from '../../ui/formatCount.ts'
import { ProposeForm } from './ProposeForm.tsx'
import { MyProposals } from './MyProposals.tsx'
import { OpenProposals } from './OpenProposals.tsx'

export function SubmitStage() {
  const { client, view } = useMeeting()
  const mine = useMySubmissions(client)
  const authored = mine.filter((s) => s.relation === 'author').length
  return (
    <div className="submit-stage">
      <p className="proposal-count" aria-live="polite">
        <strong>{plural(view.submissionCount, 'objective', 'objectives')}</strong> proposed so far
        {!view.settings.isOpenSubmissions && <span className="hint"> · others’ proposals stay private until the Group stage</span>}
      </p>
      <ProposeForm remaining={Math.max(0, view.settings.maxSubmissionsPerPerson - authored)} />
      <MyProposals items={mine} />
      {view.settings.isOpenSubmissions && <OpenProposals />}
    </div>
  )
}
