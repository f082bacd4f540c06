import { useEffect, useState } from 'react'
import { MeetingClient } from '../../../shared/client/MeetingClient.ts'
import { useConnection } from '../state/connectionStore.ts'
import { loadToken, saveToken } from './tokenStorage.ts'
import { socketBaseUrl } from './socketUrl.ts'
import { followConnectivity } from './followConnectivity.ts'
import { CLOSE } from '../../../shared/protocol/closeCodes.ts'

/** One MeetingClient for the page's lifetime, its events mirrored into the connection store. */
export function useMeetingClient(meetingId: string): MeetingClient | null {
  const [client, setClient] = useState<MeetingClient | null>(null)
  useEffect(() => {
    const token = loadToken(meetingId)
    const c = new MeetingClient({ serverUrl: socketBaseUrl(), meetingId, token })
    const store = useConnection.getState()
    store.set({ status: 'connecting', isSynced: false, identity: null, hasToken: token !== null, isMissing: false })
    c.on('status', (status) => useConnection.getState().set({ status }))
    c.on('synced', (isSynced) =>
      useConnection.getState().set(isSynced ? { isSynced, hasEverSynced: true } : { isSynced }),
    )
    c.on('identity', (identity) => useConnection.getState().set({ identity }))
    c.on('token', (t) => {
      saveToken(meetingId, t)
      useConnection.getState().set({ hasToken: t !== null })
    })
    c.on('pending', (pendingCount) => useConnection.getState().set({ pendingCount }))
    c.on('notice', (error) => useConnection.getState().set({ notice: error.message }))
    c.provider.on('closed', (event: { code: number }) => {
      if (event.code === CLOSE.notFound) useConnection.getState().set({ isMissing: true })
    })
    const unfollow = followConnectivity(c.provider)
    setClient(c)
    return () => {
      unfollow()
      c.destroy()
      setClient(null)
    }
  }, [meetingId])
  return client
}
