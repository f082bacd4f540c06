import { useEffect, useId, useState, type FormEvent } from 'react'
import { isOneLine } from '../../../../shared/rhythm/isOneLine.ts'
import { MAX_REASON_CHARS, type Priority } from '../../../../shared/rhythm/rhythmTypes.ts'
import { TEAM_LIMITS } from '../../../../shared/rhythm/teamCommands.ts'
import { REACTIONS, REACTION_LABELS, type WallWin } from '../../../../shared/rhythm/teamDoc.ts'
import { FormError, useAction } from './fields.tsx'
import type { QuadrantProps } from './FourSquare.tsx'
import { NavLink } from './NavLink.tsx'
import { teamPaths } from './teamPaths.ts'
import { ownReactorKey } from './teamStorage.ts'
import { useTranslation } from 'react-i18next'

/** Friday: the wall of wins (anyone may react), this week's priorities done or not done, the report's notes. */
export function FridaySection({ client, view, week, isEditor }: QuadrantProps) {
  const { t } = useTranslation()
  return (
    <section className="friday" aria-labelledby="friday-heading">
      <h2 id="friday-heading">{t('friday.heading')}</h2>
      <div className="friday-grid">
        <div>
          <h3>{t('friday.wall')}</h3>
          {isEditor && <PostWin client={client} weekId={week.weekId} />}
          {week.wins.length === 0 ? (
            <p className="hint">{t('friday.noWins')}</p>
          ) : (
            <ul className="wins-wall" aria-label={t('friday.wins')}>
              {week.wins.map((w) => (
                <WinCard key={w.id} win={w} client={client} weekId={week.weekId} isEditor={isEditor} />
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3>{t('friday.prioritiesDone')}</h3>
          {week.priorities.length === 0 && <p className="hint">{t('friday.noPriorities')}</p>}
          <ul className="outcome-list">
            {week.priorities.map((p) => {
              const outcome = week.outcomes.find((o) => o.priorityId === p.id) ?? null
              return <OutcomeRow key={p.id} client={client} weekId={week.weekId} priority={p} outcome={outcome} isEditor={isEditor} />
            })}
          </ul>
          {isEditor && <ReportNotes client={client} weekId={week.weekId} risks={week.risks} remarks={week.remarks} />}
          <p>
            <NavLink className="button secondary" href={teamPaths.report(view.record.id, week.weekId)}>
              {t('friday.openReport')}
            </NavLink>
          </p>
        </div>
      </div>
    </section>
  )
}

function PostWin({ client, weekId }: { client: QuadrantProps['client']; weekId: string }) {
  const { t } = useTranslation()
  const id = useId()
  const [text, setText] = useState('')
  const [by, setBy] = useState('')
  const action = useAction()
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!text.trim()) return action.setError(t('friday.winNeedsText'))
    if (await action.run(() => client.send({ type: 'postWin', weekId, text, by }))) setText('')
  }
  return (
    <form className="add-form" onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label htmlFor={`${id}-t`}>{t('friday.aWin')}</label>
        <input id={`${id}-t`} value={text} maxLength={TEAM_LIMITS.win} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-b`}>{t('friday.by')}</label>
        <input id={`${id}-b`} value={by} maxLength={TEAM_LIMITS.person} onChange={(e) => setBy(e.target.value)} />
      </div>
      <FormError error={action.error} />
      <button type="submit" className="primary" disabled={action.busy}>
        {t('friday.postWin')}
      </button>
    </form>
  )
}

function WinCard({ win, client, weekId, isEditor }: { win: WallWin; client: QuadrantProps['client']; weekId: string; isEditor: boolean }) {
  const { t } = useTranslation()
  const action = useAction()
  const [key, setKey] = useState<string | null>(null)
  // Without SubtleCrypto (plain http on another host) the page remembers what this tab pressed instead.
  const [pressed, setPressed] = useState<ReadonlySet<string>>(new Set())
  useEffect(() => void ownReactorKey().then(setKey), [])
  return (
    <li className="win-card">
      <p className="win-text">{win.text}</p>
      {win.by && <p className="hint">— {win.by}</p>}
      <div className="reactions" role="group" aria-label={t('friday.reactionsTo', { text: win.text })}>
        {REACTIONS.map((r) => {
          const count = (win.reactions[r] ?? []).length
          const isOn = key !== null ? (win.reactions[r] ?? []).includes(key) : pressed.has(r)
          return (
            <button
              key={r}
              type="button"
              className="reaction"
              aria-pressed={isOn}
              aria-label={t('friday.reactionCount', { label: t(`friday.${r}`), count })}
              onClick={() =>
                void action.run(async () => {
                  await client.send({ type: 'react', weekId, winId: win.id, reaction: r, on: !isOn })
                  setPressed((s) => {
                    const next = new Set(s)
                    if (isOn) next.delete(r)
                    else next.add(r)
                    return next
                  })
                })
              }
            >
              <span aria-hidden="true">{REACTION_LABELS[r].emoji}</span> <span aria-hidden="true">{count > 0 ? count : ''}</span>
            </button>
          )
        })}
        {isEditor && (
          <button
            type="button"
            className="link"
            aria-label={t('friday.removeWin', { text: win.text })}
            onClick={() => void action.run(() => client.send({ type: 'removeWin', weekId, winId: win.id }))}
          >
            {t('common.remove')}
          </button>
        )}
      </div>
      <FormError error={action.error} />
    </li>
  )
}

function OutcomeRow({
  client,
  weekId,
  priority,
  outcome,
  isEditor,
}: {
  client: QuadrantProps['client']
  weekId: string
  priority: Priority
  outcome: { isDone: boolean; why: string } | null
  isEditor: boolean
}) {
  const { t } = useTranslation()
  const id = useId()
  const [isDone, setIsDone] = useState<boolean | null>(outcome?.isDone ?? null)
  const [why, setWhy] = useState(outcome?.why ?? '')
  const action = useAction()
  useEffect(() => {
    setIsDone(outcome?.isDone ?? null)
    setWhy(outcome?.why ?? '')
  }, [outcome?.isDone, outcome?.why])
  const status = outcome === null ? t('friday.notMarked') : outcome.isDone ? t('friday.done') : t('friday.notDone')
  if (!isEditor) {
    return (
      <li className="outcome-row">
        <strong>
          {priority.rank} {priority.title}
        </strong>{' '}
        <span className={`outcome-badge outcome-${outcome === null ? 'unmarked' : outcome.isDone ? 'done' : 'not-done'}`}>{status}</span>
        {outcome?.why && <span className="hint"> · {outcome.why}</span>}
      </li>
    )
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (isDone === null) return action.setError(t('friday.doneOrNot'))
    if (!isDone && !why.trim()) return action.setError(t('friday.notDoneWhy'))
    if (why.trim() && !isOneLine(why)) return action.setError(t('friday.whyOneLine', { n: MAX_REASON_CHARS }))
    await action.run(() => client.send({ type: 'markOutcome', weekId, priorityId: priority.id, isDone, why }))
  }
  return (
    <li className="outcome-row">
      <form onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>
            {priority.rank} {priority.title}{' '}
            <span className={`outcome-badge outcome-${outcome === null ? 'unmarked' : outcome.isDone ? 'done' : 'not-done'}`}>{status}</span>
          </legend>
          <div className="button-row">
            <label className="choice">
              <input type="radio" name={`${id}-done`} checked={isDone === true} onChange={() => setIsDone(true)} /> {t('friday.done')}
            </label>
            <label className="choice">
              <input type="radio" name={`${id}-done`} checked={isDone === false} onChange={() => setIsDone(false)} /> {t('friday.notDone')}
            </label>
          </div>
          <div className="field">
            <label htmlFor={`${id}-why`}>{t('friday.why')}</label>
            <input id={`${id}-why`} value={why} maxLength={TEAM_LIMITS.reasonInput} onChange={(e) => setWhy(e.target.value)} />
          </div>
          <FormError error={action.error} />
          <button type="submit" className="secondary" disabled={action.busy}>
            {t('friday.save')} <span className="visually-hidden">{t('friday.outcomeOf', { title: priority.title })}</span>
          </button>
        </fieldset>
      </form>
    </li>
  )
}

function ReportNotes({ client, weekId, risks, remarks }: { client: QuadrantProps['client']; weekId: string; risks: string[]; remarks: string }) {
  const { t } = useTranslation()
  const id = useId()
  const [riskText, setRiskText] = useState(risks.join('\n'))
  const [remarkText, setRemarkText] = useState(remarks)
  const [saved, setSaved] = useState(false)
  const action = useAction()
  useEffect(() => {
    setRiskText(risks.join('\n'))
    setRemarkText(remarks)
  }, [risks.join('\n'), remarks]) // eslint-disable-line react-hooks/exhaustive-deps
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setSaved(false)
    const list = riskText
      .split('\n')
      .map((r) => r.trim())
      .filter(Boolean)
    if (await action.run(() => client.send({ type: 'setReportNotes', weekId, risks: list, remarks: remarkText }))) setSaved(true)
  }
  return (
    <form className="add-form report-notes" onSubmit={(e) => void submit(e)}>
      <p className="add-form-title">{t('friday.forReport')}</p>
      <div className="field">
        <label htmlFor={`${id}-r`}>{t('friday.risks')}</label>
        <textarea id={`${id}-r`} rows={3} value={riskText} onChange={(e) => setRiskText(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-m`}>{t('friday.remarks')}</label>
        <textarea id={`${id}-m`} rows={3} value={remarkText} maxLength={TEAM_LIMITS.remarks} onChange={(e) => setRemarkText(e.target.value)} />
      </div>
      <FormError error={action.error} />
      <button type="submit" className="secondary" disabled={action.busy}>
        {t('friday.saveNotes')}
      </button>
      {saved && (
        <p className="hint" role="status">
          {t('friday.saved')}
        </p>
      )}
    </form>
  )
}
