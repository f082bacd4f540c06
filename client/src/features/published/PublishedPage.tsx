import { useEffect, useState } from 'react'
import type { PublishedSet } from '../../../../shared/exports/publishedSet.ts'
import { LoadingPage } from '../../ui/Spinner.tsx'
import { PublishedView } from './PublishedView.tsx'
import { AlignmentSection } from '../cascade/AlignmentSection.tsx'

/** The company-wide, read-only link: no sign-in, no socket, just the published OKRs. */
export function PublishedPage({ meetingId, intro }: { meetingId: string; intro?: string }) {
  const [state, setState] = useState<{ phase: 'loading' } | { phase: 'ready'; set: PublishedSet } | { phase: 'missing' | 'failed'; message: string }>({
    phase: 'loading',
  })
  useEffect(() => {
    fetch(`/api/meetings/${meetingId}/published`)
      .then(async (res) => {
        if (res.status === 404) return setState({ phase: 'missing', message: 'These OKRs are not published (yet), or the link is wrong.' })
        if (!res.ok) return setState({ phase: 'failed', message: `The server answered ${res.status}.` })
        setState({ phase: 'ready', set: (await res.json()) as PublishedSet })
      })
      .catch(() => setState({ phase: 'failed', message: 'The server cannot be reached. Check your connection and reload.' }))
  }, [meetingId])
  if (state.phase === 'loading') return <LoadingPage message="Loading the published OKRs…" />
  if (state.phase !== 'ready') {
    return (
      <main className="page narrow">
        <h1>{state.phase === 'missing' ? 'Not published' : 'Could not load'}</h1>
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
