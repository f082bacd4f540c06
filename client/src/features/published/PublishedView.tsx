import { lazy, Suspense } from 'react'
import type { PublishedSet } from '../../../../shared/exports/publishedSet.ts'
import { ConfidenceBadge } from '../keyResults/ConfidenceControl.tsx'
import { useTranslation } from 'react-i18next'
import { currentLocale } from '../../i18n/i18n.ts'

// Team spaces (weekly rhythm) load with their own chunk, after the OKRs are on screen.
const TeamSpaces = lazy(() => import('../rhythm/TeamSpaces.tsx'))

const minutes = (ms: number) => (ms < 30_000 ? '<1 min' : `${Math.round(ms / 60000)} min`)

/** The published OKRs: mission on top, objectives with their key results, the meeting's summary. Printable. */
export function PublishedView({ set }: { set: PublishedSet }) {
  const base = `/api/meetings/${set.meetingId}/export`
  const { t } = useTranslation()
  const s = set.summary
  const voting =
    s.voters === undefined
      ? t('published.ballots', { count: s.ballots })
      : (s.votingRounds ?? 1) > 1
        ? t('published.votersRounds', { count: s.voters, rounds: s.votingRounds })
        : t('published.votersOnly', { count: s.voters })
  return (
    <article className="published">
      <header>
        <p className="eyebrow">
          {t('published.eyebrow', { quarter: set.quarter, date: new Date(set.publishedAt).toLocaleDateString(currentLocale(), { dateStyle: 'long' }) })}
        </p>
        <h1>{set.title}</h1>
        <blockquote className="mission big">{set.mission}</blockquote>
        <p className="no-print">
          <a className="button primary" href={`/p/${set.meetingId}/present`}>
            {t('published.present')}
          </a>
        </p>
      </header>
      {set.objectives.map((o, i) => (
        <section key={o.id} className="published-objective" aria-labelledby={`pub-${o.id}`}>
          <h2 id={`pub-${o.id}`}>
            <span className="objective-number">{t('published.objective', { number: i + 1 })}</span> {o.title}
          </h2>
          <p className="hint">
            {[o.team && t('published.owner', { team: o.team }), o.deadline && t('published.deadline', { date: formatDeadline(o.deadline) })]
              .filter(Boolean)
              .join(' · ')}
          </p>
          {o.whyNow && <p className="why-now">{t('published.whyNow', { text: o.whyNow })}</p>}
          <ol className="published-krs" aria-label={t('published.krList', { title: o.title })}>
            {o.keyResults.map((kr) => (
              <li key={kr.id}>
                <p className="kr-statement">{kr.statement}</p>
                <p className="hint">
                  {kr.target && `${kr.baseline || '?'} → ${kr.target} ${kr.unit} · `}
                  {kr.owner && `${t('published.krOwner', { owner: kr.owner })} · `}
                  <ConfidenceBadge confidence={kr.confidence} />
                </p>
              </li>
            ))}
          </ol>
        </section>
      ))}
      <section className="summary no-print-break" aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t('published.howSet')}</h2>
        <p>{t('published.summary', { participants: s.participants, submissions: s.submissions, merges: s.merges, voting })}</p>
        <p className="hint">{s.stageDurations.map((d) => `${t(`stages.${d.stage}.label`)} ${minutes(d.ms)}`).join(' · ')}</p>
      </section>
      <Suspense fallback={null}>
        <TeamSpaces set={set} />
      </Suspense>
      <nav className="exports no-print" aria-label={t('published.downloads')}>
        <a className="button secondary" href={`${base}.md`} download>
          {t('published.md')}
        </a>
        <a className="button secondary" href={`${base}.csv`} download>
          {t('published.csv')}
        </a>
        <a className="button secondary" href={`${base}.json`} download>
          {t('published.json')}
        </a>
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t('published.print')}
        </button>
        <a className="button secondary" href={`/?previous=${set.meetingId}`}>
          {t('published.planNext')}
        </a>
      </nav>
    </article>
  )
}

/** "2027-03-31" as the reader's language writes a date ("31 March 2027", "31 de marzo de 2027"). */
function formatDeadline(isoDate: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`)
  return Number.isNaN(date.getTime()) ? isoDate : date.toLocaleDateString(currentLocale(), { dateStyle: 'long', timeZone: 'UTC' })
}
