import { useId, useState, type FormEvent } from 'react'
import type { CardRecord, ClusterRecord } from '../../../../shared/board/boardTypes.ts'
import { MAX_OBJECTIVE_TITLE_LENGTH } from '../../../../shared/submissions/submissionTypes.ts'
import { cardHandleId, useBoardUi } from './boardUiStore.ts'
import { useBoardCommands } from './boardCommands.tsx'
import { peopleCount } from '../../../../shared/board/boardModel.ts'
import { BoardDialog } from './BoardDialog.tsx'
import { useTranslation } from 'react-i18next'

type Choice = 'target' | 'source' | 'new'

/** Merging two duplicates: the mover picks which title stays, or writes a new one. */
export function MergeDialog({ source, target, targetCluster }: { source: CardRecord; target: CardRecord; targetCluster: ClusterRecord | undefined }) {
  const commands = useBoardCommands()
  const { t } = useTranslation()
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
        <h2 id={headingId}>{t('dialog.mergeHeading')}</h2>
        <p className="hint">{t('dialog.mergeHint', { count: people })}</p>
        <fieldset>
          <legend>{t('dialog.whichTitle')}</legend>
          <label className="choice">
            <input type="radio" name={name} checked={choice === 'target'} onChange={() => setChoice('target')} autoFocus />
            <span>
              {target.title} <span className="hint">({t('board.people', { count: peopleCount(target) })})</span>
            </span>
          </label>
          {source.title !== target.title && (
            <label className="choice">
              <input type="radio" name={name} checked={choice === 'source'} onChange={() => setChoice('source')} />
              <span>
                {source.title} <span className="hint">({t('board.people', { count: peopleCount(source) })})</span>
              </span>
            </label>
          )}
          <label className="choice">
            <input type="radio" name={name} checked={choice === 'new'} onChange={() => setChoice('new')} />
            <span>{t('dialog.writeNew')}</span>
          </label>
          {choice === 'new' && (
            <div className="field">
              <label htmlFor={newTitleId}>{t('dialog.newTitle')}</label>
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
            {t('dialog.merge')}
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
              {t('dialog.addInstead', { name: targetCluster.name })}
            </button>
          )}
          <button type="button" className="secondary" onClick={() => closeDialog()}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </BoardDialog>
  )
}
