import { StageControls } from './StageControls.tsx'
import { TimerControls } from './TimerControls.tsx'
import { InviteCard } from './InviteCard.tsx'
import { NotDoneList } from './NotDoneList.tsx'

export function FacilitatorPanel() {
  return (
    <>
      <StageControls />
      <NotDoneList />
      <TimerControls />
      <InviteCard />
    </>
  )
}
