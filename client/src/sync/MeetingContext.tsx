import { createContext, useContext } from 'react'
import type { MeetingClient } from '../../../shared/client/MeetingClient.ts'
import type { MeetingView } from '../../../shared/meeting/meetingView.ts'

export interface MeetingContextValue {
  client: MeetingClient
  view: MeetingView
}

export const MeetingContext = createContext<MeetingContextValue | null>(null)

export function useMeeting(): MeetingContextValue {
  const value = useContext(MeetingContext)
  if (!value) throw new Error('useMeeting outside a meeting')
  return value
}
