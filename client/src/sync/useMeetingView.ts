import { useDocSnapshot } from './useDocSnapshot.ts'
import type { MeetingClient } from '../../../shared/client/MeetingClient.ts'
import { readMeetingView } from '../../../shared/meeting/meetingDoc.ts'
import type { MeetingView } from '../../../shared/meeting/meetingView.ts'

/** A plain snapshot of the meeting doc, rebuilt once per received update. */
export function useMeetingView(client: MeetingClient | null): MeetingView | null {
  return useDocSnapshot(client?.doc ?? null, (doc) => (doc ? readMeetingView(doc) : null))
}
