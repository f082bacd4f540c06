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

export interface QuadrantProps {
  client: TeamClient
  view: TeamView
  week: TeamWeek
  previous: FourSquare | null
  isEditor: boolean
}

const CHANGE_WORDS = { up: 'up', down: 'down', same: 'unchanged', new: 'first check-in' } as const

export function ConfidenceChip({ confidence }: { confidence: number }) {
  const band = confidenceBand(confidence)
  return (
    <span className={`confidence-badge band-${band}`}>
      {confidence}/10 · {BAND_LABELS[band]}
    </span>
  )
}

/** Quadrant 1: at most four priorities, P1 or P2, each with an owner, linked to a key result if any. */
export function PrioritiesQuadrant({ client, view, week, isEditor }: QuadrantProps) {
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
        This week’s priorities{' '}
        <span className="hint">
          ({week.priorities.length} of {MAX_PRIORITIES})
        </span>
      </h3>
      {week.priorities.length === 0 && <p className="hint">No priorities yet. At most four, P1 or P2, each with an owner.</p>}
      <ol className="priority-list">
        {week.priorities.map((p, i) => (
          <li key={p.id} className="priority-item">
            {isEditor ? (
              <div className="priority-edit" role="group" aria-label={`Edit priority ${i + 1}`}>
                <label className="visually-hidden" htmlFor={`rank-${p.id}`}>
                  Rank of priority {i + 1}
                </label>
                <select id={`rank-${p.id}`} value={p.rank} onChange={(e) => void update(p, { rank: e.target.value as 'P1' | 'P2' }).catch(() => {})}>
                  <option value="P1">P1</option>
                  <option value="P2">P2</option>
                </select>
                <CommitInput label={`Priority ${i + 1}`} hideLabel value={p.title} maxLength={TEAM_LIMITS.title} onCommit={(title) => update(p, { title })} />
                <CommitInput
                  className="owner-field"
                  label={`Owner of priority ${i + 1}`}
                  hideLabel
                  placeholder="Owner"
                  value={p.owner}
                  maxLength={TEAM_LIMITS.person}
                  onCommit={(owner) => update(p, { owner })}
                />
                <label className="visually-hidden" htmlFor={`kr-${p.id}`}>
                  Key result of priority {i + 1}
                </label>
                <select id={`kr-${p.id}`} value={p.keyResultId ?? ''} onChange={(e) => void update(p, { keyResultId: e.target.value || null }).catch(() => {})}>
                  <option value="">No key result</option>
                  {keyResults.map((kr) => (
                    <option key={kr.id} value={kr.id}>
                      {shorten(kr.statement)}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="link"
                  aria-label={`Remove priority ${quoted(p.title, String(i + 1))}`}
                  onClick={() => void remove.run(() => client.send({ type: 'removePriority', weekId: week.weekId, priorityId: p.id }))}
                >
                  Remove
                </button>
              </div>
            ) : (
              <p className="priority-read">
                <span className={`rank rank-${p.rank}`}>{p.rank}</span> {p.title} <span className="hint">· {p.owner}</span>
                {p.keyResultId && <span className="hint"> · moves “{shorten(keyResults.find((kr) => kr.id === p.keyResultId)?.statement ?? '')}”</span>}
              </p>
            )}
          </li>
        ))}
      </ol>
      <FormError error={remove.error} />
      {isEditor &&
        (isFull ? (
          <p className="hint">Four priorities is the most: remove one to add another.</p>
        ) : (
          <AddPriority client={client} weekId={week.weekId} keyResults={keyResults} />
        ))}
    </section>
  )
}

function shorten(text: string, max = 48): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

function AddPriority({ client, weekId, keyResults }: { client: TeamClient; weekId: string; keyResults: { id: string; statement: string }[] }) {
  const id = useId()
  const [title, setTitle] = useState('')
  const [rank, setRank] = useState<'P1' | 'P2'>('P1')
  const [owner, setOwner] = useState('')
  const [keyResultId, setKeyResultId] = useState('')
  const action = useAction()
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!title.trim()) return action.setError('What will be done this week? Give the priority a title.')
    if (!owner.trim()) return action.setError('Who owns it? Every priority has an owner.')
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
        Add a priority
      </p>
      <div className="add-grid">
        <div className="field grow">
          <label htmlFor={`${id}-t`}>Priority</label>
          <input id={`${id}-t`} value={title} maxLength={TEAM_LIMITS.title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-r`}>Rank</label>
          <select id={`${id}-r`} value={rank} onChange={(e) => setRank(e.target.value as 'P1' | 'P2')}>
            <option value="P1">P1</option>
            <option value="P2">P2</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-o`}>Owner</label>
          <input id={`${id}-o`} value={owner} maxLength={TEAM_LIMITS.person} onChange={(e) => setOwner(e.target.value)} />
        </div>
        <div className="field grow">
          <label htmlFor={`${id}-k`}>Key result</label>
          <select id={`${id}-k`} value={keyResultId} onChange={(e) => setKeyResultId(e.target.value)}>
            <option value="">No key result</option>
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
        Add priority
      </button>
    </form>
  )
}

/** Quadrant 2: the next four weeks: what needs others to prepare or help. */
export function PlansQuadrant({ client, week, isEditor, planWeeks }: QuadrantProps & { planWeeks: string[] }) {
  const id = useId()
  const [title, setTitle] = useState('')
  const [planWeekId, setPlanWeekId] = useState(planWeeks[0] ?? '')
  const [needsFrom, setNeedsFrom] = useState('')
  const [owner, setOwner] = useState('')
  const action = useAction()
  const remove = useAction()
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!title.trim()) return action.setError('What is coming up? Give the plan a title.')
    if (!needsFrom.trim()) return action.setError('Who needs to prepare or help? Plans are for what others must know early.')
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
        Next four weeks
      </h3>
      {week.plans.length === 0 && <p className="hint">Nothing planned yet: what needs others’ preparation or help?</p>}
      <ul className="plan-list">
        {week.plans.map((p) => (
          <li key={p.id}>
            <span className="plan-week">{shortDate(p.weekId)}</span> <strong>{p.title}</strong>
            <span className="hint">
              {' '}
              · needs {p.needsFrom}
              {p.owner ? ` · ${p.owner}` : ''}
            </span>
            {isEditor && (
              <button
                type="button"
                className="link"
                aria-label={`Remove plan ${quoted(p.title, '')}`}
                onClick={() => void remove.run(() => client.send({ type: 'removePlan', weekId: week.weekId, planId: p.id }))}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      <FormError error={remove.error} />
      {isEditor && (
        <form className="add-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-legend`}>
          <p id={`${id}-legend`} className="add-form-title">
            Add a plan
          </p>
          <div className="add-grid">
            <div className="field grow">
              <label htmlFor={`${id}-t`}>Plan</label>
              <input id={`${id}-t`} value={title} maxLength={TEAM_LIMITS.title} onChange={(e) => setTitle(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-w`}>Week</label>
              <select id={`${id}-w`} value={planWeekId} onChange={(e) => setPlanWeekId(e.target.value)}>
                {planWeeks.map((w) => (
                  <option key={w} value={w}>
                    Week of {shortDate(w)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field grow">
              <label htmlFor={`${id}-n`}>Needs help from</label>
              <input id={`${id}-n`} value={needsFrom} maxLength={TEAM_LIMITS.needsFrom} onChange={(e) => setNeedsFrom(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-o`}>Owner</label>
              <input id={`${id}-o`} value={owner} maxLength={TEAM_LIMITS.person} onChange={(e) => setOwner(e.target.value)} />
            </div>
          </div>
          <FormError error={action.error} />
          <button type="submit" className="primary" disabled={action.busy}>
            Add plan
          </button>
        </form>
      )}
    </section>
  )
}

/** Quadrant 3: every key result's confidence this week, its colour, the change since last week and why. */
export function StatusQuadrant({ client, view, week, previous, isEditor }: QuadrantProps) {
  const keyResults = trackedKeyResults(view.record)
  return (
    <section className="quadrant" aria-labelledby="q-status">
      <h3 id="q-status">
        <span className="q-number" aria-hidden="true">
          3
        </span>{' '}
        OKR status
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
                lastLabel={previous?.statuses.some((s) => s.keyResultId === kr.id) ? 'last week' : 'published'}
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
  lastLabel,
  status,
  isEditor,
}: {
  client: TeamClient
  weekId: string
  keyResultId: string
  statement: string
  last: number | null
  lastLabel: string
  status: { confidence: number; reason: string } | null
  isEditor: boolean
}) {
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
    if (!isValid) return action.setError('Confidence is a whole number from 1 to 10.')
    const moved = last !== null && value !== last
    if (moved && !reason.trim()) return action.setError(`It went ${value > last ? 'up' : 'down'} from ${last} to ${value}: say why in one line.`)
    if (reason.trim() && !isOneLine(reason)) return action.setError(`Keep the reason to one line (at most ${MAX_REASON_CHARS} characters).`)
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
              <span aria-hidden="true">{change ? CHANGE_SYMBOLS[change] : ''}</span> {change ? CHANGE_WORDS[change] : ''}
              {last !== null && change !== 'new' ? ` (${lastLabel}: ${last})` : ''}
            </span>
            {status.reason && <span className="reason"> · “{status.reason}”</span>}
          </>
        ) : (
          <>
            <span className="checkin-missing">
              <span aria-hidden="true">!</span> Not checked in this week
            </span>{' '}
            <span className="hint">{last !== null ? `${lastLabel === 'last week' ? 'Last week' : 'Published'}: ${last}/10` : 'No earlier value'}</span>
          </>
        )}
      </p>
      {isEditor && (
        <form className="status-form" onSubmit={(e) => void submit(e)} aria-label={`Confidence check-in for ${quoted(statement, 'key result')}`}>
          <div className="field narrow-field">
            <label htmlFor={`${id}-c`}>
              Confidence <span className="visually-hidden">for {statement}</span>
            </label>
            <input
              id={`${id}-c`}
              type="number"
              min={1}
              max={10}
              step={1}
              value={confidence}
              placeholder={last !== null ? `was ${last}` : '1–10'}
              onChange={(e) => setConfidence(e.target.value)}
            />
          </div>
          <div className="field grow">
            <label htmlFor={`${id}-r`}>
              Why it moved <span className="visually-hidden">({statement})</span>
            </label>
            <input
              id={`${id}-r`}
              value={reason}
              maxLength={TEAM_LIMITS.reasonInput}
              placeholder={last !== null ? `Needed when it differs from ${last}` : ''}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <button type="submit" className="secondary" disabled={action.busy}>
            Save <span className="visually-hidden">confidence for {statement}</span>
          </button>
          {!status && last !== null && (
            <button type="button" className="primary" disabled={action.busy} onClick={() => void confirmUnchanged()}>
              Confirm {last}/10 (unchanged)<span className="visually-hidden"> for {statement}</span>
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

const HEALTH_COLOURS: { value: HealthColour; label: string }[] = [
  { value: 'green', label: 'Green' },
  { value: 'yellow', label: 'Yellow' },
  { value: 'red', label: 'Red' },
]

/** Quadrant 4: two health indicators the team names, each green, yellow or red. Names carry over from last week. */
export function HealthQuadrant({ client, week, previous, isEditor }: QuadrantProps) {
  return (
    <section className="quadrant" aria-labelledby="q-health">
      <h3 id="q-health">
        <span className="q-number" aria-hidden="true">
          4
        </span>{' '}
        Health
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
        <span className={`confidence-badge band-${current.colour}`}>{current.colour}</span> <strong>{current.name}</strong>
        {current.note && <span className="hint"> · {current.note}</span>}
      </p>
    ) : (
      <p className="hint">Indicator {slot + 1} not set this week.</p>
    )
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!name.trim()) return action.setError('Name the indicator: what does its colour describe?')
    await action.run(() => client.send({ type: 'setHealth', weekId, slot, name, colour, note }))
  }
  return (
    <form className="health-form" onSubmit={(e) => void submit(e)}>
      <fieldset disabled={!canEdit}>
        <legend>
          Health indicator {slot + 1}
          {current ? (
            <span className="visually-hidden">
              : {current.name}, {current.colour}
            </span>
          ) : (
            ''
          )}
        </legend>
        <div className="field">
          <label htmlFor={`${id}-n`}>Name</label>
          <input
            id={`${id}-n`}
            value={name}
            maxLength={TEAM_LIMITS.person}
            placeholder={slot === 0 ? 'e.g. Team morale' : 'e.g. Customer escalations'}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="colour-choices" role="radiogroup" aria-label={`Colour of indicator ${slot + 1}`}>
          {HEALTH_COLOURS.map((c) => (
            <label key={c.value} className={`choice colour-choice band-${c.value}`}>
              <input type="radio" name={`${id}-colour`} value={c.value} checked={colour === c.value} onChange={() => setColour(c.value)} /> {c.label}
            </label>
          ))}
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>Note</label>
          <input id={`${id}-note`} value={note} maxLength={TEAM_LIMITS.note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <button type="submit" className="secondary" disabled={action.busy}>
          Save indicator {slot + 1}
        </button>
        {current && (
          <p className="hint">
            Saved: {current.name}, {current.colour}.
          </p>
        )}
        {!canEdit && <p className="hint">Name indicator 1 first.</p>}
        <FormError error={action.error} />
      </fieldset>
    </form>
  )
}
