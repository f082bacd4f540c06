import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useConnection } from '../../state/connectionStore.ts'
import { MeetingHeader } from './MeetingHeader.tsx'
import { ConnectionBanner } from './ConnectionBanner.tsx'
import { StagePanel } from './StagePanel.tsx'
import { PresencePanel } from './PresencePanel.tsx'
import { FacilitatorPanel } from '../facilitator/FacilitatorPanel.tsx'
import { StageBar } from '../facilitator/StageBar.tsx'
import { NoticeToast } from './NoticeToast.tsx'
import { useTranslation } from 'react-i18next'

export function MeetingRoom() {
  const { view } = useMeeting()
  const role = useConnection((s) => s.identity?.role)
  const isFacilitator = role === 'facilitator'
  const { t } = useTranslation()
  return (
    <div className="room">
      <MeetingHeader view={view} />
      <ConnectionBanner />
      {isFacilitator && <StageBar />}
      <div className={`room-body stage-${view.stage} ${isFacilitator ? 'with-controls' : ''}`}>
        <main className="stage-main" aria-label={t('room.stage')}>
          <StagePanel />
        </main>
        <aside className="room-side" aria-label={isFacilitator ? t('room.sideFacilitator') : t('room.sideParticipant')}>
          {isFacilitator && <FacilitatorPanel />}
          <PresencePanel />
        </aside>
      </div>
      <NoticeToast />
    </div>
  )
}
