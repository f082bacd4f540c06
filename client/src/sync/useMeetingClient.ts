import { useEffect, useState } from 'react'
import { CommandFailure, MeetingClient } from '../../../shared/client/MeetingClient.ts'
import i18next from '../i18n/i18n.ts'
import { describeFailure } from '../i18n/describeFailure.ts'
import { useConnection } from '../state/connectionStore.ts'
import { clearLinkToken, loadLinkToken, loadToken, saveToken } from './tokenStorage.ts'
import { socketBaseUrl } from './socketUrl.ts'
import { followConnectivity } from './followConnectivity.ts'
import { CLOSE } from '../../../shared/protocol/closeCodes.ts'

/** One MeetingClient for the page's lifetime, its events mirrored into the connection store. */
export function useMeetingClient(meetingId: string): MeetingClient | null {
  const [client, setClient] = useState<MeetingClient | null>(null)
  useEffect(() => {
    const stored = loadToken(meetingId)
    // A facilitator link's token is tried first, but stored only once the server accepts it.
    let linkToken = loadLinkToken(meetingId)
    if (linkToken === stored) linkToken = null
    const token = linkToken ?? stored
    const c = new MeetingClient({ serverUrl: socketBaseUrl(), meetingId, token })
    const store = useConnection.getState()
    store.set({ status: 'connecting', isSynced: false, identity: null, hasToken: token !== null, isMissing: false, linkProblem: null })
    c.on('status', (status) => useConnection.getState().set({ status }))
    c.on('synced', (isSynced) => useConnection.getState().set(isSynced ? { isSynced, hasEverSynced: true } : { isSynced }))
    c.on('identity', (identity) => {
      useConnection.getState().set({ identity })
      if (identity && linkToken !== null) {
        saveToken(meetingId, linkToken)
        clearLinkToken(meetingId)
        linkToken = null
      }
    })
    let current = token
    c.on('token', (t) => {
      // Only verified tokens are kept: a join's own token, or a link's once accepted (above). Forgetting a refused
      // link token must not erase the identity this browser had before the link.
      const previous = current
      current = t
      if (t !== null ? t !== linkToken : previous !== linkToken) saveToken(meetingId, t)
      useConnection.getState().set({ hasToken: t !== null })
    })
    c.on('tokenRefused', (refused, error) => {
      if (refused === linkToken) {
        clearLinkToken(meetingId)
        linkToken = null
        const fallback = stored !== null && stored !== refused ? stored : null
        if (fallback) {
          useConnection.getState().set({
            notice: i18next.t('room.linkFailedStillIn', { reason: describeFailure(new CommandFailure(error)) }),
          })
          c.switchToken(fallback)
        } else {
          useConnection.getState().set({
            linkProblem: i18next.t('room.linkFailed', { reason: describeFailure(new CommandFailure(error)) }),
          })
        }
        return
      }
      useConnection.getState().set({ linkProblem: i18next.t('room.savedPlaceInvalid', { reason: describeFailure(new CommandFailure(error)) }) })
    })
    c.on('pending', (pendingCount) => useConnection.getState().set({ pendingCount }))
    c.on('notice', (error) => {
      // A late answer to a token already handled (below) would only replace the clearer message about the link.
      if (error.code !== 'invalid_token') useConnection.getState().set({ notice: describeFailure(new CommandFailure(error)) })
    })
    c.provider.on('closed', (event: { code: number }) => {
      if (event.code === CLOSE.notFound) useConnection.getState().set({ isMissing: true })
      // Removed by the facilitator: the saved identity is dead; show the join form with the reason (the meeting may
      // be locked, in which case joining again says so).
      if (event.code === CLOSE.removed) {
        c.forgetToken()
        saveToken(meetingId, null)
        useConnection.getState().set({ linkProblem: 'The facilitator removed you from this meeting.' })
        c.provider.connect()
      }
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
