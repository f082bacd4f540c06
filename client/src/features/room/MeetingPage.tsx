import { useConnection } from '../../state/connectionStore.ts'
import { useMeetingClient } from '../../sync/useMeetingClient.ts'
import { useMeetingView } from '../../sync/useMeetingView.ts'
import { MeetingContext } from '../../sync/MeetingContext.tsx'
import { LoadingPage } from '../../ui/Spinner.tsx'
import { JoinForm } from '../join/JoinForm.tsx'
import { MeetingRoom } from './MeetingRoom.tsx'
import { PublishedPage } from '../published/PublishedPage.tsx'

export function MeetingPage({ meetingId }: { meetingId: string }) {
  const client = useMeetingClient(meetingId)
  const view = useMeetingView(client)
  const isMissing = useConnection((s) => s.isMissing)
  const identity = useConnection((s) => s.identity)
  const hasToken = useConnection((s) => s.hasToken)

  if (isMissing) {
    return (
      <main className="page narrow">
        <h1>Meeting not found</h1>
        <p>This meeting link does not exist. Ask the facilitator for the current link.</p>
        <p>
          <a className="button" href="/">
            Create a meeting
          </a>
        </p>
      </main>
    )
  }
  if (!client || !view) return <LoadingPage message="Connecting to the meeting…" />
  if (!identity && hasToken) return <LoadingPage message="Rejoining the meeting…" />
  // Nobody joins a finished meeting: the join link now leads to what it decided.
  if (!identity && view.stage === 'published') {
    return <PublishedPage meetingId={meetingId} intro="This meeting has finished and published its OKRs; joining is closed. Here they are." />
  }
  if (!identity) return <JoinForm client={client} view={view} />
  return (
    <MeetingContext.Provider value={{ client, view }}>
      <MeetingRoom />
    </MeetingContext.Provider>
  )
}
