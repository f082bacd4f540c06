import { useRef, useSyncExternalStore } from 'react'
import type { MeetingClient } from '../../../shared/client/MeetingClient.ts'
import { readMeetingView } from '../../../shared/meeting/meetingDoc.ts'
import type { MeetingView } from '../../../shared/meeting/meetingView.ts'

/** A plain snapshot of the meeting doc, rebuilt once per received update. */
export function useMeetingView(client: MeetingClient | null): MeetingView | null {
  const cache = useRef<{ client: MeetingClient | null; view: MeetingView | null; isStale: boolean }>({
    client: null,
    view: null,
    isStale: true,
  })
  return useSyncExternalStore(
    (onChange) => {
      if (!client) return () => {}
      const handler = () => {
        cache.current.isStale = true
        onChange()
      }
      client.doc.on('update', handler)
      return () => client.doc.off('update', handler)
    },
    () => {
      const c = cache.current
      if (c.client !== client || c.isStale) {
        c.client = client
        c.view = client ? readMeetingView(client.doc) : null
        c.isStale = false
      }
      return c.view
    },
  )
}
