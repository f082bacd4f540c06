import { lazy, Suspense, useMemo } from 'react'
import { LoadingPage } from '../../ui/Spinner.tsx'
import { NotFound } from '../../ui/NotFound.tsx'
import { defaultWeek, parseTeamPath, teamPaths } from './teamPaths.ts'
import { adoptEditorLink } from './teamStorage.ts'
import { useTeamClient, useTeamView } from './useTeamClient.ts'
import { WeekPage } from './WeekPage.tsx'
import { NavLink, usePathname } from './NavLink.tsx'
import { ReportPage } from './ReportPage.tsx'
import './rhythm.css'
import { useTranslation } from 'react-i18next'

// The chart library loads only with the trend page.
const TrendsPage = lazy(() => import('./TrendsPage.tsx'))

/** A team's weekly home for the quarter (/t/<teamId>…): Monday four-square, Friday wins, report, trends. */
export default function TeamApp({ pathname: initialPath }: { pathname: string }) {
  const pathname = usePathname(initialPath)
  const route = useMemo(() => {
    const parsed = parseTeamPath(pathname)
    if (parsed?.view !== 'edit') return parsed
    // The editor link carries its secret in the fragment: keep it, then show the plain team URL.
    adoptEditorLink(parsed.teamId, window.location.hash)
    window.history.replaceState(null, '', `/t/${parsed.teamId}`)
    return { view: 'week' as const, teamId: parsed.teamId, weekId: null }
  }, [pathname])
  if (!route) return <NotFound />
  return <TeamSpace key={route.teamId} route={route} />
}

function TeamSpace({ route }: { route: Exclude<NonNullable<ReturnType<typeof parseTeamPath>>, { view: 'edit' }> }) {
  const { t } = useTranslation()
  const connection = useTeamClient(route.teamId)
  const view = useTeamView(connection.client)
  if (connection.isMissing) {
    return (
      <main className="page narrow">
        <h1>{t('team.noSuch')}</h1>
        <p>{t('team.noSuchText')}</p>
      </main>
    )
  }
  if (!view || !connection.client) return <LoadingPage message={t('team.loading')} />
  const isEditor = connection.identity?.role === 'editor'
  const weekId = 'weekId' in route && route.weekId ? route.weekId : defaultWeek(view.record.quarter)
  const current = route.view
  return (
    <div className="team-space">
      <header className="team-header">
        <div className="team-header-inner">
          <p className="eyebrow">
            {view.record.quarter} · {view.record.meetingTitle}
          </p>
          <div className="team-title-row">
            <h1 className="team-title">{view.record.name}</h1>
            <p className="team-role">
              {isEditor ? <span className="role-badge editor">{t('team.canEdit')}</span> : <span className="role-badge">{t('team.readOnly')}</span>}
            </p>
          </div>
          <nav aria-label={t('team.nav')} className="team-nav no-print">
            <NavLink href={teamPaths.week(route.teamId, weekId)} aria-current={current === 'week' ? 'page' : undefined}>
              {t('team.thisWeek')}
            </NavLink>
            <NavLink href={teamPaths.report(route.teamId, weekId)} aria-current={current === 'report' ? 'page' : undefined}>
              {t('team.report')}
            </NavLink>
            <NavLink href={teamPaths.trends(route.teamId)} aria-current={current === 'trends' ? 'page' : undefined}>
              {t('team.trends')}
            </NavLink>
            <a href={`/p/${view.record.meetingId}`}>{t('team.companyOkrs')}</a>
          </nav>
        </div>
      </header>
      {connection.status !== 'connected' && (
        <div className="banner offline no-print" role="status">
          {connection.status === 'connecting' ? t('team.connecting') : t('team.offline')}
          {connection.pendingCount > 0 && t('team.waiting', { count: connection.pendingCount })}
        </div>
      )}
      {connection.wasTokenRefused && (
        <div className="banner offline no-print" role="alert">
          {t('team.tokenRefused')}
        </div>
      )}
      {current === 'week' && <WeekPage client={connection.client} view={view} weekId={weekId} isEditor={isEditor} />}
      {current === 'report' && <ReportPage view={view} weekId={weekId} />}
      {current === 'trends' && (
        <Suspense fallback={<LoadingPage message={t('team.loadingCharts')} />}>
          <TrendsPage view={view} />
        </Suspense>
      )}
    </div>
  )
}
