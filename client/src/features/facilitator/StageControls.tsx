import { useCallback, useEffect, useState } from 'react'
import { STAGE_LABELS, nextStage, previousStage } from '../../../../shared/stages/stages.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useCommand } from '../../sync/useCommand.ts'
import { useCascade } from '../cascade/useCascade.ts'

export function StageControls() {
  const { client, view } = useMeeting()
  const next = nextStage(view.stage)
  const previous = view.stage === 'published' ? null : previousStage(view.stage)
  const [isConfirmingBack, setConfirmingBack] = useState(false)
  const move = useCallback(
    (direction: 'advance' | 'back') => client.send({ type: 'changeStage', move: direction, expected: view.stage }),
    [client, view.stage],
  )
  const { state, execute, reset } = useCommand(move)
  // A refusal to publish an unlinked department set is stale once the links change.
  const links = JSON.stringify(useCascade().supports)
  useEffect(() => reset(), [links]) // eslint-disable-line react-hooks/exhaustive-deps
  const isSaving = state.phase === 'saving'
  return (
    <section className="card controls" aria-labelledby="stage-controls-heading">
      <h2 id="stage-controls-heading">Stage</h2>
      {next ? (
        <button type="button" className="primary large" disabled={isSaving} onClick={() => void execute('advance')}>
          {next === 'published' ? 'Confirm and publish' : `Advance to ${STAGE_LABELS[next]}`}
        </button>
      ) : (
        <p className="hint">This is the last stage.</p>
      )}
      {previous && !isConfirmingBack && (
        <button type="button" className="secondary" disabled={isSaving} onClick={() => setConfirmingBack(true)}>
          Back to {STAGE_LABELS[previous]}…
        </button>
      )}
      {previous && isConfirmingBack && (
        <div className="confirm" role="alertdialog" aria-labelledby="confirm-back-text">
          <p id="confirm-back-text">
            Go back to <strong>{STAGE_LABELS[previous]}</strong>? Everyone’s screen moves back with you.
            {view.stage === 'vote' && ' All ballots cast so far are discarded: the vote starts again after grouping.'}
          </p>
          <div className="button-row">
            <button type="button" className="danger" autoFocus
              onClick={() => {
                setConfirmingBack(false)
                void execute('back')
              }}>
              Yes, go back
            </button>
            <button type="button" className="secondary" onClick={() => setConfirmingBack(false)}>Cancel</button>
          </div>
        </div>
      )}
      <p className="hint" aria-live="polite">
        {isSaving ? 'Moving the room…' : state.phase === 'failed' ? state.message : ''}
      </p>
    </section>
  )
}
