import { useState } from 'react'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { facilitatorLinkFor, joinLinkFor, loadToken } from '../../sync/tokenStorage.ts'
import { CopyField } from '../../ui/CopyField.tsx'
import { QrCode } from '../../ui/QrCode.tsx'
import { useTranslation } from 'react-i18next'

export function InviteCard() {
  const { view } = useMeeting()
  const [isShowingSecret, setShowingSecret] = useState(false)
  const joinLink = joinLinkFor(view.id)
  const token = loadToken(view.id)
  const { t } = useTranslation()
  return (
    <section className="card controls" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('facilitator.invite')}</h2>
      <CopyField label={t('facilitator.joinLink')} value={joinLink} hint={t('facilitator.joinLinkHint')} />
      <div className="qr-row">
        <QrCode text={joinLink} size={160} label={t('facilitator.joinQr')} />
        <a className="button secondary" href={`/m/${view.id}/screen`} target="_blank" rel="noreferrer">
          {t('facilitator.openScreen')}
        </a>
      </div>
      {token &&
        (isShowingSecret ? (
          <CopyField label={t('facilitator.facilitatorLink')} value={facilitatorLinkFor(view.id, token)} hint={t('facilitator.facilitatorLinkHint')} />
        ) : (
          <button type="button" className="link" onClick={() => setShowingSecret(true)}>
            {t('facilitator.showFacilitatorLink')}
          </button>
        ))}
    </section>
  )
}
