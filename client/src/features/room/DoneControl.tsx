import { useCallback } from 'react'
import { doneProgress } from '../../../../shared/presence/roomCounts.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useConnection } from '../../state/connectionStore.ts'
import { useCommand } from '../../sync/useCommand.ts'
import { useMe } from '../../sync/useFeed.ts'
import { Trans, useTranslation } from 'react-i18next'

/** "I'm done" for participants, and "812 of 1,040 done" for everyone. */
export function DoneControl() {
  const { client, view } = useMeeting()
  const me = useConnection((s) => s.identity)
  const progress = doneProgress(view)
  const { t } = useTranslation()
  const self = useMe(client)
  const isDone = self !== null && self.id === me?.participantId && self.doneStage === view.stage
  const toggle = useCallback(() => client.send({ type: 'markDone', stage: view.stage, done: !isDone }), [client, view.stage, isDone])
  const { state, execute } = useCommand(toggle)
  const percent = progress.total === 0 ? 0 : Math.round((progress.done / progress.total) * 100)
  return (
    <div className="done-control">
      <div className="progress-row">
        <p className="done-count" aria-live="polite">
          <Trans i18nKey="done.count" values={{ done: progress.done, total: progress.total }} components={{ strong: <strong /> }} />
        </p>
        <div
          className="progress"
          role="progressbar"
          aria-label={t('done.progress')}
          aria-valuemin={0}
          aria-valuemax={progress.total}
          aria-valuenow={progress.done}
        >
          <div className="progress-fill" style={{ width: `${percent}%` }} />
        </div>
      </div>
      {me?.role === 'participant' && (
        <div className="done-action">
          <button
            type="button"
            className={isDone ? 'secondary large' : 'primary large'}
            aria-pressed={isDone}
            onClick={() => void execute()}
            disabled={state.phase === 'saving'}
          >
            {isDone ? t('done.imDonePressed') : t('done.imDone')}
          </button>
          <span className="hint" aria-live="polite">
            {state.phase === 'saving' ? t('common.saving') : state.phase === 'failed' ? state.message : isDone ? t('done.tapAgain') : ''}
          </span>
        </div>
      )}
    </div>
  )
}
