import { useState } from 'react'
import type { VoteState } from '../../../../shared/voting/voteState.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { TIE_RESOLUTION_ID } from './voteAnchors.ts'
import { describeFailure } from '../../i18n/describeFailure.ts'
import { useTranslation } from 'react-i18next'

/**
 * The facilitator's in-stage choices: settling a tie and reopening. The one next step (close, reveal, round 2) is
 * the stage bar's main button.
 */
export function VoteControls({ vote }: { vote: VoteState }) {
  const { client } = useMeeting()
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  const [isBusy, setBusy] = useState(false)
  const [isConfirmingReopen, setConfirmingReopen] = useState(false)
  const [picked, setPicked] = useState<string[]>([])
  const run = async (action: () => Promise<unknown>) => {
    setError(null)
    setBusy(true)
    try {
      await action()
    } catch (e) {
      setError(describeFailure(e))
    } finally {
      setBusy(false)
    }
  }
  const result = vote.result
  const titles = new Map(vote.allCandidates.map((c) => [c.id, c.title]))
  const hasTie = vote.phase === 'revealed' && result !== null && result.tiedAtCut.length > 0
  if (!hasTie && vote.phase !== 'closed' && vote.phase !== 'revealed' && !error) return null
  return (
    <div className="vote-controls" aria-label={t('voteControls.label')} role="group">
      {hasTie && result && (
        <fieldset className="tie-resolution" id={TIE_RESOLUTION_ID}>
          <legend>{t('voteControls.settle', { n: result.seatsLeftForTied })}</legend>
          {result.tiedAtCut.map((id) => (
            <label key={id} className="choice">
              <input
                type="checkbox"
                checked={picked.includes(id)}
                onChange={(e) => setPicked((p) => (e.target.checked ? [...p, id] : p.filter((x) => x !== id)))}
              />
              {titles.get(id)}
            </label>
          ))}
          <div className="button-row">
            <button
              type="button"
              className="primary"
              disabled={isBusy || picked.length !== result.seatsLeftForTied}
              onClick={() => void run(() => client.send({ type: 'pickTied', candidateIds: picked }))}
            >
              {t('voteControls.choose')}
            </button>
            <button type="button" className="secondary" disabled={isBusy} onClick={() => void run(() => client.send({ type: 'startRunoff', budget: 1 }))}>
              {t('voteControls.runoff')}
            </button>
          </div>
        </fieldset>
      )}
      {(vote.phase === 'closed' || vote.phase === 'revealed') && !isConfirmingReopen && (
        <button type="button" className="secondary" onClick={() => setConfirmingReopen(true)}>
          {t('voteControls.reopen')}
        </button>
      )}
      {isConfirmingReopen && (
        <div className="confirm" role="alertdialog" aria-labelledby="reopen-text">
          <p id="reopen-text">{vote.phase === 'revealed' ? t('voteControls.reopenConfirmRevealed') : t('voteControls.reopenConfirm')}</p>
          <div className="button-row">
            <button
              type="button"
              className="danger"
              onClick={() => {
                setConfirmingReopen(false)
                void run(() => client.send({ type: 'reopenVoting' }))
              }}
            >
              {t('voteControls.yesReopen')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirmingReopen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
