import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'
import type { PublishedSet } from '../../../../shared/exports/publishedSet.ts'
import type { CreateTeamResponse, ListTeamsResponse, TeamSpaceSummary, WinsWallResponse } from '../../../../shared/rhythm/teamCommands.ts'
import { REACTIONS, REACTION_LABELS } from '../../../../shared/rhythm/teamDoc.ts'
import { shortDate } from './teamPaths.ts'
import './rhythm.css'
import { TEAM_LIMITS } from '../../../../shared/rhythm/teamCommands.ts'
import { loadToken } from '../../sync/tokenStorage.ts'
import { CopyField } from '../../ui/CopyField.tsx'
import { saveEditorToken } from './teamStorage.ts'
import { useTranslation } from 'react-i18next'
import i18next from '../../i18n/i18n.ts'
import { describeFailure } from '../../i18n/describeFailure.ts'
import { CommandFailure } from '../../../../shared/client/CommandFailure.ts'
import type { CommandError } from '../../../../shared/protocol/messages.ts'

async function errorOf(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } }
    return body.error?.message ? describeFailure(new CommandFailure(body.error as CommandError)) : i18next.t('spaces.answered', { status: res.status })
  } catch {
    return i18next.t('spaces.answered', { status: res.status })
  }
}

/**
 * "Team spaces" on the published OKRs: everyone sees the teams' links; the facilitator (whose browser holds the
 * facilitator token) creates a space per team and hands its editor link to the team lead.
 */
export default function TeamSpaces({ set }: { set: PublishedSet }) {
  const { t } = useTranslation()
  const token = loadToken(set.meetingId)
  const [state, setState] = useState<ListTeamsResponse | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [created, setCreated] = useState<CreateTeamResponse | null>(null)
  const auth: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {}
  const reload = useCallback(async () => {
    try {
      const res = await fetch(`/api/meetings/${set.meetingId}/teams`, { headers: auth })
      if (!res.ok) return setLoadError(await errorOf(res))
      setState((await res.json()) as ListTeamsResponse)
    } catch {
      setLoadError(t('spaces.loadFailed'))
    }
  }, [set.meetingId, token, t]) // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => void reload(), [reload])
  if (loadError) return <p className="error no-print">{loadError}</p>
  if (!state) return null
  const names = (team: TeamSpaceSummary) => team.objectiveIds.map((id) => set.objectives.findIndex((o) => o.id === id) + 1).filter((n) => n > 0)
  return (
    <section className="team-spaces no-print" aria-labelledby="team-spaces-heading">
      <h2 id="team-spaces-heading">{t('spaces.heading')}</h2>
      <p className="hint">{t('spaces.hint')}</p>
      {state.teams.length === 0 ? (
        <p>{state.canManage ? t('spaces.noneManage') : t('spaces.none')}</p>
      ) : (
        <ul className="team-space-list">
          {state.teams.map((team) => (
            <li key={team.teamId}>
              <span>
                <strong>{team.name}</strong> <span className="hint">{t('spaces.objectives', { list: names(team).join(', ') })}</span>
              </span>
              <span className="button-row">
                <a className="button secondary" href={`/t/${team.teamId}`}>
                  {t('spaces.open', { name: team.name })}
                </a>
                {state.canManage && <NewEditorLink team={team} auth={auth} onIssued={setCreated} />}
              </span>
            </li>
          ))}
        </ul>
      )}
      {state.teams.length > 0 && <WinsWall meetingId={set.meetingId} />}
      {created && (
        <div className="new-links" role="status">
          <p>
            <strong>{created.name}</strong>: {t('spaces.shownOnce')}
          </p>
          <CopyField label={t('spaces.editorLink', { name: created.name })} value={created.editorUrl} />
          <CopyField label={t('spaces.readOnlyLink', { name: created.name })} value={created.url} />
        </div>
      )}
      {state.canManage && (
        <CreateTeamForm
          set={set}
          auth={auth}
          onCreated={(team) => {
            setCreated(team)
            void reload()
          }}
        />
      )}
    </section>
  )
}

function NewEditorLink({ team, auth, onIssued }: { team: TeamSpaceSummary; auth: Record<string, string>; onIssued: (t: CreateTeamResponse) => void }) {
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  const issue = async () => {
    if (!window.confirm(t('spaces.confirmNewLink', { name: team.name }))) return
    const res = await fetch(`/api/teams/${team.teamId}/editor-link`, { method: 'POST', headers: auth })
    if (!res.ok) return setError(await errorOf(res))
    const issued = (await res.json()) as CreateTeamResponse
    saveEditorToken(issued.teamId, issued.editorToken)
    onIssued(issued)
  }
  return (
    <>
      <button type="button" className="secondary" onClick={() => void issue()}>
        {t('spaces.newLink')} <span className="visually-hidden">{t('spaces.forName', { name: team.name })}</span>
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </>
  )
}

function CreateTeamForm({ set, auth, onCreated }: { set: PublishedSet; auth: Record<string, string>; onCreated: (t: CreateTeamResponse) => void }) {
  const { t } = useTranslation()
  const id = useId()
  const [name, setName] = useState('')
  const [objectiveIds, setObjectiveIds] = useState<string[]>(set.objectives.map((o) => o.id))
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!name.trim()) return setError(t('spaces.nameTeam'))
    if (objectiveIds.length === 0) return setError(t('spaces.pickObjective'))
    setBusy(true)
    setError(null)
    try {
      const res = await fetch(`/api/meetings/${set.meetingId}/teams`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...auth },
        body: JSON.stringify({ name, objectiveIds }),
      })
      if (!res.ok) return setError(await errorOf(res))
      const team = (await res.json()) as CreateTeamResponse
      // The facilitator's own browser may edit too (to help the team lead get started).
      saveEditorToken(team.teamId, team.editorToken)
      setName('')
      onCreated(team)
    } catch {
      setError(t('spaces.unreachable'))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="add-form" onSubmit={(e) => void submit(e)}>
      <p className="add-form-title">{t('spaces.create')}</p>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('spaces.teamName')}</label>
        <input id={`${id}-name`} value={name} maxLength={TEAM_LIMITS.teamName} onChange={(e) => setName(e.target.value)} />
      </div>
      <fieldset>
        <legend>{t('spaces.objectivesLegend')}</legend>
        {set.objectives.map((o, i) => (
          <label key={o.id} className="choice">
            <input
              type="checkbox"
              checked={objectiveIds.includes(o.id)}
              onChange={(e) => setObjectiveIds((ids) => (e.target.checked ? [...ids, o.id] : ids.filter((x) => x !== o.id)))}
            />
            {t('spaces.objectiveOption', { n: i + 1, title: o.title })}
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {t('spaces.createButton')}
      </button>
    </form>
  )
}

/** Every team's wins of the latest week with any: the company-wide celebration (reactions happen in each team space). */
function WinsWall({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation()
  const [wall, setWall] = useState<WinsWallResponse | null>(null)
  useEffect(() => {
    fetch(`/api/meetings/${meetingId}/wins`)
      .then(async (res) => (res.ok ? setWall((await res.json()) as WinsWallResponse) : undefined))
      .catch(() => undefined) // reason: the wall is a bonus on this page; the team spaces still work without it.
  }, [meetingId])
  if (!wall?.weekId || wall.teams.length === 0) return null
  return (
    <section className="company-wins" aria-labelledby="company-wins-heading">
      <h3 id="company-wins-heading">{t('spaces.winsWeek', { date: shortDate(wall.weekId) })}</h3>
      <ul className="wins-wall" aria-label={t('spaces.winsAcross')}>
        {wall.teams.flatMap((team) =>
          team.wins.map((w) => (
            <li key={w.id} className="win-card">
              <p className="eyebrow">{team.name}</p>
              <p className="win-text">{w.text}</p>
              {w.by && <p className="hint">— {w.by}</p>}
              <p className="hint">
                {REACTIONS.filter((r) => (w.reactions[r] ?? 0) > 0).map((r) => (
                  <span key={r} className="reaction-count">
                    <span aria-hidden="true">
                      {REACTION_LABELS[r].emoji} {w.reactions[r]}
                    </span>
                    <span className="visually-hidden">{t('friday.reactionCount', { label: t(`friday.${r}`), count: w.reactions[r] })}</span>{' '}
                  </span>
                ))}
                <a href={team.url}>
                  {t('spaces.reactIn', { name: team.name })}
                  <span className="visually-hidden">: {w.text}</span>
                </a>
              </p>
            </li>
          )),
        )}
      </ul>
    </section>
  )
}
