import { useId, useState, type FormEvent } from 'react'
import type { CardRecord, ClusterRecord } from '../../../../shared/board/boardTypes.ts'
import { MAX_OBJECTIVE_TITLE_LENGTH } from '../../../../shared/submissions/submissionTypes.ts'
import { plural } from '../../ui/formatCount.ts'
import { cardHandleId, useBoardUi } from './boardUiStore.ts'
import { useBoardCommands } from './boardCommands.tsx'
import { peopleCount } from '../../../../shared/board/boardModel.ts'
import { BoardDialog } from './BoardDialog.tsx'

type Choice = 'target' | 'source' | 'new'

/** Merging two duplicates: the mover picks which title stays, or writes a new one. */
export function MergeDialog({ source, target, targetCluster }: { source: CardRecord; target: CardRecord; targetCluster: ClusterRecord | undefined }) {
  const commands = useBoardCommands()
  const closeDialog = useBoardUi((s) => s.closeDialog)
  const [choice, setChoice] = useState<Choice>('target')
  const [newTitle, setNewTitle] = useState('')
  const headingId = useId()
  const newTitleId = useId()
  const name = useId()
  const title = choice === 'target' ? target.title : choice === 'source' ? source.title : newTitle.trim()
  const people = new Set([...source.authorIds, ...source.supporterIds, ...target.authorIds, ...target.supporterIds]).size
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!title) return
    closeDialog(cardHandleId(target.id))
    void commands.merge(source.id, target.id, title)
  }
  const canAddToCluster = targetCluster && source.clusterId !== targetCluster.id
  return (
    <BoardDialog labelledBy={headingId} onClose={() => closeDialog()}>
      <form onSubmit={submit} className="dialog-form">
        <h2 id={headingId}>Merge two cards</h2>
        <p className="hint">
          One card stays, with all {plural(people, 'person', 'people')} who proposed or supported either. The other title stays visible under it.
        </p>
        <fieldset>
          <legend>Which title stays?</legend>
          <label className="choice">
            <input type="radio" name={name} checked={choice === 'target'} onChange={() => setChoice('target')} autoFocus />
            <span>
              {target.title} <span className="hint">({plural(peopleCount(target), 'person', 'people')})</span>
            </span>
          </label>
          {source.title !== target.title && (
            <label className="choice">
              <input type="radio" name={name} checked={choice === 'source'} onChange={() => setChoice('source')} />
              <span>
                {source.title} <span className="hint">({plural(peopleCount(source), 'person', 'people')})</span>
              </span>
            </label>
          )}
          <label className="choice">
            <input type="radio" name={name} checked={choice === 'new'} onChange={() => setChoice('new')} />
            <span>Write a new title</span>
          </label>
          {choice === 'new' && (
            <div className="field">
              <label htmlFor={newTitleId}>New title</label>
              <input
                id={newTitleId}
                type="text"
                value={newTitle}
                maxLength={MAX_OBJECTIVE_TITLE_LENGTH}
                autoFocus
                required
                onChange={(e) => setNewTitle(e.target.value)}
              />
            </div>
          )}
        </fieldset>
        <div className="button-row">
          <button type="submit" className="primary" disabled={!title}>
            Merge
          </button>
          {canAddToCluster && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                closeDialog(cardHandleId(source.id))
                void commands.move(source.id, targetCluster.id)
              }}
            >
              Add to “{targetCluster.name}” instead
            </button>
          )}
          <button type="button" className="secondary" onClick={() => closeDialog()}>
            Cancel
          </button>
        </div>
      </form>
    </BoardDialog>
  )
}
