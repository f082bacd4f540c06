import { useCallback, useEffect, useRef, type ReactNode } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useKeepMounted } from './useKeepMounted.ts'

/**
 * A board column's scrolling list, virtualised: 2,000 cards render as the twenty or so in view. Shared by the
 * Unclustered column (cards) and the Clusters column (cluster boxes).
 */
export function VirtualColumnList<T>({
  items,
  itemKey,
  estimatePx,
  overscan,
  keepIndex,
  revealIndex,
  onRevealed,
  regionLabel,
  listLabel,
  listClassName,
  setDropRef,
  empty,
  renderItem,
}: {
  items: readonly T[]
  /** Stable per item across updates, so a row is not remounted when its record changes. */
  itemKey(item: T): string
  /** Rough height of a row before it is measured; real heights replace it as rows render. */
  estimatePx: number
  overscan: number
  /** A row kept rendered whatever the scroll (the dragged card's: dnd-kit measures the node it drags). */
  keepIndex: number
  /** A row to scroll into view once (a card a move just put here), or -1. */
  revealIndex: number
  onRevealed(): void
  regionLabel: string
  listLabel: string
  listClassName: string
  /** The column's empty space as a drop place. */
  setDropRef(node: HTMLElement | null): void
  empty: ReactNode
  renderItem(item: T): ReactNode
}) {
  const scrollRef = useRef<HTMLDivElement | null>(null)
  // reason: a new getItemKey makes the virtualizer recompute every row's offset (O(items)); only new items should.
  const getItemKey = useCallback(
    (i: number) => {
      const item = items[i]
      return item === undefined ? i : itemKey(item)
    },
    [items, itemKey],
  )
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatePx,
    overscan,
    getItemKey,
    rangeExtractor: useKeepMounted(keepIndex),
  })
  useEffect(() => {
    if (revealIndex < 0) return
    virtualizer.scrollToIndex(revealIndex, { align: 'auto' })
    onRevealed()
  }, [revealIndex, virtualizer, onRevealed])
  const setScrollRef = useCallback(
    (node: HTMLDivElement | null) => {
      scrollRef.current = node
      setDropRef(node)
    },
    [setDropRef],
  )
  return (
    <div ref={setScrollRef} className="column-scroll" tabIndex={0} role="region" aria-label={regionLabel}>
      {items.length === 0 ? (
        empty
      ) : (
        <ul className={`${listClassName} virtual`} aria-label={listLabel} style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => {
            const item = items[row.index]
            if (item === undefined) return null
            return (
              <li
                key={row.key}
                data-index={row.index}
                ref={virtualizer.measureElement}
                aria-setsize={items.length}
                aria-posinset={row.index + 1}
                style={{ transform: `translateY(${row.start}px)` }}
              >
                {renderItem(item)}
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
