import type { TeamClient } from '../../../../shared/client/TeamClient.ts'
import { checkFourSquare } from '../../../../shared/rhythm/checkFourSquare.ts'
import { quarterWeeks } from '../../../../shared/rhythm/quarterWeeks.ts'
import { fourSquareOf, previousFourSquare, trackedKeyResults, weekOf, type TeamView } from '../../../../shared/rhythm/teamDoc.ts'
import { addWeeks, isoWeekLabel, type WeekId } from '../../../../shared/rhythm/weekId.ts'
import { FridaySection } from './FridaySection.tsx'
import { HealthQuadrant, PlansQuadrant, PrioritiesQuadrant, StatusQuadrant } from './FourSquare.tsx'
import { MondayTimer } from './MondayTimer.tsx'
import { NavLink } from './NavLink.tsx'
import { shortDate, teamPaths } from './teamPaths.ts'
import { CopyField } from '../../ui/CopyField.tsx'
import { useTranslation } from 'react-i18next'
import { translateServerLabel } from '../../i18n/serverMessages.ts'

/** One week of the team: Monday's four-square, the meeting timer, Friday's wins and review. */
export function WeekPage({ client, view, weekId, isEditor }: { client: TeamClient; view: TeamView; weekId: WeekId; isEditor: boolean }) {
  const { t } = useTranslation()
  const weeks = quarterWeeks(view.record.quarter)
  const index = weeks.indexOf(weekId)
  const week = weekOf(view, weekId)
  const previous = previousFourSquare(view.record.name, view.weeks, weekId)
  const keyResults = trackedKeyResults(view.record)
  // Hints, not errors: what is still missing from this week's four-square (the server refuses only wrong edits).
  const todo = checkFourSquare(fourSquareOf(view.record.name, week), previous, keyResults).filter((p) =>
    ['missing_status', 'health_indicator_count'].includes(p.code),
  )
  const prevWeek = index > 0 ? weeks[index - 1] : null
  const nextWeek = index >= 0 && index < weeks.length - 1 ? weeks[index + 1] : null
  const props = { client, view, week, previous, isEditor }
  return (
    <main className="page team-week">
      <nav className="week-nav no-print" aria-label={t('team.weeks')}>
        {prevWeek ? (
          <NavLink className="button secondary" href={teamPaths.week(view.record.id, prevWeek)}>
            ← {t('team.weekOf', { date: shortDate(prevWeek) })}
          </NavLink>
        ) : (
          <span />
        )}
        <h2 className="week-heading">
          {t('team.weekOf', { date: shortDate(weekId) })}{' '}
          <span className="hint">
            ({isoWeekLabel(weekId)}
            {index >= 0 ? t('team.weekNofM', { n: index + 1, total: weeks.length }) : ''})
          </span>
        </h2>
        {nextWeek ? (
          <NavLink className="button secondary" href={teamPaths.week(view.record.id, nextWeek)}>
            {t('team.weekOf', { date: shortDate(nextWeek) })} →
          </NavLink>
        ) : (
          <span />
        )}
      </nav>
      {index < 0 && (
        <p className="error" role="alert">
          {t('team.notInQuarter', { quarter: view.record.quarter })}
        </p>
      )}

      <section aria-labelledby="monday-heading" className="monday">
        <div className="section-title-row">
          <h2 id="monday-heading">{t('team.monday')}</h2>
          <MondayTimer client={client} timer={view.timer} isEditor={isEditor} />
        </div>
        {todo.length > 0 && (
          <details className="todo">
            <summary>{t('team.stillOpen', { count: todo.length })}</summary>
            <ul>
              {todo.map((p) => (
                <li key={`${p.code}-${p.subjectId}`}>{translateServerLabel(t, p.message, 'pitfall')}</li>
              ))}
            </ul>
          </details>
        )}
        <div className="four-square">
          <PrioritiesQuadrant {...props} />
          <PlansQuadrant {...props} planWeeks={[1, 2, 3, 4].map((n) => addWeeks(weekId, n) as string)} />
          <StatusQuadrant {...props} />
          <HealthQuadrant {...props} />
        </div>
      </section>

      <FridaySection {...props} />

      {isEditor && (
        <section className="share no-print" aria-labelledby="share-heading">
          <h2 id="share-heading">{t('team.share')}</h2>
          <CopyField label={t('team.readOnlyLink')} value={`${window.location.origin}/t/${view.record.id}`} hint={t('team.readOnlyHint')} />
        </section>
      )}
    </main>
  )
}
