import { useEffect, useState } from 'react'
import { KeyResultDocClient } from '../../../../shared/client/KeyResultDocClient.ts'
import { socketBaseUrl } from '../../sync/socketUrl.ts'
import { loadToken } from '../../sync/tokenStorage.ts'
import { followConnectivity } from '../../sync/followConnectivity.ts'

/** The objective's co-edited doc, connected while the panel is on screen. */
export function useKeyResultDoc(meetingId: string, objectiveId: string): KeyResultDocClient | null {
  const [client, setClient] = useState<KeyResultDocClient | null>(null)
  useEffect(() => {
    const c = new KeyResultDocClient({ serverUrl: socketBaseUrl(), meetingId, objectiveId, token: loadToken(meetingId) })
    const unfollow = followConnectivity(c.provider)
    setClient(c)
    return () => {
      unfollow()
      c.destroy()
      setClient(null)
    }
  }, [meetingId, objectiveId])
  return client
}
