import { useBoardUi, BOARD_SEARCH_ID } from './boardUiStore.ts'
import { useBoardCommands } from './boardCommands.tsx'
import { formatCount, plural } from '../../ui/formatCount.ts'
import type { BoardModel } from '../../../../shared/board/boardModel.ts'

/** Search, counts, and "Undo my last move". */
export function BoardToolbar({ model }: { model: BoardModel }) {
  const query = useBoardUi((s) => s.query)
  const setQuery = useBoardUi((s) => s.setQuery)
  const canMove = useBoardUi((s) => s.canMove)
  const isUndoing = useBoardUi((s) => s.status.phase === 'saving' && s.status.text.startsWith('Undoing'))
  const commands = useBoardCommands()
  return (
    <div className="board-toolbar">
      <div className="board-search">
        <label htmlFor={BOARD_SEARCH_ID}>Search the board</label>
        <input id={BOARD_SEARCH_ID} type="search" value={query} placeholder="Title, why, or cluster name" onChange={(e) => setQuery(e.target.value)} />
      </div>
      <p className="board-counts">
        <strong>{plural(model.cardCount, 'card', 'cards')}</strong> · {plural(model.clusterCount, 'cluster', 'clusters')}
        {model.isFiltered && <> · {formatCount(model.matchCount)} match</>}
      </p>
      {canMove && (
        <p className="hint phone-board-hint">Tap <strong>Actions</strong> on a card to merge it into another or put it in a cluster.</p>
      )}
      {canMove && (
        <button type="button" className="secondary" disabled={isUndoing} onClick={() => void commands.undo()}>
          Undo my last move
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
      <p role="status" aria-live="polite">{status.phase === 'idle' ? '' : status.text}</p>
      {status.phase === 'failed' && (
        <button type="button" className="link" onClick={clearStatus}>Dismiss</button>
      )}
    </div>
  )
}
