import { useState } from 'react'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { facilitatorLinkFor, joinLinkFor, loadToken } from '../../sync/tokenStorage.ts'
import { CopyField } from '../../ui/CopyField.tsx'
import { QrCode } from '../../ui/QrCode.tsx'

export function InviteCard() {
  const { view } = useMeeting()
  const [isShowingSecret, setShowingSecret] = useState(false)
  const joinLink = joinLinkFor(view.id)
  const token = loadToken(view.id)
  return (
    <section className="card controls" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite</h2>
      <CopyField label="Join link" value={joinLink} hint="Anyone with this link can join with a display name." />
      <div className="qr-row">
        <QrCode text={joinLink} size={160} label="QR code of the join link" />
        <a className="button secondary" href={`/m/${view.id}/screen`} target="_blank" rel="noreferrer">
          Open projector screen
        </a>
      </div>
      {token &&
        (isShowingSecret ? (
          <CopyField
            label="Facilitator link"
            value={facilitatorLinkFor(view.id, token)}
            hint="Secret: it opens these controls on another device. Share it only with a co-facilitator."
          />
        ) : (
          <button type="button" className="link" onClick={() => setShowingSecret(true)}>
            Show facilitator link (secret)
          </button>
        ))}
    </section>
  )
}
