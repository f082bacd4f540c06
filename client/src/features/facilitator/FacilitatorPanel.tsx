import { useMeeting } from '../../sync/MeetingContext.tsx'
import { TimerControls } from './TimerControls.tsx'
import { InviteCard } from './InviteCard.tsx'
import { NotDoneList } from './NotDoneList.tsx'
import { SubmitSettings } from './SubmitSettings.tsx'
import { ModerationList } from './ModerationList.tsx'
import { JoinControls } from './JoinControls.tsx'

export function FacilitatorPanel() {
  const stage = useMeeting().view.stage
  return (
    <>
      {stage !== 'vote' && <NotDoneList />}
      {(stage === 'mission' || stage === 'submit') && <SubmitSettings />}
      {stage === 'submit' && <ModerationList />}
      <TimerControls />
      <InviteCard />
      {stage !== 'published' && <JoinControls />}
    </>
  )
}
