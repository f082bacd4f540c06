import { useCallback } from 'react'
import { defaultRangeExtractor, type Range } from '@tanstack/react-virtual'

/**
 * Keeps the dragged card rendered while its list scrolls during a drag: dnd-kit measures the card it is
 * dragging, and a virtualised list would otherwise unmount it halfway.
 */
export function useKeepMounted(index: number) {
  return useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range)
      if (index < 0 || indexes.includes(index)) return indexes
      return [...indexes, index].sort((a, b) => a - b)
    },
    [index],
  )
}
