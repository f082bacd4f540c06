import { useRef, useSyncExternalStore } from 'react'
import { readCascadeView, type CascadeView } from '../../../../shared/cascade/cascadeDoc.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'

/** The meeting's cascade maps (department link, confirmation, department sets), rebuilt once per received update. */
export function useCascade(): CascadeView {
  const { client } = useMeeting()
  const cache = useRef<{ doc: unknown; view: CascadeView | null; isStale: boolean }>({ doc: null, view: null, isStale: true })
  return useSyncExternalStore(
    (onChange) => {
      const handler = () => {
        cache.current.isStale = true
        onChange()
      }
      client.doc.on('update', handler)
      return () => client.doc.off('update', handler)
    },
    () => {
      const c = cache.current
      if (c.doc !== client.doc || c.isStale || !c.view) {
        c.doc = client.doc
        c.view = readCascadeView(client.doc)
        c.isStale = false
      }
      return c.view
    },
  )
}
