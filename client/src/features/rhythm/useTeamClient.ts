import { useEffect, useState } from 'react'
import { TeamClient } from '../../../../shared/client/TeamClient.ts'
import type { ConnectionStatus } from '../../../../shared/client/MeetingClient.ts'
import type { TeamHelloResult } from '../../../../shared/rhythm/teamCommands.ts'
import type { TeamView } from '../../../../shared/rhythm/teamDoc.ts'
import { socketBaseUrl } from '../../sync/socketUrl.ts'
import { followConnectivity } from '../../sync/followConnectivity.ts'
import { loadEditorToken, saveEditorToken, viewerSecret } from './teamStorage.ts'
import { CLOSE } from '../../../../shared/protocol/closeCodes.ts'

export interface TeamConnection {
  client: TeamClient | null
  status: ConnectionStatus
  identity: TeamHelloResult | null
  pendingCount: number
  isMissing: boolean
  wasTokenRefused: boolean
}

/** One TeamClient for the page's lifetime, with its connection state. */
export function useTeamClient(teamId: string): TeamConnection {
  const [state, setState] = useState<TeamConnection>({
    client: null,
    status: 'connecting',
    identity: null,
    pendingCount: 0,
    isMissing: false,
    wasTokenRefused: false,
  })
  useEffect(() => {
    const c = new TeamClient({ serverUrl: socketBaseUrl(), teamId, editorToken: loadEditorToken(teamId), viewerSecret: viewerSecret() })
    const set = (patch: Partial<TeamConnection>) => setState((s) => ({ ...s, ...patch }))
    set({ client: c })
    c.on('status', (status) => set({ status }))
    c.on('identity', (identity) => set({ identity }))
    c.on('pending', (pendingCount) => set({ pendingCount }))
    c.on('tokenRefused', () => {
      saveEditorToken(teamId, null)
      set({ wasTokenRefused: true })
    })
    c.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event?.code === CLOSE.notFound) set({ isMissing: true })
    })
    const unfollow = followConnectivity(c.provider)
    return () => {
      unfollow()
      c.destroy()
    }
  }, [teamId])
  return state
}

/** The team doc as plain data, re-read on every update (the doc is small: one quarter of one team). */
export function useTeamView(client: TeamClient | null): TeamView | null {
  const [view, setView] = useState<TeamView | null>(() => client?.view() ?? null)
  useEffect(() => {
    if (!client) return
    const update = () => setView(client.view())
    update()
    client.doc.on('update', update)
    return () => client.doc.off('update', update)
  }, [client])
  return view
}
