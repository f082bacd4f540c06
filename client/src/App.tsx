import { lazy, Suspense, useMemo } from 'react'
import { parseRoute } from './routes.ts'
import { CreateMeetingPage } from './features/create/CreateMeetingPage.tsx'
import { MeetingPage } from './features/room/MeetingPage.tsx'
import { JoinScreen } from './features/screen/JoinScreen.tsx'
import { adoptFacilitatorLink } from './sync/tokenStorage.ts'
import { NotFound } from './ui/NotFound.tsx'
import { PublishedPage } from './features/published/PublishedPage.tsx'
import { AlignmentPage } from './features/cascade/AlignmentPage.tsx'
import { LoadingPage } from './ui/Spinner.tsx'

// Team spaces (weekly rhythm) are their own chunk: the meeting's first load does not carry them.
const TeamApp = lazy(() => import('./features/rhythm/TeamApp.tsx'))
// The all-hands presentation is opened once a quarter: its own chunk too.
const PlenaryPage = lazy(() => import('./features/plenary/PlenaryPage.tsx'))

export function App() {
  const route = useMemo(() => {
    const parsed = parseRoute(window.location.pathname)
    if (parsed.page !== 'facilitate') return parsed
    // The facilitator link carries its token in the fragment; keep it, then show the plain meeting URL.
    adoptFacilitatorLink(parsed.meetingId, window.location.hash)
    window.history.replaceState(null, '', `/m/${parsed.meetingId}`)
    return { page: 'meeting' as const, meetingId: parsed.meetingId }
  }, [])

  switch (route.page) {
    case 'create':
      return <CreateMeetingPage />
    case 'meeting':
      return <MeetingPage meetingId={route.meetingId} />
    case 'published':
      return <PublishedPage meetingId={route.meetingId} />
    case 'plenary':
      return (
        <Suspense fallback={<LoadingPage message="Loading the presentation…" />}>
          <PlenaryPage meetingId={route.meetingId} />
        </Suspense>
      )
    case 'alignment':
      return <AlignmentPage meetingId={route.meetingId} />
    case 'screen':
      return <JoinScreen meetingId={route.meetingId} />
    case 'team':
      return (
        <Suspense fallback={<LoadingPage message="Loading the team space…" />}>
          <TeamApp pathname={route.pathname} />
        </Suspense>
      )
    default:
      return <NotFound />
  }
}
