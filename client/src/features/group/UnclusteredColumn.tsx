import { useCallback, useEffect, useId, useRef } from 'react'
import { useDroppable } from '@dnd-kit/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { CardRecord } from '../../../../shared/board/boardTypes.ts'
import { plural } from '../../ui/formatCount.ts'
import { useBoardUi } from './boardUiStore.ts'
import { UNCLUSTERED_SPACE, UNCLUSTER_ZONE } from './boardDnd.ts'
import { BoardCard } from './BoardCard.tsx'
import { useKeepMounted } from './useKeepMounted.ts'

/** Rough height of a card before it is measured; real heights replace it as cards render. */
const ESTIMATED_CARD_PX = 104

/** Cards in no cluster yet, as a virtualised list: 2,000 cards render as the twenty or so in view. */
export function UnclusteredColumn({ cards, isFiltered, activeCardId, isDraggingClustered }: {
  cards: CardRecord[]
  isFiltered: boolean
  activeCardId: string | null
  isDraggingClustered: boolean
}) {
  const headingId = useId()
  const scrollRef = useRef<HTMLDivElement | null>(null)
  const canMove = useBoardUi((s) => s.canMove)
  // Only a card from a cluster can be taken out; for the others this column is no drop place at all.
  const space = useDroppable({ id: UNCLUSTERED_SPACE, disabled: !canMove || !isDraggingClustered })
  const zone = useDroppable({ id: UNCLUSTER_ZONE, disabled: !canMove || !isDraggingClustered })
  const activeIndex = activeCardId ? cards.findIndex((c) => c.id === activeCardId) : -1
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_CARD_PX,
    overscan: 6,
    getItemKey: (i) => cards[i]?.id ?? i,
    rangeExtractor: useKeepMounted(activeIndex),
  })
  const reveal = useBoardUi((s) => s.reveal)
  useEffect(() => {
    if (!reveal || reveal.clusterId !== null) return
    const index = cards.findIndex((c) => c.id === reveal.cardId)
    if (index < 0) return // reason: the doc update that moves it here has not arrived yet; this runs again when it does.
    virtualizer.scrollToIndex(index, { align: 'auto' })
    useBoardUi.getState().clearReveal()
  }, [reveal, cards, virtualizer])
  const setSpaceRef = space.setNodeRef
  const setScrollRef = useCallback(
    (node: HTMLDivElement | null) => {
      scrollRef.current = node
      setSpaceRef(node)
    },
    [setSpaceRef],
  )
  return (
    <section className="board-column" aria-labelledby={headingId}>
      <div ref={zone.setNodeRef} className={`column-head${zone.isOver ? ' is-over' : ''}${isDraggingClustered ? ' is-target' : ''}`}>
        <h3 id={headingId}>Unclustered</h3>
        <span className="count">{plural(cards.length, 'card', 'cards')}{isFiltered ? ' match' : ''}</span>
        {isDraggingClustered && <p className="zone-hint">Drop here to take the card out of its cluster</p>}
      </div>
      <div ref={setScrollRef} className="column-scroll" tabIndex={0} role="region" aria-label="Unclustered cards (scrollable)">
        {cards.length === 0 ? (
          <p className="hint empty-column">{isFiltered ? 'No unclustered card matches the search.' : 'Every card is in a cluster.'}</p>
        ) : (
          <ul className="card-list virtual" aria-label="Unclustered cards" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const card = cards[item.index]
              if (!card) return null
              return (
                <li key={item.key} data-index={item.index} ref={virtualizer.measureElement}
                  aria-setsize={cards.length} aria-posinset={item.index + 1}
                  style={{ transform: `translateY(${item.start}px)` }}>
                  <BoardCard card={card} />
                </li>
              )
            })}
          </ul>
        )}
      </div>
    </section>
  )
}
