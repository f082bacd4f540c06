import { useDeferredValue, useId, useMemo, useState } from 'react'
import type { CardRecord, ClusterRecord } from '../../../../shared/board/boardTypes.ts'
import { formatCount, plural } from '../../ui/formatCount.ts'
import { BOARD_SEARCH_ID, cardActionsId, cardHandleId, useBoardUi } from './boardUiStore.ts'
import { useBoardCommands } from './boardCommands.tsx'
import { cardMatches, normalizeQuery, peopleCount } from '../../../../shared/board/boardModel.ts'
import { BoardDialog } from './BoardDialog.tsx'

/** Options listed at once; with 2,000 cards the search narrows the rest. */
const MAX_OPTIONS = 40

/** "Merge into…": pick the card to merge into, by search, without dragging. */
export function PickCardDialog({ source, cards }: { source: CardRecord; cards: readonly CardRecord[] }) {
  const openDialog = useBoardUi((s) => s.openDialog)
  const closeDialog = useBoardUi((s) => s.closeDialog)
  const returnFocusId = useBoardUi((s) => s.returnFocusId)
  const [query, setQuery] = useState('')
  const deferred = normalizeQuery(useDeferredValue(query))
  const headingId = useId()
  const searchId = useId()
  const matches = useMemo(() => cards.filter((c) => c.id !== source.id && cardMatches(c, deferred)), [cards, source.id, deferred])
  const shown = matches.slice(0, MAX_OPTIONS)
  return (
    <BoardDialog labelledBy={headingId} onClose={() => closeDialog()}>
      <div className="dialog-form">
        <h2 id={headingId}>Merge “{source.title}” into…</h2>
        <div className="field">
          <label htmlFor={searchId}>Find a card</label>
          <input id={searchId} type="search" value={query} autoFocus onChange={(e) => setQuery(e.target.value)} />
        </div>
        <p className="hint" aria-live="polite">
          {matches.length > shown.length
            ? `${formatCount(matches.length)} cards match; showing ${shown.length}. Type to narrow.`
            : plural(matches.length, 'card matches', 'cards match')}
        </p>
        <ul className="pick-list" aria-label="Cards to merge into">
          {shown.map((card) => (
            <li key={card.id}>
              <button
                type="button"
                className="pick-option"
                onClick={() => openDialog({ kind: 'merge', sourceId: source.id, targetId: card.id }, returnFocusId)}
              >
                <span className="pick-title">{card.title}</span>
                <span className="hint">{plural(peopleCount(card), 'person', 'people')}</span>
              </button>
            </li>
          ))}
        </ul>
        <div className="button-row">
          <button type="button" className="secondary" onClick={() => closeDialog()}>
            Cancel
          </button>
        </div>
      </div>
    </BoardDialog>
  )
}

/** "Move to cluster…": pick a cluster by search, or start a new one. */
export function PickClusterDialog({
  source,
  clusters,
  cardCounts,
}: {
  source: CardRecord
  clusters: readonly ClusterRecord[]
  cardCounts: ReadonlyMap<string, number>
}) {
  const commands = useBoardCommands()
  const closeDialog = useBoardUi((s) => s.closeDialog)
  const [query, setQuery] = useState('')
  const deferred = normalizeQuery(useDeferredValue(query))
  const headingId = useId()
  const searchId = useId()
  const matches = useMemo(
    () => clusters.filter((c) => c.id !== source.clusterId && (!deferred || c.name.toLowerCase().includes(deferred))),
    [clusters, source.clusterId, deferred],
  )
  const shown = matches.slice(0, MAX_OPTIONS)
  const pick = (clusterId: string | null) => {
    // On a phone the card has no handle: its Pick button takes the focus back.
    closeDialog(useBoardUi.getState().isCompact ? cardActionsId(source.id) : cardHandleId(source.id))
    if (clusterId) void commands.move(source.id, clusterId)
    else void commands.newCluster(source.id)
  }
  return (
    <BoardDialog labelledBy={headingId} onClose={() => closeDialog()}>
      <div className="dialog-form">
        <h2 id={headingId}>Move “{source.title}” to…</h2>
        <div className="field">
          <label htmlFor={searchId}>Find a cluster</label>
          <input id={searchId} type="search" value={query} autoFocus onChange={(e) => setQuery(e.target.value)} />
        </div>
        <p className="hint" aria-live="polite">
          {plural(matches.length, 'cluster matches', 'clusters match')}
        </p>
        <ul className="pick-list" aria-label="Clusters to move to">
          {shown.map((cluster) => (
            <li key={cluster.id}>
              <button type="button" className="pick-option" onClick={() => pick(cluster.id)}>
                <span className="pick-title">{cluster.name}</span>
                <span className="hint">{plural(cardCounts.get(cluster.id) ?? 0, 'card', 'cards')}</span>
              </button>
            </li>
          ))}
        </ul>
        <div className="button-row">
          <button type="button" className="secondary" onClick={() => pick(null)}>
            Start a new cluster
          </button>
          <button type="button" className="secondary" onClick={() => closeDialog()}>
            Cancel
          </button>
        </div>
      </div>
    </BoardDialog>
  )
}

/** The facilitator removes an abusive card for everyone (its text is kept in the audit trail). */
export function HideCardDialog({ card }: { card: CardRecord }) {
  const commands = useBoardCommands()
  const closeDialog = useBoardUi((s) => s.closeDialog)
  const headingId = useId()
  return (
    <BoardDialog labelledBy={headingId} onClose={() => closeDialog()}>
      <div className="dialog-form">
        <h2 id={headingId}>Hide “{card.title}”?</h2>
        <p>The card disappears for everyone. Its text stays in the audit trail. This cannot be undone from the board.</p>
        <div className="button-row">
          <button
            type="button"
            className="danger"
            autoFocus
            onClick={() => {
              closeDialog(BOARD_SEARCH_ID)
              void commands.hide(card.id)
            }}
          >
            Hide card
          </button>
          <button type="button" className="secondary" onClick={() => closeDialog()}>
            Cancel
          </button>
        </div>
      </div>
    </BoardDialog>
  )
}
