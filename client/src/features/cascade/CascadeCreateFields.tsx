import { useEffect, useId, useState } from 'react'
import type { PublishedSet } from '../../../../shared/exports/publishedSet.ts'
import { MAX_DEPARTMENT_NAME_LENGTH } from '../../../../shared/protocol/messages.ts'
import { meetingIdFromLink } from '../../../../shared/cascade/meetingIdFromLink.ts'
import './cascade.css'
import { useTranslation } from 'react-i18next'
import i18next from '../../i18n/i18n.ts'

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
  const { t } = useTranslation()
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
        if (!res.ok) return setLookup({ phase: 'failed', message: i18next.t('cascade.noPublished') })
        const set = (await res.json()) as PublishedSet
        setLookup({ phase: 'found', set })
        onQuarter(set.quarter)
      })
      .catch(() => isCurrent && setLookup({ phase: 'failed', message: i18next.t('cascade.unreachable') }))
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
      <legend>{t('cascade.legend')}</legend>
      <label className="choice">
        <input type="checkbox" checked={isDepartment} onChange={(e) => setDepartment(e.target.checked)} />
        {t('cascade.isDepartment')}
      </label>
      <p className="hint">{t('cascade.isDepartmentHint')}</p>
      {isDepartment && (
        <>
          <div className="field">
            <label htmlFor={`${id}-link`}>{t('cascade.companyLink')}</label>
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
                ? t('cascade.notALink')
                : lookup.phase === 'loading'
                  ? t('cascade.lookingUp')
                  : lookup.phase === 'found'
                    ? t('cascade.alignsTo', { title: lookup.set.title, quarter: lookup.set.quarter, count: lookup.set.objectives.length })
                    : lookup.phase === 'failed'
                      ? lookup.message
                      : t('cascade.linkHint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-department`}>{t('cascade.department')}</label>
            <input
              id={`${id}-department`}
              required
              maxLength={MAX_DEPARTMENT_NAME_LENGTH}
              value={department}
              placeholder={t('cascade.departmentPlaceholder')}
              onChange={(e) => setDepartmentName(e.target.value)}
            />
          </div>
        </>
      )}
    </fieldset>
  )
}
