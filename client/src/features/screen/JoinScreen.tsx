import { useEffect, useState } from 'react'
import { MeetingClient } from '../../../../shared/client/MeetingClient.ts'
import { countPresence, doneProgress } from '../../../../shared/presence/roomCounts.ts'
import { formatCountdown, timerRemainingMs } from '../../../../shared/presence/timer.ts'
import { STAGES, stageIndex } from '../../../../shared/stages/stages.ts'
import { useMeetingView } from '../../sync/useMeetingView.ts'
import { socketBaseUrl } from '../../sync/socketUrl.ts'
import { joinLinkFor } from '../../sync/tokenStorage.ts'
import { useNow } from '../../sync/useNow.ts'
import { QrCode } from '../../ui/QrCode.tsx'
import { LoadingPage } from '../../ui/Spinner.tsx'
import { Trans, useTranslation } from 'react-i18next'
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
  const { t } = useTranslation()
  useNow(500, view?.timer != null)
  if (!view || !client) return <LoadingPage message={t('presenter.connecting')} />
  const link = joinLinkFor(meetingId)
  const counts = countPresence(view)
  const progress = doneProgress(view)
  const remaining = timerRemainingMs(view.timer, client.serverNow())
  const isArriving = view.stage === 'mission' || view.stage === 'submit'
  const isResults = view.stage === 'vote' && view.vote?.phase === 'revealed'
  return (
    <main className={`presenter ${isArriving ? 'arriving' : ''} ${isResults ? 'results-view' : ''}`}>
      <header className="presenter-head">
        <p className="eyebrow">{t('presenter.stageOf', { quarter: view.quarter, n: stageIndex(view.stage) + 1, total: STAGES.length })}</p>
        <h1>
          {t(`stages.${view.stage}.label`)} <span className="presenter-title">· {view.title}</span>
        </h1>
      </header>
      <section className="presenter-main" aria-label={t('presenter.mainLabel')}>
        <PresenterStage view={view} />
      </section>
      <aside className="presenter-side" aria-label={t('presenter.sideLabel')}>
        {remaining !== null && (
          <p className={`presenter-timer ${remaining === 0 ? 'over' : ''}`} role="timer" aria-label={t('presenter.timerLabel')}>
            {remaining === 0 ? t('presenter.timesUp') : formatCountdown(remaining)}
          </p>
        )}
        <p className="presenter-count" aria-live="polite">
          <Trans i18nKey="presenter.joined" values={{ count: counts.joined }} components={{ strong: <strong /> }} />
          {progress.isTracked && view.stage !== 'vote' && (
            <>
              <br />
              <Trans i18nKey="presenter.done" values={{ done: progress.done, total: progress.total }} components={{ strong: <strong /> }} />
            </>
          )}
        </p>
        {view.stage !== 'published' && (
          <div className="presenter-join">
            <QrCode text={link} size={isArriving ? 360 : 180} label={t('presenter.qrLabel')} />
            <p>
              <Trans i18nKey="presenter.joinAt" values={{ link }} components={{ strong: <strong className="projector-link" /> }} />
            </p>
          </div>
        )}
      </aside>
    </main>
  )
}
