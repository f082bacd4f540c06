import { useCallback, useEffect, useState } from 'react'
import type { PublishedSet } from '../../../../shared/exports/publishedSet.ts'
import { LoadingPage } from '../../ui/Spinner.tsx'
import { PlenarySlideView } from './PlenarySlideView.tsx'
import { plenarySlides, slideStep } from './plenarySlides.ts'
import './plenary.css'
import { useTranslation } from 'react-i18next'
import i18next from '../../i18n/i18n.ts'

type Loaded = { set: PublishedSet; previous: PublishedSet | null }

/**
 * Presentation mode of the published OKRs for the all-hands (/p/<id>/present): one screen at a time, made for a
 * projector, moved with the keyboard or a clicker. The slide number is kept in the URL so a reload stays put.
 */
export default function PlenaryPage({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation()
  const [state, setState] = useState<{ phase: 'loading' } | { phase: 'ready'; data: Loaded } | { phase: 'failed'; message: string }>({ phase: 'loading' })
  useEffect(() => {
    fetch(`/api/meetings/${meetingId}/plenary`)
      .then(async (res) => {
        if (!res.ok)
          return setState({
            phase: 'failed',
            message: res.status === 404 ? i18next.t('pages.notPublishedText') : i18next.t('pages.answered', { status: res.status }),
          })
        setState({ phase: 'ready', data: (await res.json()) as Loaded })
      })
      .catch(() => setState({ phase: 'failed', message: i18next.t('pages.unreachable') }))
  }, [meetingId])
  if (state.phase === 'loading') return <LoadingPage message={t('plenary.loading')} />
  if (state.phase === 'failed') {
    return (
      <main className="page narrow">
        <h1>{t('plenary.couldNotLoad')}</h1>
        <p>{state.message}</p>
      </main>
    )
  }
  return <Deck meetingId={meetingId} data={state.data} />
}

function Deck({ meetingId, data }: { meetingId: string; data: Loaded }) {
  const { t } = useTranslation()
  const slides = plenarySlides(data.set, data.previous)
  const [index, setIndex] = useState(() => Math.min(Math.max(0, Number(window.location.hash.slice(1)) - 1 || 0), slides.length - 1))
  const go = useCallback((to: number) => setIndex(Math.min(Math.max(0, to), slides.length - 1)), [slides.length])
  useEffect(() => {
    window.history.replaceState(null, '', `#${index + 1}`)
  }, [index])
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return
      // A focused button keeps Space and Enter for itself.
      if ((event.key === ' ' || event.key === 'Enter') && event.target instanceof HTMLButtonElement) return
      const step = slideStep(event.key)
      if (step === null) return
      event.preventDefault()
      setIndex((i) => Math.min(Math.max(0, step === 'first' ? 0 : step === 'last' ? slides.length - 1 : i + step), slides.length - 1))
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [slides.length])
  const slide = slides[index]!
  return (
    <main className="plenary" aria-label={t('plenary.label', { title: data.set.title })}>
      <PlenarySlideView slide={slide} position={t('plenary.position', { n: index + 1, total: slides.length })} />
      <nav className="plenary-nav" aria-label={t('plenary.slides')}>
        <button type="button" className="secondary" onClick={() => go(index - 1)} disabled={index === 0}>
          {t('plenary.previous')}
        </button>
        <span className="plenary-position" aria-live="polite">
          {t('plenary.slideOf', { n: index + 1, total: slides.length })}
        </span>
        <button type="button" className="primary" onClick={() => go(index + 1)} disabled={index === slides.length - 1}>
          {t('plenary.next')}
        </button>
        <a className="plenary-exit" href={`/p/${meetingId}`}>
          {t('plenary.leave')}
        </a>
      </nav>
    </main>
  )
}
