import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'
import { MAX_OBJECTIVE_TITLE_LENGTH, MAX_OBJECTIVE_WHY_LENGTH } from '../../../../shared/submissions/submissionTypes.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useCommand } from '../../sync/useCommand.ts'
import { useConnection } from '../../state/connectionStore.ts'
import { SimilarHints } from './SimilarHints.tsx'
import { CharacterCount, fits } from '../../ui/CharacterCount.tsx'
import { useTranslation } from 'react-i18next'

export function ProposeForm({ remaining }: { remaining: number }) {
  const { client } = useMeeting()
  const [title, setTitle] = useState('')
  const [why, setWhy] = useState('')
  const [justProposed, setJustProposed] = useState<string | null>(null)
  const [isJustSupported, setJustSupported] = useState(false)
  const isOnline = useConnection((s) => s.status === 'connected')
  const titleId = useId()
  const { t } = useTranslation()
  const whyId = useId()
  const propose = useCallback((t: string, w: string) => client.send({ type: 'submitObjective', title: t, why: w }), [client])
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
      setJustSupported(false)
    }
  }
  const clear = (supportedTitle: string) => {
    setTitle('')
    setWhy('')
    setJustProposed(t('submit.supported', { title: supportedTitle }))
    setJustSupported(true)
  }
  const isFull = remaining === 0
  const isTitleFit = fits(title, MAX_OBJECTIVE_TITLE_LENGTH)
  const isWhyFit = fits(why, MAX_OBJECTIVE_WHY_LENGTH)
  return (
    <form className="propose-form" onSubmit={submit} aria-labelledby="propose-heading">
      <h3 id="propose-heading">{t('submit.heading')}</h3>
      <p className="hint">{t('submit.hint')}</p>
      <div className="field">
        <label htmlFor={titleId}>{t('submit.objective')}</label>
        <input
          id={titleId}
          value={title}
          required
          disabled={isFull}
          aria-invalid={!isTitleFit}
          aria-describedby={`${titleId}-count`}
          autoComplete="off"
          onChange={(e) => setTitle(e.target.value)}
        />
        <CharacterCount id={`${titleId}-count`} length={title.trim().length} max={MAX_OBJECTIVE_TITLE_LENGTH} />
      </div>
      <SimilarHints text={title} onSupported={clear} />
      <div className="field">
        <label htmlFor={whyId}>{t('submit.why')}</label>
        <textarea
          id={whyId}
          value={why}
          rows={3}
          disabled={isFull}
          aria-invalid={!isWhyFit}
          aria-describedby={`${whyId}-count`}
          onChange={(e) => setWhy(e.target.value)}
        />
        <CharacterCount id={`${whyId}-count`} length={why.trim().length} max={MAX_OBJECTIVE_WHY_LENGTH} />
      </div>
      <div className="done-action">
        <button type="submit" className="primary large" disabled={isFull || state.phase === 'saving' || !title.trim() || !isTitleFit || !isWhyFit}>
          {t('submit.propose')}
        </button>
        <span className="hint" aria-live="polite">
          {state.phase === 'saving'
            ? isOnline
              ? t('common.saving')
              : t('submit.offline')
            : state.phase === 'failed'
              ? state.message
              : [
                  justProposed && (isJustSupported ? justProposed : t('submit.proposed', { title: justProposed })),
                  isFull ? t('submit.full') : t('submit.remaining', { count: remaining }),
                ]
                  .filter(Boolean)
                  .join(' ')}
        </span>
      </div>
    </form>
  )
}
