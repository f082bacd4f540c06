import { readCascadeView, type CascadeView } from '../../../../shared/cascade/cascadeDoc.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useDocSnapshot } from '../../sync/useDocSnapshot.ts'

/** The meeting's cascade maps (department link, confirmation, department sets), rebuilt once per received update. */
export function useCascade(): CascadeView {
  const { client } = useMeeting()
  return useDocSnapshot(client.doc, readCascadeView)
}
