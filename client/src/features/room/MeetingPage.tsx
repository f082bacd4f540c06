import { useConnection } from '../../state/connectionStore.ts'
import { useMeetingClient } from '../../sync/useMeetingClient.ts'
import { useMeetingView } from '../../sync/useMeetingView.ts'
import { MeetingContext } from '../../sync/MeetingContext.tsx'
import { LoadingPage } from '../../ui/Spinner.tsx'
import { JoinForm } from '../join/JoinForm.tsx'
import { MeetingRoom } from './MeetingRoom.tsx'
import { PublishedPage } from '../published/PublishedPage.tsx'
import { useTranslation } from 'react-i18next'

export function MeetingPage({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation()
  const client = useMeetingClient(meetingId)
  const view = useMeetingView(client)
  const isMissing = useConnection((s) => s.isMissing)
  const identity = useConnection((s) => s.identity)
  const hasToken = useConnection((s) => s.hasToken)

  if (isMissing) {
    return (
      <main className="page narrow">
        <h1>{t('pages.meetingNotFound')}</h1>
        <p>{t('pages.meetingNotFoundText')}</p>
        <p>
          <a className="button" href="/">
            {t('pages.createMeeting')}
          </a>
        </p>
      </main>
    )
  }
  if (!client || !view) return <LoadingPage message={t('pages.connecting')} />
  if (!identity && hasToken) return <LoadingPage message={t('pages.rejoining')} />
  // Nobody joins a finished meeting: the join link now leads to what it decided.
  if (!identity && view.stage === 'published') {
    return <PublishedPage meetingId={meetingId} intro={t('pages.finished')} />
  }
  if (!identity) return <JoinForm client={client} view={view} />
  return (
    <MeetingContext.Provider value={{ client, view }}>
      <MeetingRoom />
    </MeetingContext.Provider>
  )
}
