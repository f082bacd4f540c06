import { useId } from 'react'
import { useDroppable } from '@dnd-kit/core'
import type { CardRecord } from '../../../../shared/board/boardTypes.ts'
import { useBoardUi } from './boardUiStore.ts'
import { UNCLUSTERED_SPACE, UNCLUSTER_ZONE } from './boardDnd.ts'
import { BoardCard } from './BoardCard.tsx'
import { VirtualColumnList } from './VirtualColumnList.tsx'
import { useTranslation } from 'react-i18next'

/** Rough height of a card before it is measured; real heights replace it as cards render. */
const ESTIMATED_CARD_PX = 104

const cardKey = (card: CardRecord) => card.id
const renderCard = (card: CardRecord) => <BoardCard card={card} />

/** Cards in no cluster yet, as a virtualised list: 2,000 cards render as the twenty or so in view. */
export function UnclusteredColumn({
  cards,
  isFiltered,
  activeCardId,
  isDraggingClustered,
}: {
  cards: readonly CardRecord[]
  isFiltered: boolean
  activeCardId: string | null
  isDraggingClustered: boolean
}) {
  const headingId = useId()
  const canMove = useBoardUi((s) => s.canMove)
  // Only a card from a cluster can be taken out; for the others this column is no drop place at all.
  const space = useDroppable({ id: UNCLUSTERED_SPACE, disabled: !canMove || !isDraggingClustered })
  const zone = useDroppable({ id: UNCLUSTER_ZONE, disabled: !canMove || !isDraggingClustered })
  const activeIndex = activeCardId ? cards.findIndex((c) => c.id === activeCardId) : -1
  const reveal = useBoardUi((s) => s.reveal)
  // reason: -1 while the card is not here yet (the update that moves it has not arrived); found on a later render.
  const revealIndex = reveal && reveal.clusterId === null ? cards.findIndex((c) => c.id === reveal.cardId) : -1
  const clearReveal = useBoardUi((s) => s.clearReveal)
  const { t } = useTranslation()
  return (
    <section className="board-column" aria-labelledby={headingId}>
      <div ref={zone.setNodeRef} className={`column-head${zone.isOver ? ' is-over' : ''}${isDraggingClustered ? ' is-target' : ''}`}>
        <h3 id={headingId}>{t('board.unclustered')}</h3>
        <span className="count">
          {t('board.cards', { count: cards.length })}
          {isFiltered ? t('board.matchSuffix') : ''}
        </span>
        {isDraggingClustered && <p className="zone-hint">{t('dnd.dropOut')}</p>}
      </div>
      <VirtualColumnList
        items={cards}
        itemKey={cardKey}
        estimatePx={ESTIMATED_CARD_PX}
        overscan={6}
        keepIndex={activeIndex}
        revealIndex={revealIndex}
        onRevealed={clearReveal}
        regionLabel={t('board.unclusteredRegion')}
        listLabel={t('board.unclusteredList')}
        listClassName="card-list"
        setDropRef={space.setNodeRef}
        renderItem={renderCard}
        empty={<p className="hint empty-column">{isFiltered ? t('board.noUnclusteredMatch') : t('board.allClustered')}</p>}
      />
    </section>
  )
}
