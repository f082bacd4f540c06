import { useEffect, useState } from 'react'
import { MeetingClient } from '../../../../shared/client/MeetingClient.ts'
import { countPresence, doneProgress } from '../../../../shared/presence/roomCounts.ts'
import { formatCountdown, timerRemainingMs } from '../../../../shared/presence/timer.ts'
import { STAGES, STAGE_LABELS, stageIndex } from '../../../../shared/stages/stages.ts'
import { useMeetingView } from '../../sync/useMeetingView.ts'
import { socketBaseUrl } from '../../sync/socketUrl.ts'
import { joinLinkFor } from '../../sync/tokenStorage.ts'
import { useNow } from '../../sync/useNow.ts'
import { QrCode } from '../../ui/QrCode.tsx'
import { LoadingPage } from '../../ui/Spinner.tsx'
import { formatCount } from '../../ui/formatCount.ts'
import { PresenterStage } from './PresenterStage.tsx'

/**
 * The big-room presenter view (/m/<id>/screen), for the projector: the stage and its question, the counts, the
 * timer, and the join QR code (large while people arrive, in a corner afterwards). Reads only; joins nobody.
 */
export function JoinScreen({ meetingId }: { meetingId: string }) {
  const [client, setClient] = useState<MeetingClient | null>(null)
  useEffect(() => {
    const c = new MeetingClient({ serverUrl: socketBaseUrl(), meetingId })
    setClient(c)
    return () => c.destroy()
  }, [meetingId])
  const view = useMeetingView(client)
  useNow(500, view?.timer != null)
  if (!view || !client) return <LoadingPage message="Connecting to the meeting…" />
  const link = joinLinkFor(meetingId)
  const counts = countPresence(view)
  const progress = doneProgress(view)
  const remaining = timerRemainingMs(view.timer, client.serverNow())
  const isArriving = view.stage === 'mission' || view.stage === 'submit'
  const isResults = view.stage === 'vote' && view.vote?.phase === 'revealed'
  return (
    <main className={`presenter ${isArriving ? 'arriving' : ''} ${isResults ? 'results-view' : ''}`}>
      <header className="presenter-head">
        <p className="eyebrow">
          {view.quarter} · stage {stageIndex(view.stage) + 1} of {STAGES.length}
        </p>
        <h1>
          {STAGE_LABELS[view.stage]} <span className="presenter-title">· {view.title}</span>
        </h1>
      </header>
      <section className="presenter-main" aria-label="What the room is doing">
        <PresenterStage view={view} />
      </section>
      <aside className="presenter-side" aria-label="Room">
        {remaining !== null && (
          <p className={`presenter-timer ${remaining === 0 ? 'over' : ''}`} role="timer" aria-label="Stage timer">
            {remaining === 0 ? 'Time’s up' : formatCountdown(remaining)}
          </p>
        )}
        <p className="presenter-count" aria-live="polite">
          <strong>{formatCount(counts.joined)}</strong> joined
          {progress.isTracked && view.stage !== 'vote' && (
            <>
              <br />
              <strong>{formatCount(progress.done)}</strong> of {formatCount(progress.total)} done
            </>
          )}
        </p>
        {view.stage !== 'published' && (
          <div className="presenter-join">
            <QrCode text={link} size={isArriving ? 360 : 180} label="QR code: scan to join the meeting" />
            <p>
              Join at <strong className="projector-link">{link}</strong>
            </p>
          </div>
        )}
      </aside>
    </main>
  )
}
