import { useCallback } from 'react'
import { doneProgress } from '../../../../shared/presence/roomCounts.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useConnection } from '../../state/connectionStore.ts'
import { useCommand } from '../../sync/useCommand.ts'
import { useMe } from '../../sync/useFeed.ts'
import { formatCount } from '../../ui/formatCount.ts'

/** "I'm done" for participants, and "812 of 1,040 done" for everyone. */
export function DoneControl() {
  const { client, view } = useMeeting()
  const me = useConnection((s) => s.identity)
  const progress = doneProgress(view)
  const self = useMe(client)
  const isDone = self !== null && self.id === me?.participantId && self.doneStage === view.stage
  const toggle = useCallback(
    () => client.send({ type: 'markDone', stage: view.stage, done: !isDone }),
    [client, view.stage, isDone],
  )
  const { state, execute } = useCommand(toggle)
  const percent = progress.total === 0 ? 0 : Math.round((progress.done / progress.total) * 100)
  return (
    <div className="done-control">
      <div className="progress-row">
        <p className="done-count" aria-live="polite">
          <strong>{formatCount(progress.done)}</strong> of {formatCount(progress.total)} done
        </p>
        <div className="progress" role="progressbar" aria-label="People done with this stage"
          aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.done}>
          <div className="progress-fill" style={{ width: `${percent}%` }} />
        </div>
      </div>
      {me?.role === 'participant' && (
        <div className="done-action">
          <button type="button" className={isDone ? 'secondary large' : 'primary large'} aria-pressed={isDone}
            onClick={() => void execute()} disabled={state.phase === 'saving'}>
            {isDone ? '✓ I’m done' : 'I’m done'}
          </button>
          <span className="hint" aria-live="polite">
            {state.phase === 'saving' ? 'Saving…' : state.phase === 'failed' ? state.message : isDone ? 'Tap again if you want to keep working.' : ''}
          </span>
        </div>
      )}
    </div>
  )
}
