import { useEffect, useState } from 'react'
import { MeetingClient } from '../../../../shared/client/MeetingClient.ts'
import { assembleMission } from '../../../../shared/meeting/mission.ts'
import { countPresence, doneProgress } from '../../../../shared/presence/roomCounts.ts'
import { STAGE_LABELS } from '../../../../shared/stages/stages.ts'
import { useMeetingView } from '../../sync/useMeetingView.ts'
import { socketBaseUrl } from '../../sync/socketUrl.ts'
import { joinLinkFor } from '../../sync/tokenStorage.ts'
import { QrCode } from '../../ui/QrCode.tsx'
import { LoadingPage } from '../../ui/Spinner.tsx'
import { formatCount } from '../../ui/formatCount.ts'
import { VoteResults } from '../vote/VoteResults.tsx'

/** For the projector: the join link large, a big QR code, and the room's counts. Reads only; joins nobody. */
export function JoinScreen({ meetingId }: { meetingId: string }) {
  const [client, setClient] = useState<MeetingClient | null>(null)
  useEffect(() => {
    const c = new MeetingClient({ serverUrl: socketBaseUrl(), meetingId })
    setClient(c)
    return () => c.destroy()
  }, [meetingId])
  const view = useMeetingView(client)
  if (!view) return <LoadingPage message="Connecting to the meeting…" />
  const link = joinLinkFor(meetingId)
  const counts = countPresence(view)
  const progress = doneProgress(view)
  if (view.stage === 'vote' && view.vote?.phase === 'revealed') {
    return (
      <main className="projector projector-single">
        <div>
          <p className="eyebrow">{view.quarter} · {STAGE_LABELS[view.stage]}</p>
          <h1>{view.title}</h1>
          <VoteResults vote={view.vote} isProjector />
        </div>
      </main>
    )
  }
  return (
    <main className="projector">
      <div className="projector-text">
        <p className="eyebrow">{view.quarter} · {STAGE_LABELS[view.stage]}</p>
        <h1>{view.title}</h1>
        <blockquote className="mission big">{assembleMission(view.mission)}</blockquote>
        <p className="projector-join">Join at <strong className="projector-link">{link}</strong></p>
        <p className="projector-count" aria-live="polite">
          <strong>{formatCount(counts.joined)}</strong> joined
          {progress.isTracked && <> · <strong>{formatCount(progress.done)}</strong> of {formatCount(progress.total)} done</>}
        </p>
      </div>
      <QrCode text={link} size={420} label="QR code: scan to join the meeting" />
    </main>
  )
}
