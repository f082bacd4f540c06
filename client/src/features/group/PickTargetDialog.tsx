import { useDeferredValue, useId, useMemo, useState } from 'react'
import type { CardRecord, ClusterRecord } from '../../../../shared/board/boardTypes.ts'
import { BOARD_SEARCH_ID, cardActionsId, cardHandleId, useBoardUi } from './boardUiStore.ts'
import { useBoardCommands } from './boardCommands.tsx'
import { cardMatches, normalizeQuery, peopleCount } from '../../../../shared/board/boardModel.ts'
import { BoardDialog } from './BoardDialog.tsx'
import { useTranslation } from 'react-i18next'

/** Options listed at once; with 2,000 cards the search narrows the rest. */
const MAX_OPTIONS = 40

/** "Merge into…": pick the card to merge into, by search, without dragging. */
export function PickCardDialog({ source, cards }: { source: CardRecord; cards: readonly CardRecord[] }) {
  const { t } = useTranslation()
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
        <h2 id={headingId}>{t('dialog.mergeIntoHeading', { title: source.title })}</h2>
        <div className="field">
          <label htmlFor={searchId}>{t('dialog.findCard')}</label>
          <input id={searchId} type="search" value={query} autoFocus onChange={(e) => setQuery(e.target.value)} />
        </div>
        <p className="hint" aria-live="polite">
          {matches.length > shown.length
            ? t('dialog.cardsShowing', { count: matches.length, shown: shown.length })
            : t('dialog.cardsMatch', { count: matches.length })}
        </p>
        <ul className="pick-list" aria-label={t('dialog.cardsToMerge')}>
          {shown.map((card) => (
            <li key={card.id}>
              <button
                type="button"
                className="pick-option"
                onClick={() => openDialog({ kind: 'merge', sourceId: source.id, targetId: card.id }, returnFocusId)}
              >
                <span className="pick-title">{card.title}</span>
                <span className="hint">{t('board.people', { count: peopleCount(card) })}</span>
              </button>
            </li>
          ))}
        </ul>
        <div className="button-row">
          <button type="button" className="secondary" onClick={() => closeDialog()}>
            {t('common.cancel')}
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
  const { t } = useTranslation()
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
        <h2 id={headingId}>{t('dialog.moveHeading', { title: source.title })}</h2>
        <div className="field">
          <label htmlFor={searchId}>{t('dialog.findCluster')}</label>
          <input id={searchId} type="search" value={query} autoFocus onChange={(e) => setQuery(e.target.value)} />
        </div>
        <p className="hint" aria-live="polite">
          {t('dialog.clustersMatch', { count: matches.length })}
        </p>
        <ul className="pick-list" aria-label={t('dialog.clustersToMove')}>
          {shown.map((cluster) => (
            <li key={cluster.id}>
              <button type="button" className="pick-option" onClick={() => pick(cluster.id)}>
                <span className="pick-title">{cluster.name}</span>
                <span className="hint">{t('board.cards', { count: cardCounts.get(cluster.id) ?? 0 })}</span>
              </button>
            </li>
          ))}
        </ul>
        <div className="button-row">
          <button type="button" className="secondary" onClick={() => pick(null)}>
            {t('dialog.startNew')}
          </button>
          <button type="button" className="secondary" onClick={() => closeDialog()}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </BoardDialog>
  )
}

/** The facilitator removes an abusive card for everyone (its text is kept in the audit trail). */
export function HideCardDialog({ card }: { card: CardRecord }) {
  const commands = useBoardCommands()
  const { t } = useTranslation()
  const closeDialog = useBoardUi((s) => s.closeDialog)
  const headingId = useId()
  return (
    <BoardDialog labelledBy={headingId} onClose={() => closeDialog()}>
      <div className="dialog-form">
        <h2 id={headingId}>{t('dialog.hideHeading', { title: card.title })}</h2>
        <p>{t('dialog.hideText')}</p>
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
            {t('dialog.hideCard')}
          </button>
          <button type="button" className="secondary" onClick={() => closeDialog()}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </BoardDialog>
  )
}
