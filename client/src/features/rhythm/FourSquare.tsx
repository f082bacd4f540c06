import { useEffect, useId, useState, type FormEvent } from 'react'
import type { TeamClient } from '../../../../shared/client/TeamClient.ts'
import { BAND_LABELS, confidenceBand } from '../../../../shared/keyResults/confidenceBand.ts'
import { CHANGE_SYMBOLS, confidenceChange, previousConfidence } from '../../../../shared/rhythm/confidenceChange.ts'
import { isOneLine } from '../../../../shared/rhythm/isOneLine.ts'
import { quoted } from '../../../../shared/rhythm/problem.ts'
import {
  HEALTH_INDICATOR_COUNT,
  MAX_PRIORITIES,
  MAX_REASON_CHARS,
  type FourSquare,
  type HealthColour,
  type Priority,
} from '../../../../shared/rhythm/rhythmTypes.ts'
import { TEAM_LIMITS } from '../../../../shared/rhythm/teamCommands.ts'
import { trackedKeyResults, type TeamView, type TeamWeek } from '../../../../shared/rhythm/teamDoc.ts'
import { CommitInput, FormError, useAction } from './fields.tsx'
import { shortDate } from './teamPaths.ts'
import { useTranslation } from 'react-i18next'

export interface QuadrantProps {
  client: TeamClient
  view: TeamView
  week: TeamWeek
  previous: FourSquare | null
  isEditor: boolean
}

const CHANGE_KEYS = { up: 'team.changeUp', down: 'team.changeDown', same: 'team.changeSame', new: 'team.changeNew' } as const

export function ConfidenceChip({ confidence }: { confidence: number }) {
  const { t } = useTranslation()
  const band = confidenceBand(confidence)
  return (
    <span className={`confidence-badge band-${band}`}>
      {confidence}/10 · {t(`confidence.bands.${band}`, { defaultValue: BAND_LABELS[band] })}
    </span>
  )
}

/** Quadrant 1: at most four priorities, P1 or P2, each with an owner, linked to a key result if any. */
export function PrioritiesQuadrant({ client, view, week, isEditor }: QuadrantProps) {
  const { t } = useTranslation()
  const keyResults = trackedKeyResults(view.record)
  const isFull = week.priorities.length >= MAX_PRIORITIES
  const update = (p: Priority, patch: Partial<Priority>) => {
    const next = { ...p, ...patch }
    return client.send({
      type: 'updatePriority',
      weekId: week.weekId,
      priorityId: p.id,
      title: next.title,
      rank: next.rank as 'P1',
      owner: next.owner,
      keyResultId: next.keyResultId,
    })
  }
  const remove = useAction()
  return (
    <section className="quadrant" aria-labelledby="q-priorities">
      <h3 id="q-priorities">
        <span className="q-number" aria-hidden="true">
          1
        </span>{' '}
        {t('team.prioritiesHeading')} <span className="hint">{t('team.ofMax', { n: week.priorities.length, max: MAX_PRIORITIES })}</span>
      </h3>
      {week.priorities.length === 0 && <p className="hint">{t('team.noPriorities')}</p>}
      <ol className="priority-list">
        {week.priorities.map((p, i) => (
          <li key={p.id} className="priority-item">
            {isEditor ? (
              <div className="priority-edit" role="group" aria-label={t('team.editPriority', { n: i + 1 })}>
                <label className="visually-hidden" htmlFor={`rank-${p.id}`}>
                  {t('team.rankOf', { n: i + 1 })}
                </label>
                <select id={`rank-${p.id}`} value={p.rank} onChange={(e) => void update(p, { rank: e.target.value as 'P1' | 'P2' }).catch(() => {})}>
                  <option value="P1">P1</option>
                  <option value="P2">P2</option>
                </select>
                <CommitInput
                  label={t('team.priorityN', { n: i + 1 })}
                  hideLabel
                  value={p.title}
                  maxLength={TEAM_LIMITS.title}
                  onCommit={(title) => update(p, { title })}
                />
                <CommitInput
                  className="owner-field"
                  label={t('team.ownerOf', { n: i + 1 })}
                  hideLabel
                  placeholder={t('team.owner')}
                  value={p.owner}
                  maxLength={TEAM_LIMITS.person}
                  onCommit={(owner) => update(p, { owner })}
                />
                <label className="visually-hidden" htmlFor={`kr-${p.id}`}>
                  {t('team.krOf', { n: i + 1 })}
                </label>
                <select id={`kr-${p.id}`} value={p.keyResultId ?? ''} onChange={(e) => void update(p, { keyResultId: e.target.value || null }).catch(() => {})}>
                  <option value="">{t('team.noKr')}</option>
                  {keyResults.map((kr) => (
                    <option key={kr.id} value={kr.id}>
                      {shorten(kr.statement)}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="link"
                  aria-label={t('team.removePriority', { name: quoted(p.title, String(i + 1)) })}
                  onClick={() => void remove.run(() => client.send({ type: 'removePriority', weekId: week.weekId, priorityId: p.id }))}
                >
                  {t('common.remove')}
                </button>
              </div>
            ) : (
              <p className="priority-read">
                <span className={`rank rank-${p.rank}`}>{p.rank}</span> {p.title} <span className="hint">· {p.owner}</span>
                {p.keyResultId && (
                  <span className="hint">{t('team.moves', { statement: shorten(keyResults.find((kr) => kr.id === p.keyResultId)?.statement ?? '') })}</span>
                )}
              </p>
            )}
          </li>
        ))}
      </ol>
      <FormError error={remove.error} />
      {isEditor && (isFull ? <p className="hint">{t('team.fourIsMost')}</p> : <AddPriority client={client} weekId={week.weekId} keyResults={keyResults} />)}
    </section>
  )
}

function shorten(text: string, max = 48): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

function AddPriority({ client, weekId, keyResults }: { client: TeamClient; weekId: string; keyResults: { id: string; statement: string }[] }) {
  const { t } = useTranslation()
  const id = useId()
  const [title, setTitle] = useState('')
  const [rank, setRank] = useState<'P1' | 'P2'>('P1')
  const [owner, setOwner] = useState('')
  const [keyResultId, setKeyResultId] = useState('')
  const action = useAction()
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!title.trim()) return action.setError(t('team.priorityNeedsTitle'))
    if (!owner.trim()) return action.setError(t('team.priorityNeedsOwner'))
    const ok = await action.run(() => client.send({ type: 'addPriority', weekId, title, rank, owner, keyResultId: keyResultId || null }))
    if (ok) {
      setTitle('')
      setOwner('')
      setKeyResultId('')
    }
  }
  return (
    <form className="add-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-legend`}>
      <p id={`${id}-legend`} className="add-form-title">
        {t('team.addPriorityTitle')}
      </p>
      <div className="add-grid">
        <div className="field grow">
          <label htmlFor={`${id}-t`}>{t('team.priority')}</label>
          <input id={`${id}-t`} value={title} maxLength={TEAM_LIMITS.title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-r`}>{t('team.rank')}</label>
          <select id={`${id}-r`} value={rank} onChange={(e) => setRank(e.target.value as 'P1' | 'P2')}>
            <option value="P1">P1</option>
            <option value="P2">P2</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-o`}>{t('team.owner')}</label>
          <input id={`${id}-o`} value={owner} maxLength={TEAM_LIMITS.person} onChange={(e) => setOwner(e.target.value)} />
        </div>
        <div className="field grow">
          <label htmlFor={`${id}-k`}>{t('team.keyResult')}</label>
          <select id={`${id}-k`} value={keyResultId} onChange={(e) => setKeyResultId(e.target.value)}>
            <option value="">{t('team.noKr')}</option>
            {keyResults.map((kr) => (
              <option key={kr.id} value={kr.id}>
                {shorten(kr.statement)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <FormError error={action.error} />
      <button type="submit" className="primary" disabled={action.busy}>
        {t('team.addPriority')}
      </button>
    </form>
  )
}

/** Quadrant 2: the next four weeks: what needs others to prepare or help. */
export function PlansQuadrant({ client, week, isEditor, planWeeks }: QuadrantProps & { planWeeks: string[] }) {
  const { t } = useTranslation()
  const id = useId()
  const [title, setTitle] = useState('')
  const [planWeekId, setPlanWeekId] = useState(planWeeks[0] ?? '')
  const [needsFrom, setNeedsFrom] = useState('')
  const [owner, setOwner] = useState('')
  const action = useAction()
  const remove = useAction()
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!title.trim()) return action.setError(t('team.planNeedsTitle'))
    if (!needsFrom.trim()) return action.setError(t('team.planNeedsFrom'))
    const ok = await action.run(() => client.send({ type: 'addPlan', weekId: week.weekId, title, planWeekId, needsFrom, owner }))
    if (ok) {
      setTitle('')
      setNeedsFrom('')
      setOwner('')
    }
  }
  return (
    <section className="quadrant" aria-labelledby="q-plans">
      <h3 id="q-plans">
        <span className="q-number" aria-hidden="true">
          2
        </span>{' '}
        {t('team.nextFour')}
      </h3>
      {week.plans.length === 0 && <p className="hint">{t('team.noPlans')}</p>}
      <ul className="plan-list">
        {week.plans.map((p) => (
          <li key={p.id}>
            <span className="plan-week">{shortDate(p.weekId)}</span> <strong>{p.title}</strong>
            <span className="hint">
              {t('team.needs', { who: p.needsFrom })}
              {p.owner ? ` · ${p.owner}` : ''}
            </span>
            {isEditor && (
              <button
                type="button"
                className="link"
                aria-label={t('team.removePlan', { name: quoted(p.title, '') })}
                onClick={() => void remove.run(() => client.send({ type: 'removePlan', weekId: week.weekId, planId: p.id }))}
              >
                {t('common.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <FormError error={remove.error} />
      {isEditor && (
        <form className="add-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-legend`}>
          <p id={`${id}-legend`} className="add-form-title">
            {t('team.addPlanTitle')}
          </p>
          <div className="add-grid">
            <div className="field grow">
              <label htmlFor={`${id}-t`}>{t('team.plan')}</label>
              <input id={`${id}-t`} value={title} maxLength={TEAM_LIMITS.title} onChange={(e) => setTitle(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-w`}>{t('team.week')}</label>
              <select id={`${id}-w`} value={planWeekId} onChange={(e) => setPlanWeekId(e.target.value)}>
                {planWeeks.map((w) => (
                  <option key={w} value={w}>
                    {t('team.weekOf', { date: shortDate(w) })}
                  </option>
                ))}
              </select>
            </div>
            <div className="field grow">
              <label htmlFor={`${id}-n`}>{t('team.needsFrom')}</label>
              <input id={`${id}-n`} value={needsFrom} maxLength={TEAM_LIMITS.needsFrom} onChange={(e) => setNeedsFrom(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-o`}>{t('team.owner')}</label>
              <input id={`${id}-o`} value={owner} maxLength={TEAM_LIMITS.person} onChange={(e) => setOwner(e.target.value)} />
            </div>
          </div>
          <FormError error={action.error} />
          <button type="submit" className="primary" disabled={action.busy}>
            {t('team.addPlan')}
          </button>
        </form>
      )}
    </section>
  )
}

/** Quadrant 3: every key result's confidence this week, its colour, the change since last week and why. */
export function StatusQuadrant({ client, view, week, previous, isEditor }: QuadrantProps) {
  const { t } = useTranslation()
  const keyResults = trackedKeyResults(view.record)
  return (
    <section className="quadrant" aria-labelledby="q-status">
      <h3 id="q-status">
        <span className="q-number" aria-hidden="true">
          3
        </span>{' '}
        {t('team.okrStatus')}
      </h3>
      <ul className="status-list">
        {keyResults.map((kr) => {
          const last = previousConfidence(kr.id, previous, keyResults)
          const status = week.statuses.find((s) => s.keyResultId === kr.id) ?? null
          return (
            <li key={kr.id} className={status ? 'status-item' : 'status-item not-checked-in'}>
              <StatusRow
                client={client}
                weekId={week.weekId}
                keyResultId={kr.id}
                statement={kr.statement}
                last={last}
                isLastWeek={previous?.statuses.some((s) => s.keyResultId === kr.id) ?? false}
                status={status}
                isEditor={isEditor}
              />
            </li>
          )
        })}
      </ul>
    </section>
  )
}

function StatusRow({
  client,
  weekId,
  keyResultId,
  statement,
  last,
  isLastWeek,
  status,
  isEditor,
}: {
  client: TeamClient
  weekId: string
  keyResultId: string
  statement: string
  last: number | null
  /** Whether `last` is last week's check-in (else the published value). */
  isLastWeek: boolean
  status: { confidence: number; reason: string } | null
  isEditor: boolean
}) {
  const { t } = useTranslation()
  const id = useId()
  // Not pre-filled with last week's value: a box holding a number and a coloured chip looked saved when it was not.
  const [confidence, setConfidence] = useState(status ? String(status.confidence) : '')
  const [reason, setReason] = useState(status?.reason ?? '')
  const action = useAction()
  useEffect(() => {
    setConfidence(status ? String(status.confidence) : '')
    setReason(status?.reason ?? '')
  }, [status?.confidence, status?.reason, status])
  const value = Number(confidence)
  const isValid = Number.isInteger(value) && value >= 1 && value <= 10
  const change = status ? confidenceChange(last, status.confidence) : null
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!isValid) return action.setError(t('team.wholeNumber'))
    const moved = last !== null && value !== last
    if (moved && !reason.trim()) return action.setError(t(value > last ? 'team.wentUp' : 'team.wentDown', { from: last, to: value }))
    if (reason.trim() && !isOneLine(reason)) return action.setError(t('team.oneLine', { n: MAX_REASON_CHARS }))
    await action.run(() => client.send({ type: 'setConfidence', weekId, keyResultId, confidence: value, reason }))
  }
  const confirmUnchanged = async () => {
    if (last === null) return
    await action.run(() => client.send({ type: 'setConfidence', weekId, keyResultId, confidence: last, reason: '' }))
  }
  return (
    <>
      <p className="kr-statement">{statement}</p>
      <p className="status-now">
        {status ? (
          <>
            <ConfidenceChip confidence={status.confidence} />{' '}
            <span className={`change change-${change}`}>
              <span aria-hidden="true">{change ? CHANGE_SYMBOLS[change] : ''}</span> {change ? t(CHANGE_KEYS[change]) : ''}
              {last !== null && change !== 'new' ? t(isLastWeek ? 'team.lastWeekValue' : 'team.publishedValue', { value: last }) : ''}
            </span>
            {status.reason && <span className="reason"> · “{status.reason}”</span>}
          </>
        ) : (
          <>
            <span className="checkin-missing">
              <span aria-hidden="true">!</span> {t('team.notCheckedIn')}
            </span>{' '}
            <span className="hint">{last !== null ? t(isLastWeek ? 'team.lastWeekOutOf' : 'team.publishedOutOf', { value: last }) : t('team.noEarlier')}</span>
          </>
        )}
      </p>
      {isEditor && (
        <form className="status-form" onSubmit={(e) => void submit(e)} aria-label={t('team.checkInFor', { name: quoted(statement, t('team.keyResultWord')) })}>
          <div className="field narrow-field">
            <label htmlFor={`${id}-c`}>
              {t('team.confidence')} <span className="visually-hidden">{t('team.forStatement', { statement })}</span>
            </label>
            <input
              id={`${id}-c`}
              type="number"
              min={1}
              max={10}
              step={1}
              value={confidence}
              placeholder={last !== null ? t('team.was', { value: last }) : '1–10'}
              onChange={(e) => setConfidence(e.target.value)}
            />
          </div>
          <div className="field grow">
            <label htmlFor={`${id}-r`}>
              {t('team.whyMoved')} <span className="visually-hidden">({statement})</span>
            </label>
            <input
              id={`${id}-r`}
              value={reason}
              maxLength={TEAM_LIMITS.reasonInput}
              placeholder={last !== null ? t('team.neededWhen', { value: last }) : ''}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <button type="submit" className="secondary" disabled={action.busy}>
            {t('team.save')} <span className="visually-hidden">{t('team.confidenceFor', { statement })}</span>
          </button>
          {!status && last !== null && (
            <button type="button" className="primary" disabled={action.busy} onClick={() => void confirmUnchanged()}>
              {t('team.confirmUnchanged', { value: last })}
              <span className="visually-hidden"> {t('team.forStatement', { statement })}</span>
            </button>
          )}
          {isValid && confidence !== '' && (
            <span className="preview" aria-hidden="true">
              <ConfidenceChip confidence={value} />
            </span>
          )}
          <FormError error={action.error} />
        </form>
      )}
    </>
  )
}

const HEALTH_COLOURS: readonly HealthColour[] = ['green', 'yellow', 'red']

/** Quadrant 4: two health indicators the team names, each green, yellow or red. Names carry over from last week. */
export function HealthQuadrant({ client, week, previous, isEditor }: QuadrantProps) {
  const { t } = useTranslation()
  return (
    <section className="quadrant" aria-labelledby="q-health">
      <h3 id="q-health">
        <span className="q-number" aria-hidden="true">
          4
        </span>{' '}
        {t('team.health')}
      </h3>
      <div className="health-grid">
        {Array.from({ length: HEALTH_INDICATOR_COUNT }, (_, slot) => (
          <HealthSlot
            key={slot}
            client={client}
            weekId={week.weekId}
            slot={slot as 0 | 1}
            isEditor={isEditor}
            current={week.health[slot] ?? null}
            suggestedName={previous?.health[slot]?.name ?? ''}
            canEdit={slot <= week.health.length}
          />
        ))}
      </div>
    </section>
  )
}

function HealthSlot({
  client,
  weekId,
  slot,
  current,
  suggestedName,
  isEditor,
  canEdit,
}: {
  client: TeamClient
  weekId: string
  slot: 0 | 1
  current: { name: string; colour: HealthColour; note: string } | null
  suggestedName: string
  isEditor: boolean
  canEdit: boolean
}) {
  const { t } = useTranslation()
  const id = useId()
  const [name, setName] = useState(current?.name ?? suggestedName)
  const [colour, setColour] = useState<HealthColour>(current?.colour ?? 'green')
  const [note, setNote] = useState(current?.note ?? '')
  const action = useAction()
  useEffect(() => {
    setName(current?.name ?? suggestedName)
    setColour(current?.colour ?? 'green')
    setNote(current?.note ?? '')
  }, [current?.name, current?.colour, current?.note, suggestedName])
  if (!isEditor) {
    return current ? (
      <p className="health-read">
        <span className={`confidence-badge band-${current.colour}`}>{t(`team.${current.colour}`)}</span> <strong>{current.name}</strong>
        {current.note && <span className="hint"> · {current.note}</span>}
      </p>
    ) : (
      <p className="hint">{t('team.notSet', { n: slot + 1 })}</p>
    )
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!name.trim()) return action.setError(t('team.nameIndicator'))
    await action.run(() => client.send({ type: 'setHealth', weekId, slot, name, colour, note }))
  }
  return (
    <form className="health-form" onSubmit={(e) => void submit(e)}>
      <fieldset disabled={!canEdit}>
        <legend>
          {t('team.indicatorN', { n: slot + 1 })}
          {current ? (
            <span className="visually-hidden">
              : {current.name}, {t(`team.${current.colour}`)}
            </span>
          ) : (
            ''
          )}
        </legend>
        <div className="field">
          <label htmlFor={`${id}-n`}>{t('team.name')}</label>
          <input
            id={`${id}-n`}
            value={name}
            maxLength={TEAM_LIMITS.person}
            placeholder={slot === 0 ? t('team.healthPlaceholder1') : t('team.healthPlaceholder2')}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="colour-choices" role="radiogroup" aria-label={t('team.colourOf', { n: slot + 1 })}>
          {HEALTH_COLOURS.map((c) => (
            <label key={c} className={`choice colour-choice band-${c}`}>
              <input type="radio" name={`${id}-colour`} value={c} checked={colour === c} onChange={() => setColour(c)} /> {t(`team.${c}`)}
            </label>
          ))}
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('team.note')}</label>
          <input id={`${id}-note`} value={note} maxLength={TEAM_LIMITS.note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <button type="submit" className="secondary" disabled={action.busy}>
          {t('team.saveIndicator', { n: slot + 1 })}
        </button>
        {current && <p className="hint">{t('team.savedIndicator', { name: current.name, colour: t(`team.${current.colour}`) })}</p>}
        {!canEdit && <p className="hint">{t('team.nameFirst')}</p>}
        <FormError error={action.error} />
      </fieldset>
    </form>
  )
}
