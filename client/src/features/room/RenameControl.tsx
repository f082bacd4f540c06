import { useId, useState, type FormEvent } from 'react'
import { MAX_NAME_LENGTH } from '../../../../shared/protocol/limits.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useConnection } from '../../state/connectionStore.ts'
import { useMe } from '../../sync/useFeed.ts'
import { Trans, useTranslation } from 'react-i18next'
import { describeFailure } from '../../i18n/describeFailure.ts'

/** "Joined as Ada · Change name": the display name the room sees. */
export function RenameControl() {
  const { client } = useMeeting()
  const identity = useConnection((s) => s.identity)
  const self = useMe(client)
  const me = self?.id === identity?.participantId ? self : null
  const name = me?.name ?? identity?.name ?? ''
  const [isEditing, setEditing] = useState(false)
  const [draft, setDraft] = useState(name)
  const [error, setError] = useState<string | null>(null)
  const id = useId()
  const { t } = useTranslation()
  const save = async (event: FormEvent) => {
    event.preventDefault()
    try {
      await client.send({ type: 'rename', name: draft })
      setEditing(false)
      setError(null)
    } catch (e) {
      setError(describeFailure(e))
    }
  }
  if (!isEditing) {
    return (
      <p className="whoami">
        <Trans i18nKey={identity?.role === 'facilitator' ? 'header.facilitating' : 'header.joinedAs'} values={{ name }} components={{ strong: <strong /> }} />{' '}
        <button
          type="button"
          className="link on-dark"
          onClick={() => {
            setDraft(name)
            setEditing(true)
          }}
        >
          {t('header.changeName')}
        </button>
      </p>
    )
  }
  return (
    <form className="whoami rename-form" onSubmit={save}>
      <label htmlFor={id}>{t('join.name')}</label>
      <input id={id} value={draft} maxLength={MAX_NAME_LENGTH} required autoFocus onChange={(e) => setDraft(e.target.value)} />
      <button type="submit" className="secondary">
        {t('common.save')}
      </button>
      <button type="button" className="link on-dark" onClick={() => setEditing(false)}>
        {t('common.cancel')}
      </button>
      {error && <span role="alert">{error}</span>}
    </form>
  )
}
