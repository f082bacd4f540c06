import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useConnection } from '../../state/connectionStore.ts'
import { MeetingHeader } from './MeetingHeader.tsx'
import { ConnectionBanner } from './ConnectionBanner.tsx'
import { StagePanel } from './StagePanel.tsx'
import { PresencePanel } from './PresencePanel.tsx'
import { FacilitatorPanel } from '../facilitator/FacilitatorPanel.tsx'
import { StageBar } from '../facilitator/StageBar.tsx'
import { NoticeToast } from './NoticeToast.tsx'

export function MeetingRoom() {
  const { view } = useMeeting()
  const role = useConnection((s) => s.identity?.role)
  const isFacilitator = role === 'facilitator'
  return (
    <div className="room">
      <MeetingHeader view={view} />
      <ConnectionBanner />
      {isFacilitator && <StageBar />}
      <div className={`room-body stage-${view.stage} ${isFacilitator ? "with-controls" : ""}`}>
        <main className="stage-main" aria-label="Stage">
          <StagePanel />
        </main>
        <aside className="room-side" aria-label={isFacilitator ? 'Facilitator controls and people' : 'People'}>
          {isFacilitator && <FacilitatorPanel />}
          <PresencePanel />
        </aside>
      </div>
      <NoticeToast />
    </div>
  )
}
