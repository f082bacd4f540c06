import { useCallback, useEffect, useState } from 'react'
import { facilitatorNextStep, type FacilitatorNextStep } from '../../../../shared/stages/facilitatorNextStep.ts'
import { doneProgress, votedProgress } from '../../../../shared/presence/roomCounts.ts'
import { previousStage } from '../../../../shared/stages/stages.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useCommand } from '../../sync/useCommand.ts'
import { useCascade } from '../cascade/useCascade.ts'
import { Trans, useTranslation } from 'react-i18next'
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
  const { t } = useTranslation()
  return (
    <section className="stage-bar" aria-label={t('stageBar.label')}>
      <div className="stage-bar-row">
        <div className="stage-bar-status">
          <span className="stage-bar-stage">{t(`stages.${view.stage}.label`)}</span>
          <StageProgress />
          <StageTimerDisplay compact />
        </div>
        <div className="stage-bar-actions">
          <NextStepControl step={step} isSaving={isSaving} onAct={(a) => void execute(a)} />
          {previous && !isConfirmingBack && (
            <button type="button" className="secondary" disabled={isSaving} onClick={() => setConfirmingBack(true)}>
              <span className="wide-only">{t('stageBar.back', { stage: t(`stages.${previous}.label`) })}</span>
              <span className="narrow-only" aria-hidden="true">
                {t('stageBar.backShort')}
              </span>
            </button>
          )}
        </div>
      </div>
      {previous && isConfirmingBack && (
        <div className="confirm" role="alertdialog" aria-labelledby="confirm-back-text">
          <p id="confirm-back-text">
            <Trans i18nKey="stageBar.confirmBack" values={{ stage: t(`stages.${previous}.label`) }} components={{ strong: <strong /> }} />
            {view.stage === 'vote' && t('stageBar.confirmBackVote')}
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
              {t('stageBar.yesBack')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirmingBack(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      <p className="hint stage-bar-message" aria-live="polite">
        {isSaving ? t('common.saving') : state.phase === 'failed' ? state.message : ''}
      </p>
    </section>
  )
}

function NextStepControl({ step, isSaving, onAct }: { step: FacilitatorNextStep; isSaving: boolean; onAct: (action: BarAction) => void }) {
  const { t } = useTranslation()
  switch (step.kind) {
    case 'advance':
      return (
        <button type="button" className="primary" disabled={isSaving} onClick={() => onAct({ kind: 'changeStage', move: 'advance' })}>
          {step.to === 'published' ? t('stageBar.publish') : t('stageBar.advance', { stage: t(`stages.${step.to}.label`) })}
        </button>
      )
    case 'openVoting':
      // Submits the setup form below (its rules travel with it), wherever the facilitator has scrolled to.
      return (
        <button type="submit" form={VOTE_SETUP_FORM_ID} className="primary">
          {t('stageBar.openVoting')}
        </button>
      )
    case 'closeVoting':
    case 'revealVotes':
    case 'startFinalRound':
      return (
        <button type="button" className="primary" disabled={isSaving} onClick={() => onAct({ kind: 'vote', command: step.kind })}>
          {t(`stageBar.${step.kind}`)}
        </button>
      )
    case 'settleTie':
      return (
        <a className="button primary" href={`#${TIE_RESOLUTION_ID}`}>
          {t('stageBar.settleTie')}
        </a>
      )
    case 'preparing':
      return <span className="hint">{t('stageBar.preparing')}</span>
    case 'none':
      return <span className="hint">{t('stageBar.last')}</span>
  }
}

/** One count for the stage: who voted in Vote, who is done in the other working stages. */
function StageProgress() {
  const { view } = useMeeting()
  const { t } = useTranslation()
  if (view.stage === 'vote' && view.vote && view.vote.phase !== 'setup') {
    const { voted, total } = votedProgress(view, view.vote.round)
    return (
      <span className="stage-bar-count">
        <Trans t={t} i18nKey="stageBar.voted" values={{ voted, total }} components={{ strong: <strong /> }} />
      </span>
    )
  }
  const progress = doneProgress(view)
  if (!progress.isTracked || view.stage === 'vote') return null
  return (
    <span className="stage-bar-count">
      <Trans t={t} i18nKey="stageBar.done" values={{ done: progress.done, total: progress.total }} components={{ strong: <strong /> }} />
    </span>
  )
}
