import { create } from 'zustand'
import type { ConnectionStatus } from '../../../shared/client/MeetingClient.ts'
import type { IdentityResult } from '../../../shared/protocol/messages.ts'

/** Local UI state about this browser's link to the meeting (the meeting itself lives in the Y.Doc). */
interface ConnectionState {
  status: ConnectionStatus
  isSynced: boolean
  hasEverSynced: boolean
  identity: IdentityResult | null
  hasToken: boolean
  pendingCount: number
  isMissing: boolean
  notice: string | null
  /** Why the link or saved identity this browser came with did not work (shown above the join form). */
  linkProblem: string | null
  set(partial: Partial<Omit<ConnectionState, 'set'>>): void
}

export const useConnection = create<ConnectionState>((set) => ({
  status: 'connecting',
  isSynced: false,
  hasEverSynced: false,
  identity: null,
  hasToken: false,
  pendingCount: 0,
  isMissing: false,
  notice: null,
  linkProblem: null,
  set: (partial) => set(partial),
}))
