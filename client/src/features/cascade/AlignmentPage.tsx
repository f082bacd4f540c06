import { LoadingPage } from '../../ui/Spinner.tsx'
import { useAlignment } from './AlignmentSection.tsx'
import { AlignmentView } from './AlignmentView.tsx'

/** /p/<id>/alignment: the company's alignment view on its own, read-only, no sign-in. */
export function AlignmentPage({ meetingId }: { meetingId: string }) {
  const state = useAlignment(meetingId)
  if (state.phase === 'loading') return <LoadingPage message="Loading the alignment view…" />
  if (state.phase === 'failed') {
    return (
      <main className="page narrow">
        <h1>Could not load</h1>
        <p>{state.message}</p>
      </main>
    )
  }
  const { report } = state
  return (
    <main className="page alignment-page">
      <p className="eyebrow">{report.company.title}</p>
      <AlignmentView report={report} headingLevel={1} />
      <p>
        <a href={`/p/${report.company.meetingId}`}>The company’s published OKRs</a>
      </p>
    </main>
  )
}
