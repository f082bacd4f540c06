import { useRef, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'

/**
 * A plain snapshot read from a Y.Doc, rebuilt at most once per received update (and when the doc changes), so
 * React sees the same object until something really changed.
 */
export function useDocSnapshot<D extends Y.Doc | null, T>(doc: D, read: (doc: D) => T): T {
  const cache = useRef<{ doc: D | undefined; value: T | undefined; isStale: boolean }>({ doc: undefined, value: undefined, isStale: true })
  return useSyncExternalStore(
    (onChange) => {
      if (!doc) return () => {}
      const handler = () => {
        cache.current.isStale = true
        onChange()
      }
      doc.on('update', handler)
      return () => doc.off('update', handler)
    },
    () => {
      const c = cache.current
      if (c.doc !== doc || c.isStale) {
        c.doc = doc
        c.value = read(doc)
        c.isStale = false
      }
      return c.value as T
    },
  )
}
