import { useId, useState, type FormEvent } from 'react'
import { suggestBudget, TWO_ROUNDS_SUGGESTED_ABOVE } from '../../../../shared/voting/voteRules.ts'
import type { VoteState } from '../../../../shared/voting/voteState.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { VOTE_SETUP_FORM_ID } from './voteAnchors.ts'
import { useTranslation } from 'react-i18next'
import { describeFailure } from '../../i18n/describeFailure.ts'

/** The facilitator sets the rules before opening: dots (suggested), cap, own-vote rule, reminder, two rounds. */
export function VoteSetup({ vote }: { vote: VoteState }) {
  const { client, view } = useMeeting()
  const count = vote.candidates.length
  const [budget, setBudget] = useState(String(vote.settings.budget))
  const [cap, setCap] = useState(vote.settings.perCandidateCap === null ? '' : String(vote.settings.perCandidateCap))
  const [isOwnVoteForbidden, setOwn] = useState(vote.settings.isOwnVoteForbidden)
  const [isSpendAllReminded, setRemind] = useState(vote.settings.isSpendAllReminded)
  const [isTwoRounds, setTwoRounds] = useState(vote.shortlistSize !== null)
  const [shortlist, setShortlist] = useState(String(vote.shortlistSize ?? Math.min(10, Math.max(view.objectiveCount + 1, count - 1))))
  const [error, setError] = useState<string | null>(null)
  const [isSaving, setSaving] = useState(false)
  const ids = { budget: useId(), cap: useId(), shortlist: useId() }
  const { t } = useTranslation()

  const open = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    setSaving(true)
    try {
      await client.send({
        type: 'configureVote',
        budget: Number(budget),
        perCandidateCap: cap === '' ? null : Number(cap),
        isOwnVoteForbidden,
        isSpendAllReminded,
        shortlistSize: isTwoRounds ? Number(shortlist) : null,
      })
      await client.send({ type: 'openVoting' })
    } catch (e) {
      setError(describeFailure(e))
    } finally {
      setSaving(false)
    }
  }
  return (
    <form id={VOTE_SETUP_FORM_ID} className="vote-setup" onSubmit={open} aria-labelledby="vote-setup-heading">
      <h3 id="vote-setup-heading">{t('voteSetup.heading', { count })}</h3>
      <div className="field">
        <label htmlFor={ids.budget}>{t('voteSetup.budget')}</label>
        <input
          id={ids.budget}
          type="number"
          min={1}
          max={20}
          required
          value={budget}
          onChange={(e) => setBudget(e.target.value)}
          aria-describedby={`${ids.budget}-hint`}
        />
        <p className="hint" id={`${ids.budget}-hint`}>
          {t('voteSetup.budgetHint', { n: suggestBudget(count) })}
        </p>
      </div>
      <div className="field">
        <label htmlFor={ids.cap}>{t('voteSetup.cap')}</label>
        <input id={ids.cap} type="number" min={1} max={20} value={cap} onChange={(e) => setCap(e.target.value)} />
      </div>
      <label className="choice">
        <input type="checkbox" checked={isOwnVoteForbidden} onChange={(e) => setOwn(e.target.checked)} /> {t('voteSetup.ownVote')}
      </label>
      <label className="choice">
        <input type="checkbox" checked={isSpendAllReminded} onChange={(e) => setRemind(e.target.checked)} /> {t('voteSetup.remind')}
      </label>
      <label className="choice">
        <input type="checkbox" checked={isTwoRounds} onChange={(e) => setTwoRounds(e.target.checked)} /> {t('voteSetup.twoRounds')}
        {count > TWO_ROUNDS_SUGGESTED_ABOVE && <span className="hint">{t('voteSetup.twoRoundsHint', { n: TWO_ROUNDS_SUGGESTED_ABOVE })}</span>}
      </label>
      {isTwoRounds && (
        <div className="field">
          <label htmlFor={ids.shortlist}>{t('voteSetup.shortlist')}</label>
          <input
            id={ids.shortlist}
            type="number"
            min={view.objectiveCount + 1}
            max={count - 1}
            value={shortlist}
            onChange={(e) => setShortlist(e.target.value)}
          />
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <p className="hint" aria-live="polite">
        {isSaving ? t('voteSetup.opening') : t('voteSetup.ready')}
      </p>
    </form>
  )
}
