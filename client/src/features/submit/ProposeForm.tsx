import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'
import { MAX_OBJECTIVE_TITLE_LENGTH, MAX_OBJECTIVE_WHY_LENGTH } from '../../../../shared/submissions/submissionTypes.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useCommand } from '../../sync/useCommand.ts'
import { useConnection } from '../../state/connectionStore.ts'
import { SimilarHints } from './SimilarHints.tsx'
import { CharacterCount, fits } from '../../ui/CharacterCount.tsx'

export function ProposeForm({ remaining }: { remaining: number }) {
  const { client } = useMeeting()
  const [title, setTitle] = useState('')
  const [why, setWhy] = useState('')
  const [justProposed, setJustProposed] = useState<string | null>(null)
  const isOnline = useConnection((s) => s.status === 'connected')
  const titleId = useId()
  const whyId = useId()
  const propose = useCallback(
    (t: string, w: string) => client.send({ type: 'submitObjective', title: t, why: w }),
    [client],
  )
  const { state, execute } = useCommand(propose)
  useEffect(() => {
    if (title) setJustProposed(null)
  }, [title])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const proposed = title
    const result = await execute(title, why)
    if (result) {
      setTitle('')
      setWhy('')
      setJustProposed(proposed)
    }
  }
  const clear = (supportedTitle: string) => {
    setTitle('')
    setWhy('')
    setJustProposed(`You now support “${supportedTitle}”.`)
  }
  const isFull = remaining === 0
  const isTitleFit = fits(title, MAX_OBJECTIVE_TITLE_LENGTH)
  const isWhyFit = fits(why, MAX_OBJECTIVE_WHY_LENGTH)
  return (
    <form className="propose-form" onSubmit={submit} aria-labelledby="propose-heading">
      <h3 id="propose-heading">Propose an objective</h3>
      <p className="hint">
        A clear, inspiring goal for the quarter — “Become the easiest shop software to start with”, not a task.
      </p>
      <div className="field">
        <label htmlFor={titleId}>Objective</label>
        <input id={titleId} value={title} required disabled={isFull} aria-invalid={!isTitleFit}
          aria-describedby={`${titleId}-count`} autoComplete="off" onChange={(e) => setTitle(e.target.value)} />
        <CharacterCount id={`${titleId}-count`} length={title.trim().length} max={MAX_OBJECTIVE_TITLE_LENGTH} />
      </div>
      <SimilarHints text={title} onSupported={clear} />
      <div className="field">
        <label htmlFor={whyId}>Why it matters now (optional)</label>
        <textarea id={whyId} value={why} rows={3} disabled={isFull} aria-invalid={!isWhyFit}
          aria-describedby={`${whyId}-count`} onChange={(e) => setWhy(e.target.value)} />
        <CharacterCount id={`${whyId}-count`} length={why.trim().length} max={MAX_OBJECTIVE_WHY_LENGTH} />
      </div>
      <div className="done-action">
        <button type="submit" className="primary large" disabled={isFull || state.phase === 'saving' || !title.trim() || !isTitleFit || !isWhyFit}>
          Propose objective
        </button>
        <span className="hint" aria-live="polite">
          {state.phase === 'saving'
            ? isOnline ? 'Saving…' : 'Offline: it will be sent when the connection is back.'
            : state.phase === 'failed'
              ? state.message
              : [
                  justProposed && (justProposed.startsWith('You now') ? justProposed : `Proposed: “${justProposed}”.`),
                  isFull ? 'You have used all your proposals. Edit or withdraw one, or support others.' : `You can propose ${remaining} more.`,
                ]
                  .filter(Boolean)
                  .join(' ')}
        </span>
      </div>
    </form>
  )
}
