import { useBoardUi, BOARD_SEARCH_ID } from './boardUiStore.ts'
import { useBoardCommands } from './boardCommands.tsx'
import type { BoardModel } from '../../../../shared/board/boardModel.ts'
import { Trans, useTranslation } from 'react-i18next'

/** Search, counts, the last move's status, and "Undo my last move": one row above the board. */
export function BoardToolbar({ model }: { model: BoardModel }) {
  const query = useBoardUi((s) => s.query)
  const setQuery = useBoardUi((s) => s.setQuery)
  const canMove = useBoardUi((s) => s.canMove)
  const isUndoing = useBoardUi((s) => s.status.phase === 'saving' && s.status.text.startsWith('Undoing'))
  const commands = useBoardCommands()
  const { t } = useTranslation()
  return (
    <div className="board-toolbar">
      <div className="board-search">
        <label htmlFor={BOARD_SEARCH_ID}>{t('board.search')}</label>
        <input id={BOARD_SEARCH_ID} type="search" value={query} placeholder={t('board.searchPlaceholder')} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <p className="board-counts">
        <strong>{t('board.cards', { count: model.cardCount })}</strong> · {t('board.clusters', { count: model.clusterCount })}
        {model.isFiltered && <> · {t('board.match', { count: model.matchCount })}</>}
      </p>
      <MoveStatusLine />
      {canMove && (
        <p className="hint phone-board-hint">
          <Trans i18nKey="board.phoneHint" components={{ strong: <strong /> }} />
        </p>
      )}
      {canMove && (
        <button type="button" className="secondary" disabled={isUndoing} onClick={() => void commands.undo()}>
          {t('board.undo')}
        </button>
      )}
    </div>
  )
}

/** Saving → saved, or the server's sentence when a move was refused. */
export function MoveStatusLine() {
  const status = useBoardUi((s) => s.status)
  const clearStatus = useBoardUi((s) => s.clearStatus)
  return (
    <div className={`move-status ${status.phase}`}>
      <p role="status" aria-live="polite">
        {status.phase === 'idle' ? '' : status.text}
      </p>
      {status.phase === 'failed' && (
        <button type="button" className="link" onClick={clearStatus}>
          Dismiss
        </button>
      )}
    </div>
  )
}
