import { useCallback, useState, type FormEvent } from 'react'
import { assembleMission } from '../../../../shared/meeting/mission.ts'
import { suggestQuarter } from '../../../../shared/meeting/quarter.ts'
import { MAX_MISSION_PART_LENGTH, MAX_TITLE_LENGTH } from '../../../../shared/protocol/limits.ts'
import { createMeeting } from './createMeeting.ts'
import { CascadeCreateFields, type CascadeChoice } from '../cascade/CascadeCreateFields.tsx'
import { Trans, useTranslation } from 'react-i18next'
import { LanguageSwitcher } from '../../i18n/LanguageSwitcher.tsx'
import { currentLocale } from '../../i18n/i18n.ts'
import { describeFailure } from '../../i18n/describeFailure.ts'

export function CreateMeetingPage() {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage === 'es' ? 'es' : 'en'
  const [title, setTitle] = useState('')
  const [quarter, setQuarter] = useState(() => suggestQuarter(new Date()))
  const [value, setValue] = useState('')
  const [field, setField] = useState('')
  const [impact, setImpact] = useState('')
  const [objectiveCount, setObjectiveCount] = useState<1 | 3>(3)
  const [phase, setPhase] = useState<'editing' | 'creating'>('editing')
  const [error, setError] = useState<string | null>(null)
  const mission = assembleMission({ value, field, impact, language })
  // "Plan next quarter" on a published page links here with ?previous=<meetingId>.
  const [previousMeetingId] = useState(() => new URLSearchParams(window.location.search).get('previous'))
  // "Start a department meeting" on a company's published page links here with ?company=<meetingId>.
  const [companyMeetingId] = useState(() => new URLSearchParams(window.location.search).get('company'))
  const [cascade, setCascade] = useState<CascadeChoice | null>(null)
  const onCascade = useCallback((choice: CascadeChoice | null) => setCascade(choice), [])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setPhase('creating')
    setError(null)
    try {
      const created = await createMeeting({
        title,
        quarter,
        mission: { value, field, impact, language: currentLocale() === 'es' ? 'es' : 'en' },
        objectiveCount,
        ...(previousMeetingId ? { previousMeetingId } : {}),
        ...(cascade ? { cascade } : {}),
      })
      window.location.assign(created.facilitatorUrl)
    } catch (e) {
      setError(describeFailure(e))
      setPhase('editing')
    }
  }

  return (
    <main className="page narrow">
      <header className="brand">
        <span className="logo" aria-hidden="true">
          ⚓
        </span>{' '}
        {t('common.quarterdeck')}
        <LanguageSwitcher className="on-light" />
      </header>
      <h1>{t('create.heading')}</h1>
      <p className="lead">{t('create.lead')}</p>
      {previousMeetingId && (
        <p className="note" role="note">
          {t('create.followUp')}
        </p>
      )}
      {companyMeetingId && (
        <p className="note" role="note">
          {t('create.department')}
        </p>
      )}
      <form className="card form" onSubmit={submit} aria-describedby={error ? 'create-error' : undefined}>
        <div className="field">
          <label htmlFor="title">{t('create.title')}</label>
          <input
            id="title"
            required
            maxLength={MAX_TITLE_LENGTH}
            value={title}
            placeholder={t('create.titlePlaceholder')}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="quarter">{t('create.quarter')}</label>
          <input id="quarter" required pattern="\d{4} Q[1-4]" value={quarter} aria-describedby="quarter-hint" onChange={(e) => setQuarter(e.target.value)} />
          <p className="hint" id="quarter-hint">
            {t('create.quarterHint')}
          </p>
        </div>
        <fieldset className="mission-fields">
          <legend>{t('create.mission')}</legend>
          <p className="hint">
            <Trans i18nKey="create.missionHint" components={{ em: <em /> }} />
          </p>
          <div className="field inline-label">
            <label htmlFor="mission-value">{t('create.we')}</label>
            <input
              id="mission-value"
              required
              maxLength={MAX_MISSION_PART_LENGTH}
              value={value}
              placeholder={t('create.valuePlaceholder')}
              aria-describedby="mission-value-hint"
              onChange={(e) => setValue(e.target.value)}
            />
          </div>
          <p className="hint" id="mission-value-hint">
            {t('create.valueHint')}
          </p>
          <div className="field inline-label">
            <label htmlFor="mission-field">{t('create.in')}</label>
            <input
              id="mission-field"
              required
              maxLength={MAX_MISSION_PART_LENGTH}
              value={field}
              placeholder={t('create.fieldPlaceholder')}
              aria-describedby="mission-field-hint"
              onChange={(e) => setField(e.target.value)}
            />
          </div>
          <p className="hint" id="mission-field-hint">
            {t('create.fieldHint')}
          </p>
          <div className="field">
            <label htmlFor="mission-impact">{t('create.impact')}</label>
            <input
              id="mission-impact"
              maxLength={MAX_MISSION_PART_LENGTH}
              value={impact}
              placeholder={t('create.impactPlaceholder')}
              onChange={(e) => setImpact(e.target.value)}
            />
          </div>
          <p className="mission-preview" aria-live="polite">
            <span className="visually-hidden">{t('create.preview')}</span>
            {mission || t('create.previewEmpty')}
          </p>
        </fieldset>
        <fieldset>
          <legend>{t('create.howMany')}</legend>
          <label className="choice">
            <input type="radio" name="objectives" checked={objectiveCount === 3} onChange={() => setObjectiveCount(3)} />
            {t('create.three')} <span className="hint">{t('create.threeHint')}</span>
          </label>
          <label className="choice">
            <input type="radio" name="objectives" checked={objectiveCount === 1} onChange={() => setObjectiveCount(1)} />
            {t('create.one')} <span className="hint">{t('create.oneHint')}</span>
          </label>
        </fieldset>
        <CascadeCreateFields initialCompanyId={companyMeetingId} onChange={onCascade} onQuarter={setQuarter} />
        {error && (
          <p className="error" id="create-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary large" disabled={phase === 'creating'}>
          {phase === 'creating' ? t('create.creating') : t('create.create')}
        </button>
      </form>
    </main>
  )
}
