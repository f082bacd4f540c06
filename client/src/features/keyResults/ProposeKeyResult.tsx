import { useId, useState, type FormEvent } from 'react'
import { MAX_STATEMENT_LENGTH } from '../../../../shared/keyResults/keyResultTypes.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { CharacterCount, fits } from '../../ui/CharacterCount.tsx'
import { useTranslation } from 'react-i18next'
import { describeFailure } from '../../i18n/describeFailure.ts'

export function ProposeKeyResult({ objectiveId, objectiveTitle }: { objectiveId: string; objectiveTitle: string }) {
  const { client } = useMeeting()
  const [statement, setStatement] = useState('')
  const [error, setError] = useState<string | null>(null)
  const id = useId()
  const { t } = useTranslation()
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    try {
      await client.send({ type: 'proposeKeyResult', objectiveId, statement })
      setStatement('')
    } catch (e) {
      setError(describeFailure(e))
    }
  }
  return (
    <form className="propose-kr" onSubmit={submit}>
      <label htmlFor={id}>{t('kr.new', { title: objectiveTitle })}</label>
      <div className="copy-row">
        <input
          id={id}
          value={statement}
          placeholder={t('kr.newPlaceholder')}
          aria-invalid={!fits(statement, MAX_STATEMENT_LENGTH)}
          aria-describedby={`${id}-count`}
          onChange={(e) => setStatement(e.target.value)}
        />
        <button type="submit" className="secondary" disabled={!fits(statement, MAX_STATEMENT_LENGTH)}>
          {t('kr.propose')}
        </button>
      </div>
      <CharacterCount id={`${id}-count`} length={statement.trim().length} max={MAX_STATEMENT_LENGTH} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
