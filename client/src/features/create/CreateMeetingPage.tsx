import { useCallback, useState, type FormEvent } from 'react'
import { assembleMission } from '../../../../shared/meeting/mission.ts'
import { suggestQuarter } from '../../../../shared/meeting/quarter.ts'
import { MAX_MISSION_PART_LENGTH, MAX_TITLE_LENGTH } from '../../../../shared/protocol/limits.ts'
import { createMeeting } from './createMeeting.ts'
import { CascadeCreateFields, type CascadeChoice } from '../cascade/CascadeCreateFields.tsx'

export function CreateMeetingPage() {
  const [title, setTitle] = useState('')
  const [quarter, setQuarter] = useState(() => suggestQuarter(new Date()))
  const [value, setValue] = useState('')
  const [field, setField] = useState('')
  const [impact, setImpact] = useState('')
  const [objectiveCount, setObjectiveCount] = useState<1 | 3>(3)
  const [phase, setPhase] = useState<'editing' | 'creating'>('editing')
  const [error, setError] = useState<string | null>(null)
  const mission = assembleMission({ value, field, impact })
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
        mission: { value, field, impact },
        objectiveCount,
        ...(previousMeetingId ? { previousMeetingId } : {}),
        ...(cascade ? { cascade } : {}),
      })
      window.location.assign(created.facilitatorUrl)
    } catch (e) {
      setError((e as Error).message)
      setPhase('editing')
    }
  }

  return (
    <main className="page narrow">
      <header className="brand">
        <span className="logo" aria-hidden="true">
          ⚓
        </span>{' '}
        Quarterdeck
      </header>
      <h1>Run your quarterly OKR meeting</h1>
      <p className="lead">
        Everyone joins with one link, proposes objectives, merges duplicates, votes down to the few that matter and drafts key results together. No accounts.
      </p>
      {previousMeetingId && (
        <p className="note" role="note">
          This meeting follows up on an earlier one: its published OKRs, with their last confidence, open the Mission stage.
        </p>
      )}
      {companyMeetingId && (
        <p className="note" role="note">
          A department meeting: each objective it picks will support one of the company OKRs linked below, and the CEO confirms the department’s set.
        </p>
      )}
      <form className="card form" onSubmit={submit} aria-describedby={error ? 'create-error' : undefined}>
        <div className="field">
          <label htmlFor="title">Meeting title</label>
          <input id="title" required maxLength={MAX_TITLE_LENGTH} value={title} placeholder="Acme company OKRs" onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="quarter">Quarter</label>
          <input id="quarter" required pattern="\d{4} Q[1-4]" value={quarter} aria-describedby="quarter-hint" onChange={(e) => setQuarter(e.target.value)} />
          <p className="hint" id="quarter-hint">
            Like “2027 Q1”. OKRs are set for a quarter: long enough to matter, short enough to see.
          </p>
        </div>
        <fieldset className="mission-fields">
          <legend>Company mission</legend>
          <p className="hint">
            It frames every objective: “We <em>(what we offer)</em> in <em>(our field)</em> <em>(how it improves lives)</em>.”
          </p>
          <div className="field inline-label">
            <label htmlFor="mission-value">We</label>
            <input
              id="mission-value"
              required
              maxLength={MAX_MISSION_PART_LENGTH}
              value={value}
              placeholder="help small shops sell online"
              aria-describedby="mission-value-hint"
              onChange={(e) => setValue(e.target.value)}
            />
          </div>
          <p className="hint" id="mission-value-hint">
            Value proposition
          </p>
          <div className="field inline-label">
            <label htmlFor="mission-field">in</label>
            <input
              id="mission-field"
              required
              maxLength={MAX_MISSION_PART_LENGTH}
              value={field}
              placeholder="retail software"
              aria-describedby="mission-field-hint"
              onChange={(e) => setField(e.target.value)}
            />
          </div>
          <p className="hint" id="mission-field-hint">
            Field or industry
          </p>
          <div className="field">
            <label htmlFor="mission-impact">How it improves lives (optional)</label>
            <input
              id="mission-impact"
              maxLength={MAX_MISSION_PART_LENGTH}
              value={impact}
              placeholder="so local businesses thrive"
              onChange={(e) => setImpact(e.target.value)}
            />
          </div>
          <p className="mission-preview" aria-live="polite">
            <span className="visually-hidden">Mission preview: </span>
            {mission || 'Your mission will read here.'}
          </p>
        </fieldset>
        <fieldset>
          <legend>How many objectives will you pick?</legend>
          <label className="choice">
            <input type="radio" name="objectives" checked={objectiveCount === 3} onChange={() => setObjectiveCount(3)} />
            Three objectives <span className="hint">(the usual company set)</span>
          </label>
          <label className="choice">
            <input type="radio" name="objectives" checked={objectiveCount === 1} onChange={() => setObjectiveCount(1)} />
            One objective <span className="hint">(one business line, one focus)</span>
          </label>
        </fieldset>
        <CascadeCreateFields initialCompanyId={companyMeetingId} onChange={onCascade} onQuarter={setQuarter} />
        {error && (
          <p className="error" id="create-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary large" disabled={phase === 'creating'}>
          {phase === 'creating' ? 'Creating…' : 'Create meeting'}
        </button>
      </form>
    </main>
  )
}
