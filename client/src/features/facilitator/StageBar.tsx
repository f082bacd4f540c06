import { useCallback, useEffect, useState } from 'react'
import { facilitatorNextStep, type FacilitatorNextStep } from '../../../../shared/stages/facilitatorNextStep.ts'
import { doneProgress, votedProgress } from '../../../../shared/presence/roomCounts.ts'
import { STAGE_LABELS, previousStage } from '../../../../shared/stages/stages.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useCommand } from '../../sync/useCommand.ts'
import { useCascade } from '../cascade/useCascade.ts'
import { formatCount } from '../../ui/formatCount.ts'
import { StageTimerDisplay } from '../room/StageTimerDisplay.tsx'
import { TIE_RESOLUTION_ID, VOTE_SETUP_FORM_ID } from '../vote/voteAnchors.ts'

type BarAction = { kind: 'changeStage'; move: 'advance' | 'back' } | { kind: 'vote'; command: 'closeVoting' | 'revealVotes' | 'startFinalRound' }

/**
 * The facilitator's stage controls, stuck to the top of the window so they are reachable from anywhere on a long
 * board or a phone: where the room is, the one next step that makes sense now, and a guarded way back.
 */
export function StageBar() {
  const { client, view } = useMeeting()
  const step = facilitatorNextStep(view.stage, view.vote)
  const previous = view.stage === 'published' ? null : previousStage(view.stage)
  const [isConfirmingBack, setConfirmingBack] = useState(false)
  const act = useCallback(
    (action: BarAction): Promise<unknown> =>
      action.kind === 'changeStage' ? client.send({ type: 'changeStage', move: action.move, expected: view.stage }) : client.send({ type: action.command }),
    [client, view.stage],
  )
  const { state, execute, reset } = useCommand(act)
  // A refusal to publish an unlinked department set is stale once the links change; any refusal is stale in a new step.
  const links = JSON.stringify(useCascade().supports)
  useEffect(() => reset(), [links, step.kind, view.stage]) // eslint-disable-line react-hooks/exhaustive-deps
  const isSaving = state.phase === 'saving'
  return (
    <section className="stage-bar" aria-label="Stage controls">
      <div className="stage-bar-row">
        <div className="stage-bar-status">
          <span className="stage-bar-stage">{STAGE_LABELS[view.stage]}</span>
          <StageProgress />
          <StageTimerDisplay compact />
        </div>
        <div className="stage-bar-actions">
          <NextStepControl step={step} isSaving={isSaving} onAct={(a) => void execute(a)} />
          {previous && !isConfirmingBack && (
            <button type="button" className="secondary" disabled={isSaving} onClick={() => setConfirmingBack(true)}>
              <span className="wide-only">Back to {STAGE_LABELS[previous]}…</span>
              <span className="narrow-only" aria-hidden="true">
                Back…
              </span>
            </button>
          )}
        </div>
      </div>
      {previous && isConfirmingBack && (
        <div className="confirm" role="alertdialog" aria-labelledby="confirm-back-text">
          <p id="confirm-back-text">
            Go back to <strong>{STAGE_LABELS[previous]}</strong>? Everyone’s screen moves back with you.
            {view.stage === 'vote' && ' All ballots cast so far are discarded: the vote starts again after grouping.'}
          </p>
          <div className="button-row">
            <button
              type="button"
              className="danger"
              autoFocus
              onClick={() => {
                setConfirmingBack(false)
                void execute({ kind: 'changeStage', move: 'back' })
              }}
            >
              Yes, go back
            </button>
            <button type="button" className="secondary" onClick={() => setConfirmingBack(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <p className="hint stage-bar-message" aria-live="polite">
        {isSaving ? 'Saving…' : state.phase === 'failed' ? state.message : ''}
      </p>
    </section>
  )
}

const VOTE_BUTTONS = { closeVoting: 'Close voting', revealVotes: 'Reveal results', startFinalRound: 'Start round 2 on the shortlist' } as const

function NextStepControl({ step, isSaving, onAct }: { step: FacilitatorNextStep; isSaving: boolean; onAct: (action: BarAction) => void }) {
  switch (step.kind) {
    case 'advance':
      return (
        <button type="button" className="primary" disabled={isSaving} onClick={() => onAct({ kind: 'changeStage', move: 'advance' })}>
          {step.to === 'published' ? 'Confirm and publish' : `Advance to ${STAGE_LABELS[step.to]}`}
        </button>
      )
    case 'openVoting':
      // Submits the setup form below (its rules travel with it), wherever the facilitator has scrolled to.
      return (
        <button type="submit" form={VOTE_SETUP_FORM_ID} className="primary">
          Open voting
        </button>
      )
    case 'closeVoting':
    case 'revealVotes':
    case 'startFinalRound':
      return (
        <button type="button" className="primary" disabled={isSaving} onClick={() => onAct({ kind: 'vote', command: step.kind })}>
          {VOTE_BUTTONS[step.kind]}
        </button>
      )
    case 'settleTie':
      return (
        <a className="button primary" href={`#${TIE_RESOLUTION_ID}`}>
          Next: settle the tie
        </a>
      )
    case 'preparing':
      return <span className="hint">Preparing the vote…</span>
    case 'none':
      return <span className="hint">This is the last stage.</span>
  }
}

/** One count for the stage: who voted in Vote, who is done in the other working stages. */
function StageProgress() {
  const { view } = useMeeting()
  if (view.stage === 'vote' && view.vote && view.vote.phase !== 'setup') {
    const { voted, total } = votedProgress(view, view.vote.round)
    return (
      <span className="stage-bar-count">
        <strong>{formatCount(voted)}</strong> of {formatCount(total)} voted
      </span>
    )
  }
  const progress = doneProgress(view)
  if (!progress.isTracked || view.stage === 'vote') return null
  return (
    <span className="stage-bar-count">
      <strong>{formatCount(progress.done)}</strong> of {formatCount(progress.total)} done
    </span>
  )
}
