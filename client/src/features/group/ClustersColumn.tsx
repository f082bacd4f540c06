import { memo, useCallback, useId } from 'react'
import { useDroppable } from '@dnd-kit/core'
import { MAX_CLUSTER_NAME_LENGTH } from '../../../../shared/board/boardTypes.ts'
import { clusterRenameId, focusSoon, useBoardUi } from './boardUiStore.ts'
import { useBoardCommands } from './boardCommands.tsx'
import { CLUSTER_SPACE, NEW_CLUSTER_ZONE, clusterDndId } from './boardDnd.ts'
import type { ClusterView } from '../../../../shared/board/boardModel.ts'
import { BoardCard } from './BoardCard.tsx'
import { VirtualColumnList } from './VirtualColumnList.tsx'
import { InlineRenameForm } from './InlineRenameForm.tsx'
import { AddHereButton, NewClusterHereButton } from './PickedCardBar.tsx'
import { isPendingClusterId, usePendingMoves } from './pendingMoves.ts'
import { useTranslation } from 'react-i18next'
import i18next from '../../i18n/i18n.ts'

const ESTIMATED_CLUSTER_PX = 220
/** Cards a cluster box lists before "Show all": a 300-card cluster must not render 300 cards by default. */
export const CLUSTER_PREVIEW_CARDS = 6

/** Cluster boxes as a virtualised list, under a "New cluster" drop zone. */
export function ClustersColumn({
  clusters,
  clusterCount,
  isFiltered,
  activeCardId,
  isDragging,
}: {
  clusters: readonly ClusterView[]
  clusterCount: number
  isFiltered: boolean
  activeCardId: string | null
  isDragging: boolean
}) {
  const headingId = useId()
  const canMove = useBoardUi((s) => s.canMove)
  const space = useDroppable({ id: CLUSTER_SPACE, disabled: !canMove })
  const activeIndex = activeCardId ? clusters.findIndex((c) => c.cards.some((card) => card.id === activeCardId)) : -1
  const reveal = useBoardUi((s) => s.reveal)
  // reason: -1 while the card is not there yet (the update that moves it has not arrived); found on a later render.
  const revealIndex =
    reveal && reveal.clusterId !== null ? clusters.findIndex((c) => c.cluster.id === reveal.clusterId && c.cards.some((card) => card.id === reveal.cardId)) : -1
  const clearReveal = useBoardUi((s) => s.clearReveal)
  // A new cluster keeps the row it was shown in while pending, so nothing remounts when the server names it.
  const clusterKeys = usePendingMoves((s) => s.clusterKeys)
  const clusterKey = useCallback((view: ClusterView) => clusterKeys[view.cluster.id] ?? view.cluster.id, [clusterKeys])
  const { t } = useTranslation()
  const renderCluster = useCallback((view: ClusterView) => <ClusterBox view={view} isFiltered={isFiltered} />, [isFiltered])
  return (
    <section className="board-column" aria-labelledby={headingId}>
      <div className="column-head">
        <h3 id={headingId}>{t('board.clustersHeading')}</h3>
        <span className="count">
          {isFiltered ? t('board.clustersOf', { shown: clusters.length, total: clusterCount }) : t('board.clusters', { count: clusterCount })}
        </span>
      </div>
      {canMove && <NewClusterZone isDragging={isDragging} />}
      <VirtualColumnList
        items={clusters}
        itemKey={clusterKey}
        estimatePx={ESTIMATED_CLUSTER_PX}
        overscan={3}
        keepIndex={activeIndex}
        revealIndex={revealIndex}
        onRevealed={clearReveal}
        regionLabel={t('board.clustersRegion')}
        listLabel={t('board.clustersHeading')}
        listClassName="cluster-list"
        setDropRef={space.setNodeRef}
        renderItem={renderCluster}
        empty={<p className="hint empty-column">{isFiltered ? t('board.noClusterMatch') : canMove ? t('board.noClustersDrop') : t('board.noClusters')}</p>}
      />
    </section>
  )
}

function NewClusterZone({ isDragging }: { isDragging: boolean }) {
  const zone = useDroppable({ id: NEW_CLUSTER_ZONE })
  const isCompact = useBoardUi((s) => s.isCompact)
  const { t } = useTranslation()
  return (
    <div ref={zone.setNodeRef} className={`new-cluster-zone${zone.isOver ? ' is-over' : ''}${isDragging ? ' is-target' : ''}`}>
      <strong>{t('board.newCluster')}</strong>
      <span className="zone-hint">{zone.isOver ? t('board.dropNewOver') : isCompact ? t('board.pickNew') : t('board.dropNew')}</span>
      <NewClusterHereButton />
    </div>
  )
}

const sameCards = (a: ClusterView, b: ClusterView) =>
  a.cluster === b.cluster && a.total === b.total && a.cards.length === b.cards.length && a.cards.every((c, i) => c === b.cards[i])

const ClusterBox = memo(
  function ClusterBox({ view, isFiltered }: { view: ClusterView; isFiltered: boolean }) {
    const { cluster, cards, total } = view
    const canMove = useBoardUi((s) => s.canMove)
    const isEditing = useBoardUi((s) => s.editingClusterId === cluster.id)
    const isExpanded = useBoardUi((s) => s.expandedClusterIds[cluster.id] === true)
    const isPending = isPendingClusterId(cluster.id)
    const isSaving = useBoardUi((s) => s.savingIds[cluster.id] === true) || isPending
    const { editCluster, toggleCluster } = useBoardUi.getState()
    const drop = useDroppable({ id: clusterDndId(cluster.id), disabled: !canMove || isPending })
    const nameId = useId()
    const { t } = useTranslation()
    const shown = isExpanded ? cards : cards.slice(0, CLUSTER_PREVIEW_CARDS)
    const className = ['cluster-box', drop.isOver && 'is-over', isSaving && 'is-saving'].filter(Boolean).join(' ')
    return (
      <section ref={drop.setNodeRef} className={className} aria-labelledby={nameId} aria-busy={isSaving || undefined}>
        <div className="cluster-head">
          {isEditing ? (
            <>
              <h4 id={nameId} className="visually-hidden">
                {cluster.name}
              </h4>
              <RenameClusterForm clusterId={cluster.id} name={cluster.name} />
            </>
          ) : (
            <>
              <h4 id={nameId} className="cluster-name">
                {cluster.name}
              </h4>
              {canMove && !isPending && <AddHereButton clusterId={cluster.id} name={cluster.name} />}
              {canMove && !isPending && (
                <button
                  type="button"
                  id={clusterRenameId(cluster.id)}
                  className="link rename-cluster"
                  aria-label={t('board.renameLabel', { name: cluster.name })}
                  onClick={() => editCluster(cluster.id)}
                >
                  {t('board.rename')}
                </button>
              )}
            </>
          )}
        </div>
        <p className="cluster-count">
          {isFiltered && cards.length < total ? t('board.cardsOfMatch', { shown: cards.length, count: total }) : t('board.cards', { count: total })}
          {isSaving && ` · ${t('common.saving')}`}
        </p>
        <ul className="card-list" aria-label={`Cards in “${cluster.name}”`}>
          {shown.map((card) => (
            <li key={card.id}>
              <BoardCard card={card} />
            </li>
          ))}
        </ul>
        {cards.length > CLUSTER_PREVIEW_CARDS && (
          <button type="button" className="link" aria-expanded={isExpanded} onClick={() => toggleCluster(cluster.id)}>
            {isExpanded ? t('board.showFewer') : t('board.showAll', { count: cards.length })}
          </button>
        )}
        {drop.isOver && (
          <p className="drop-hint" aria-hidden="true">
            {t('board.dropAdd', { name: cluster.name })}
          </p>
        )}
      </section>
    )
  },
  (prev, next) => prev.isFiltered === next.isFiltered && sameCards(prev.view, next.view),
)

function RenameClusterForm({ clusterId, name }: { clusterId: string; name: string }) {
  const commands = useBoardCommands()
  const editCluster = useBoardUi((s) => s.editCluster)
  const close = () => {
    editCluster(null)
    focusSoon(clusterRenameId(clusterId))
  }
  return (
    <InlineRenameForm
      label={i18next.t('dnd.clusterName')}
      initial={name}
      maxLength={MAX_CLUSTER_NAME_LENGTH}
      saveLabel={i18next.t('dnd.saveName')}
      onSave={(value) => void commands.renameCluster(clusterId, value)}
      onClose={close}
    />
  )
}
