import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { useVirtualizer, useWindowVirtualizer, type Virtualizer } from '@tanstack/react-virtual'
import { useKeepMounted } from './useKeepMounted.ts'
import { useBoardUi } from './boardUiStore.ts'

interface ColumnListProps<T> {
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
}

/**
 * A board column's list, virtualised: 2,000 cards render as the twenty or so in view. Shared by the Unclustered
 * column (cards) and the Clusters column (cluster boxes). On a wide screen each column scrolls in its own box, as
 * tall as the window, so both stay side by side; on a phone the columns are stacked and the page itself scrolls
 * (a scroll box inside a scrolling page traps the thumb), so the list is virtualised against the window.
 */
export function VirtualColumnList<T>(props: ColumnListProps<T>) {
  const isCompact = useBoardUi((s) => s.isCompact)
  return isCompact ? <WindowColumnList {...props} /> : <BoxColumnList {...props} />
}

function BoxColumnList<T>({
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
}: ColumnListProps<T>) {
  const scrollRef = useRef<HTMLDivElement | null>(null)
  const getItemKey = useItemKey(items, itemKey)
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatePx,
    overscan,
    getItemKey,
    rangeExtractor: useKeepMounted(keepIndex),
  })
  useReveal(virtualizer, revealIndex, onRevealed)
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
        <Rows items={items} virtualizer={virtualizer} listLabel={listLabel} listClassName={listClassName} renderItem={renderItem} />
      )}
    </div>
  )
}

function WindowColumnList<T>({
  items,
  itemKey,
  estimatePx,
  overscan,
  keepIndex,
  revealIndex,
  onRevealed,
  listLabel,
  listClassName,
  setDropRef,
  empty,
  renderItem,
}: ColumnListProps<T>) {
  const boxRef = useRef<HTMLDivElement | null>(null)
  const margin = useDocumentTop(boxRef)
  const getItemKey = useItemKey(items, itemKey)
  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: () => estimatePx,
    // The window shows more of a phone's column than a box would; a few more rows keep a fast flick from showing gaps.
    overscan: Math.max(overscan, 12),
    getItemKey,
    scrollMargin: margin,
    rangeExtractor: useKeepMounted(keepIndex),
  })
  useReveal(virtualizer, revealIndex, onRevealed)
  const setBoxRef = useCallback(
    (node: HTMLDivElement | null) => {
      boxRef.current = node
      setDropRef(node)
    },
    [setDropRef],
  )
  return (
    <div ref={setBoxRef} className="column-flow">
      {items.length === 0 ? (
        empty
      ) : (
        <Rows items={items} virtualizer={virtualizer} offset={margin} listLabel={listLabel} listClassName={listClassName} renderItem={renderItem} />
      )}
    </div>
  )
}

/** Row keys from the items; a new function only when the items change. */
function useItemKey<T>(items: readonly T[], itemKey: (item: T) => string) {
  // reason: a new getItemKey makes the virtualizer recompute every row's offset (O(items)); only new items should.
  return useCallback(
    (i: number) => {
      const item = items[i]
      return item === undefined ? i : itemKey(item)
    },
    [items, itemKey],
  )
}

function useReveal(virtualizer: Virtualizer<HTMLDivElement, Element> | Virtualizer<Window, Element>, revealIndex: number, onRevealed: () => void) {
  useEffect(() => {
    if (revealIndex < 0) return
    virtualizer.scrollToIndex(revealIndex, { align: 'auto' })
    onRevealed()
  }, [revealIndex, virtualizer, onRevealed])
}

/**
 * Where the list starts in the document, kept current as what is above it grows or shrinks (on a phone the Clusters
 * column sits under the whole Unclustered column).
 */
function useDocumentTop(ref: { current: HTMLElement | null }): number {
  const [top, setTop] = useState(0)
  useLayoutEffect(() => {
    const measure = () => {
      const node = ref.current
      if (node) setTop(Math.round(node.getBoundingClientRect().top + window.scrollY))
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(document.body)
    return () => observer.disconnect()
  }, [ref])
  return top
}

function Rows<T>({
  items,
  virtualizer,
  offset = 0,
  listLabel,
  listClassName,
  renderItem,
}: {
  items: readonly T[]
  virtualizer: Virtualizer<HTMLDivElement, Element> | Virtualizer<Window, Element>
  /** The window virtualizer counts from the document's top; rows are placed from the list's. */
  offset?: number
  listLabel: string
  listClassName: string
  renderItem(item: T): ReactNode
}) {
  return (
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
            style={{ transform: `translateY(${row.start - offset}px)` }}
          >
            {renderItem(item)}
          </li>
        )
      })}
    </ul>
  )
}
