import { useEffect, useState } from 'react'
import type { PublishedSet } from '../../../../shared/exports/publishedSet.ts'
import { LoadingPage } from '../../ui/Spinner.tsx'
import { PublishedView } from './PublishedView.tsx'
import { AlignmentSection } from '../cascade/AlignmentSection.tsx'
import { useTranslation } from 'react-i18next'
import i18next from '../../i18n/i18n.ts'

/** The company-wide, read-only link: no sign-in, no socket, just the published OKRs. */
export function PublishedPage({ meetingId, intro }: { meetingId: string; intro?: string }) {
  const { t } = useTranslation()
  const [state, setState] = useState<{ phase: 'loading' } | { phase: 'ready'; set: PublishedSet } | { phase: 'missing' | 'failed'; message: string }>({
    phase: 'loading',
  })
  useEffect(() => {
    fetch(`/api/meetings/${meetingId}/published`)
      .then(async (res) => {
        if (res.status === 404) return setState({ phase: 'missing', message: i18next.t('pages.notPublishedText') })
        if (!res.ok) return setState({ phase: 'failed', message: i18next.t('pages.answered', { status: res.status }) })
        setState({ phase: 'ready', set: (await res.json()) as PublishedSet })
      })
      .catch(() => setState({ phase: 'failed', message: i18next.t('pages.unreachable') }))
  }, [meetingId])
  if (state.phase === 'loading') return <LoadingPage message={t('pages.loadingPublished')} />
  if (state.phase !== 'ready') {
    return (
      <main className="page narrow">
        <h1>{state.phase === 'missing' ? t('pages.notPublished') : t('pages.couldNotLoad')}</h1>
        <p>{state.message}</p>
      </main>
    )
  }
  return (
    <main className="page published-page">
      {intro && (
        <p className="notice" role="status">
          {intro}
        </p>
      )}
      <PublishedView set={state.set} />
      <AlignmentSection meetingId={meetingId} />
    </main>
  )
}
