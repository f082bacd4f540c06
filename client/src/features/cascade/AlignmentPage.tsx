import { LoadingPage } from '../../ui/Spinner.tsx'
import { useAlignment } from './AlignmentSection.tsx'
import { AlignmentView } from './AlignmentView.tsx'
import { useTranslation } from 'react-i18next'

/** /p/<id>/alignment: the company's alignment view on its own, read-only, no sign-in. */
export function AlignmentPage({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation()
  const state = useAlignment(meetingId)
  if (state.phase === 'loading') return <LoadingPage message={t('cascade.loadingAlignment')} />
  if (state.phase === 'failed') {
    return (
      <main className="page narrow">
        <h1>{t('cascade.couldNotLoad')}</h1>
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
        <a href={`/p/${report.company.meetingId}`}>{t('cascade.companyPublished')}</a>
      </p>
    </main>
  )
}
