import { useEffect, useId, useState } from 'react'
import type { PublishedSet } from '../../../../shared/exports/publishedSet.ts'
import { MAX_DEPARTMENT_NAME_LENGTH } from '../../../../shared/protocol/messages.ts'
import { meetingIdFromLink } from '../../../../shared/cascade/meetingIdFromLink.ts'
import './cascade.css'

export interface CascadeChoice {
  companyMeetingId: string
  department: string
}

type Lookup = { phase: 'idle' } | { phase: 'loading' } | { phase: 'found'; set: PublishedSet } | { phase: 'failed'; message: string }

/**
 * Create meeting: "this is a department meeting for a company OKR set". Paste the company's public link; the set is
 * looked up so the facilitator sees what they align to, and the quarter follows the company's.
 */
export function CascadeCreateFields({
  initialCompanyId,
  onChange,
  onQuarter,
}: {
  initialCompanyId: string | null
  onChange: (choice: CascadeChoice | null) => void
  onQuarter: (quarter: string) => void
}) {
  const id = useId()
  const [isDepartment, setDepartment] = useState(initialCompanyId !== null)
  const [link, setLink] = useState(initialCompanyId ? `${window.location.origin}/p/${initialCompanyId}` : '')
  const [department, setDepartmentName] = useState('')
  const [lookup, setLookup] = useState<Lookup>({ phase: 'idle' })
  const companyMeetingId = meetingIdFromLink(link)

  useEffect(() => {
    if (!isDepartment || !companyMeetingId) {
      setLookup({ phase: 'idle' })
      return
    }
    let isCurrent = true
    setLookup({ phase: 'loading' })
    fetch(`/api/meetings/${companyMeetingId}/published`)
      .then(async (res) => {
        if (!isCurrent) return
        if (!res.ok) return setLookup({ phase: 'failed', message: 'No published OKRs at that link. Paste the company’s published page link.' })
        const set = (await res.json()) as PublishedSet
        setLookup({ phase: 'found', set })
        onQuarter(set.quarter)
      })
      .catch(() => isCurrent && setLookup({ phase: 'failed', message: 'The server cannot be reached.' }))
    return () => {
      isCurrent = false
    }
    // onQuarter is a state setter from the page: stable.
  }, [isDepartment, companyMeetingId])

  useEffect(() => {
    onChange(isDepartment && companyMeetingId ? { companyMeetingId, department } : null)
  }, [isDepartment, companyMeetingId, department, onChange])

  return (
    <fieldset className="cascade-fields">
      <legend>Department meeting</legend>
      <label className="choice">
        <input type="checkbox" checked={isDepartment} onChange={(e) => setDepartment(e.target.checked)} />
        This is a department meeting for a company OKR set
      </label>
      <p className="hint">Department objectives then each support a company objective or key result, and the CEO confirms the department’s set.</p>
      {isDepartment && (
        <>
          <div className="field">
            <label htmlFor={`${id}-link`}>Company OKRs link</label>
            <input
              id={`${id}-link`}
              required
              value={link}
              placeholder="https://…/p/…"
              aria-describedby={`${id}-lookup`}
              onChange={(e) => setLink(e.target.value)}
            />
            <p className="hint" id={`${id}-lookup`} aria-live="polite">
              {link && !companyMeetingId
                ? 'That does not look like a published link (…/p/<id>).'
                : lookup.phase === 'loading'
                  ? 'Looking up the company set…'
                  : lookup.phase === 'found'
                    ? `Aligns to “${lookup.set.title}”, ${lookup.set.quarter}: ${lookup.set.objectives.length} objective${lookup.set.objectives.length === 1 ? '' : 's'}.`
                    : lookup.phase === 'failed'
                      ? lookup.message
                      : 'The company’s published page link, as shared after their meeting.'}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-department`}>Department</label>
            <input
              id={`${id}-department`}
              required
              maxLength={MAX_DEPARTMENT_NAME_LENGTH}
              value={department}
              placeholder="Sales"
              onChange={(e) => setDepartmentName(e.target.value)}
            />
          </div>
        </>
      )}
    </fieldset>
  )
}
