import { useId, useState, type FormEvent } from 'react'
import { suggestBudget, TWO_ROUNDS_SUGGESTED_ABOVE } from '../../../../shared/voting/voteRules.ts'
import type { VoteState } from '../../../../shared/voting/voteState.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { VOTE_SETUP_FORM_ID } from './voteAnchors.ts'

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
      setError((e as Error).message)
    } finally {
      setSaving(false)
    }
  }
  return (
    <form id={VOTE_SETUP_FORM_ID} className="vote-setup" onSubmit={open} aria-labelledby="vote-setup-heading">
      <h3 id="vote-setup-heading">Set up the vote on {count} candidates</h3>
      <div className="field">
        <label htmlFor={ids.budget}>Dots per person</label>
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
          Suggested: {suggestBudget(count)} (candidates ÷ 3 + 1, kept between 3 and 5).
        </p>
      </div>
      <div className="field">
        <label htmlFor={ids.cap}>Most dots on one candidate (empty: no cap)</label>
        <input id={ids.cap} type="number" min={1} max={20} value={cap} onChange={(e) => setCap(e.target.value)} />
      </div>
      <label className="choice">
        <input type="checkbox" checked={isOwnVoteForbidden} onChange={(e) => setOwn(e.target.checked)} /> No votes on your own proposal
      </label>
      <label className="choice">
        <input type="checkbox" checked={isSpendAllReminded} onChange={(e) => setRemind(e.target.checked)} /> Remind people to spend all their dots
      </label>
      <label className="choice">
        <input type="checkbox" checked={isTwoRounds} onChange={(e) => setTwoRounds(e.target.checked)} /> Two rounds: shortlist first
        {count > TWO_ROUNDS_SUGGESTED_ABOVE && <span className="hint"> (suggested with more than {TWO_ROUNDS_SUGGESTED_ABOVE} candidates)</span>}
      </label>
      {isTwoRounds && (
        <div className="field">
          <label htmlFor={ids.shortlist}>Shortlist size</label>
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
        {isSaving ? 'Opening the vote…' : 'When the rules are right, press “Open voting” in the stage bar at the top.'}
      </p>
    </form>
  )
}
