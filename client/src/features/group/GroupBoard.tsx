import { memo, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { DndContext, DragOverlay, MeasuringStrategy, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core'
import { canGroup } from '../../../../shared/board/canGroup.ts'
import type { CardRecord, ClusterRecord } from '../../../../shared/board/boardTypes.ts'
import type { Actor } from '../../../../shared/stages/permissions.ts'
import type { MeetingView } from '../../../../shared/meeting/meetingView.ts'
import { countPresence } from '../../../../shared/presence/roomCounts.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useConnection } from '../../state/connectionStore.ts'
import { BoardCommandsContext, makeBoardCommands, type BoardLookup } from './boardCommands.tsx'
import {
  BOARD_AUTO_SCROLL,
  boardAnnouncements,
  boardCollisionDetection,
  boardInstructions,
  cardIdOf,
  parseDropId,
  resetKeyboardDrag,
  useBoardSensors,
} from './boardDnd.ts'
import { buildBoardModel } from '../../../../shared/board/boardModel.ts'
import { applyPendingMoves, isPendingClusterId, usePendingMoves } from './pendingMoves.ts'
import { BOARD_MARKS } from './boardMarks.ts'
import { useStableList } from './useStableList.ts'
import { cardHandleId, useBoardUi } from './boardUiStore.ts'
import { BoardToolbar } from './BoardToolbar.tsx'
import { UnclusteredColumn } from './UnclusteredColumn.tsx'
import { ClustersColumn } from './ClustersColumn.tsx'
import { CardPreview } from './BoardCard.tsx'
import { MergeDialog } from './MergeDialog.tsx'
import { HideCardDialog, PickCardDialog, PickClusterDialog } from './PickTargetDialog.tsx'
import { SuggestionsPanel } from './SuggestionsPanel.tsx'
import { AuditTrail } from './AuditTrail.tsx'
import { GroupingSettings } from './GroupingSettings.tsx'
import { PickedCardBar } from './PickedCardBar.tsx'
import { PHONE_QUERY, useMediaQuery } from '../../ui/useMediaQuery.ts'
import { useTranslation } from 'react-i18next'
import './board.css'
import i18next from '../../i18n/i18n.ts'

/** From this width the facilitator's tools sit in a column beside the board instead of above it. */
const SIDE_TOOLS_QUERY = '(min-width: 1000px)'

/**
 * Drop places are measured only while dragging, and again whenever the set of them changes (a virtualised list
 * mounting cards as it scrolls mid-drag); measuring at rest would force a layout on every scroll.
 */
const MEASURING = { droppable: { strategy: MeasuringStrategy.WhileDragging } }

/**
 * The Group stage: the room turns overlapping proposals into a clean list of candidates. Drop a card on a card
 * to merge duplicates, into a cluster (or on "New cluster") to group similar ones; every move also has a menu.
 */
export function GroupBoard() {
  const { client, view } = useMeeting()
  const identity = useConnection((s) => s.identity)
  const actor: Actor = identity ? { role: identity.role, participantId: identity.participantId } : { role: 'anonymous' }
  const permission = canGroup(actor, view.stage, view.settings, countPresence(view).joined)
  const isFacilitator = identity?.role === 'facilitator'
  const isHelper = identity !== null && !isFacilitator && view.settings.helperIds.includes(identity.participantId)

  // The doc snapshot is rebuilt on every update (presence included); the board re-derives only when a card or a
  // cluster record really changed, and shows this person's pending moves on top.
  const serverCards = useStableList(view.cards)
  const serverClusters = useStableList(view.clusters)
  const pendingMoves = usePendingMoves((s) => s.entries)
  const shown = useMemo(() => applyPendingMoves(serverCards, serverClusters, pendingMoves), [serverCards, serverClusters, pendingMoves])
  const cardMap = useMemo(() => new Map(shown.cards.map((c) => [c.id, c])), [shown.cards])
  const clusterMap = useMemo(() => new Map(shown.clusters.map((c) => [c.id, c])), [shown.clusters])
  const latest = useRef({ cardMap, clusterMap })
  latest.current = { cardMap, clusterMap }
  const lookup = useMemo<BoardLookup>(() => ({ card: (id) => latest.current.cardMap.get(id), cluster: (id) => latest.current.clusterMap.get(id) }), [])
  const commands = useMemo(() => makeBoardCommands(client, lookup), [client, lookup])
  const { t, i18n } = useTranslation()
  // Rebuilt when the language changes, so a switch mid-meeting also changes what the screen reader hears.
  const language = i18n.resolvedLanguage
  const announcements = useMemo(() => boardAnnouncements(lookup), [lookup, language])
  const instructions = useMemo(() => boardInstructions(), [language])
  const sensors = useBoardSensors()

  const setFacts = useBoardUi((s) => s.setFacts)
  const isCompact = useMediaQuery(PHONE_QUERY)
  const hasSideTools = useMediaQuery(SIDE_TOOLS_QUERY)
  useLayoutEffect(() => {
    setFacts({ canMove: permission.ok, isFacilitator, hasClusters: view.clusters.length > 0, isCompact })
  }, [setFacts, permission.ok, isFacilitator, view.clusters.length, isCompact])
  useEffect(
    () => () => {
      useBoardUi.getState().reset()
      usePendingMoves.getState().reset()
    },
    [],
  )

  const query = useBoardUi((s) => s.query)
  const deferredQuery = useDeferredValue(query)
  const model = useMemo(() => buildBoardModel(shown.cards, shown.clusters, deferredQuery), [shown.cards, shown.clusters, deferredQuery])

  const [activeCardId, setActiveCardId] = useState<string | null>(null)
  const activeCard = activeCardId ? cardMap.get(activeCardId) : undefined
  const onDragStart = ({ active }: DragStartEvent) => {
    performance.mark(BOARD_MARKS.dragStart)
    resetKeyboardDrag()
    useBoardUi.getState().openMenu(null)
    setActiveCardId(cardIdOf(active.id))
  }
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    performance.mark(BOARD_MARKS.drop)
    setActiveCardId(null)
    const cardId = cardIdOf(active.id)
    const card = lookup.card(cardId)
    const target = over ? parseDropId(over.id) : null
    if (!card || !target) return
    if (target.kind === 'card' && target.id !== cardId) {
      useBoardUi.getState().openDialog({ kind: 'merge', sourceId: cardId, targetId: target.id }, cardHandleId(cardId))
    } else if (target.kind === 'cluster' && card.clusterId !== target.id) {
      void commands.move(cardId, target.id)
    } else if (target.kind === 'newCluster') {
      void commands.newCluster(cardId)
    } else if (target.kind === 'unclustered' && card.clusterId) {
      void commands.move(cardId, null)
    }
  }

  return (
    <BoardCommandsContext.Provider value={commands}>
      <div className={`group-board${isFacilitator && hasSideTools ? ' with-side-tools' : ''}`}>
        <div className="board-top">
          <BoardToolbar model={model} />
          {!permission.ok && permission.code === 'forbidden' && (
            <p className="board-note">
              {permission.reason} {t('board.readOnly')}
            </p>
          )}
          {isHelper && permission.ok && <p className="board-note">{t('board.helperNote')}</p>}
        </div>
        {isFacilitator && <FacilitatorTools suggestions={view.suggestions} lookup={lookup} settings={view.settings} isSide={hasSideTools} />}
        {isCompact && permission.ok && <PickedCardBar />}
        <DndContext
          sensors={sensors}
          collisionDetection={boardCollisionDetection}
          measuring={MEASURING}
          autoScroll={BOARD_AUTO_SCROLL}
          accessibility={{ announcements, screenReaderInstructions: instructions }}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onDragCancel={() => setActiveCardId(null)}
        >
          <div className="board-columns">
            <UnclusteredColumn
              cards={model.unclustered}
              isFiltered={model.isFiltered}
              activeCardId={activeCardId}
              isDraggingClustered={activeCard?.clusterId != null}
            />
            <ClustersColumn
              clusters={model.clusters}
              clusterCount={model.clusterCount}
              isFiltered={model.isFiltered}
              activeCardId={activeCardId}
              isDragging={activeCardId !== null}
            />
          </div>
          <DragOverlay dropAnimation={null}>{activeCard ? <CardPreview card={activeCard} /> : null}</DragOverlay>
        </DndContext>
        <BoardDialogs cards={shown.cards} clusters={shown.clusters} cardMap={cardMap} clusterMap={clusterMap} />
      </div>
    </BoardCommandsContext.Provider>
  )
}

/** Memoised: a drag re-renders the board, and these panels need not follow. */
const FacilitatorTools = memo(function FacilitatorTools({
  suggestions,
  lookup,
  settings,
  isSide,
}: {
  suggestions: MeetingView['suggestions']
  lookup: BoardLookup
  settings: MeetingView['settings']
  isSide: boolean
}) {
  const { t } = useTranslation()
  const tools = (
    <>
      <SuggestionsPanel suggestions={suggestions} lookup={lookup} />
      <div className="tool-row">
        <AuditTrail />
        <GroupingSettings settings={settings} />
      </div>
    </>
  )
  // Wide screens: a column beside the board, so the board starts right under the toolbar. Narrower: folded
  // above the board (its summary says how many suggestions wait), so the cards still come first.
  if (isSide) {
    return (
      <aside className="facilitator-tools side" aria-label={t('board.toolsLabel')}>
        {tools}
      </aside>
    )
  }
  return (
    <details className="facilitator-tools folded">
      <summary>{t('board.toolsSummary', { count: suggestions.length })}</summary>
      {tools}
    </details>
  )
})

function BoardDialogs({
  cards,
  clusters,
  cardMap,
  clusterMap,
}: {
  cards: readonly CardRecord[]
  clusters: readonly ClusterRecord[]
  cardMap: ReadonlyMap<string, CardRecord>
  clusterMap: ReadonlyMap<string, ClusterRecord>
}) {
  const dialog = useBoardUi((s) => s.dialog)
  const closeDialog = useBoardUi((s) => s.closeDialog)
  const source = dialog ? cardMap.get(dialog.kind === 'merge' ? dialog.sourceId : dialog.cardId) : undefined
  const target = dialog?.kind === 'merge' ? cardMap.get(dialog.targetId) : undefined
  const isGone = dialog !== null && (!source || (dialog.kind === 'merge' && !target))
  useEffect(() => {
    // Someone else merged or hid the card while the dialog was open: nothing left to decide.
    if (isGone) {
      useBoardUi.getState().setStatus({ phase: 'failed', text: i18next.t('server.cardGoneMerged') })
      closeDialog()
    }
  }, [isGone, closeDialog])
  const cardCounts = useMemo(() => {
    if (dialog?.kind !== 'pickCluster') return new Map<string, number>()
    const counts = new Map<string, number>()
    for (const c of cards) if (c.clusterId) counts.set(c.clusterId, (counts.get(c.clusterId) ?? 0) + 1)
    return counts
  }, [dialog?.kind, cards])
  if (!dialog || !source) return null
  switch (dialog.kind) {
    case 'merge':
      return target ? <MergeDialog source={source} target={target} targetCluster={target.clusterId ? clusterMap.get(target.clusterId) : undefined} /> : null
    case 'pickMergeTarget':
      return <PickCardDialog source={source} cards={cards} />
    case 'pickCluster':
      // A cluster still waiting for the server's id cannot take cards yet.
      return <PickClusterDialog source={source} clusters={clusters.filter((c) => !isPendingClusterId(c.id))} cardCounts={cardCounts} />
    case 'hide':
      return <HideCardDialog card={source} />
  }
}
