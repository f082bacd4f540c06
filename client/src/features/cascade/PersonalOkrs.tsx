import { useId, useState, type FormEvent } from 'react'
import type { CascadeView } from '../../../../shared/cascade/cascadeDoc.ts'
import { decodeLink, describeLink, supportOptions } from '../../../../shared/cascade/supportOptions.ts'
import { MAX_PERSONAL_KEY_RESULTS } from '../../../../shared/cascade/personalObjectives.ts'
import type { PublishedSet } from '../../../../shared/exports/publishedSet.ts'
import { DEFAULT_CONFIDENCE } from '../../../../shared/keyResults/keyResultTypes.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { ConfidenceBadge } from '../keyResults/ConfidenceControl.tsx'
import './cascade.css'
import { describeFailure } from '../../i18n/describeFailure.ts'
import { useTranslation } from 'react-i18next'

interface DraftKr {
  statement: string
  confidence: number
}

const emptyKrs = (): DraftKr[] => [{ statement: '', confidence: DEFAULT_CONFIDENCE }]

/** Optional personal OKRs, agreed one-on-one, each linked to the department OKR it supports. */
export function PersonalOkrs({ cascade, published, isFacilitator }: { cascade: CascadeView; published: PublishedSet; isFacilitator: boolean }) {
  const { client } = useMeeting()
  const id = useId()
  const [person, setPerson] = useState('')
  const [title, setTitle] = useState('')
  const [supports, setSupports] = useState('')
  const [krs, setKrs] = useState<DraftKr[]>(emptyKrs)
  const [error, setError] = useState<string | null>(null)
  const [isSaving, setSaving] = useState(false)
  const [isAdding, setAdding] = useState(false)
  const { t } = useTranslation()
  const options = supportOptions(published.objectives)
  const save = async (event: FormEvent) => {
    event.preventDefault()
    const link = decodeLink(supports)
    const keyResults = krs.filter((k) => k.statement.trim())
    if (!link) return setError(t('personal.chooseSupport'))
    if (!keyResults.length) return setError(t('server.personalNeedsKr'))
    setSaving(true)
    setError(null)
    try {
      await client.send({ type: 'addPersonalObjective', person, title, supports: link, keyResults })
      setPerson('')
      setTitle('')
      setSupports('')
      setKrs(emptyKrs())
      setAdding(false)
    } catch (e) {
      setError(describeFailure(e))
    } finally {
      setSaving(false)
    }
  }
  const remove = (personalId: string) => void client.send({ type: 'removePersonalObjective', personalId }).catch((e: unknown) => setError(describeFailure(e)))
  if (!isFacilitator && !cascade.personal.length) return null
  return (
    <section className="card personal-okrs" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('personal.heading')}</h3>
      <p className="hint">{t('personal.hint')}</p>
      {cascade.personal.length > 0 && (
        <ul className="personal-list" aria-label={t('personal.list')}>
          {cascade.personal.map((p) => (
            <li key={p.id}>
              <p className="kr-statement">
                {p.person}: {p.title}
              </p>
              <p className="hint">{t('personal.supports', { what: describeLink(published.objectives, p.supports)?.label ?? t('personal.aCompanyOkr') })}</p>
              <ul className="compact-krs" aria-label={t('personal.krsFor', { title: p.title })}>
                {p.keyResults.map((kr) => (
                  <li key={kr.id}>
                    {kr.statement} <ConfidenceBadge confidence={kr.confidence} />
                  </li>
                ))}
              </ul>
              {isFacilitator && (
                <button
                  type="button"
                  className="link danger-link"
                  onClick={() => remove(p.id)}
                  aria-label={t('personal.removeLabel', { person: p.person, title: p.title })}
                >
                  {t('common.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {isFacilitator && !isAdding && (
        <button type="button" className="secondary" onClick={() => setAdding(true)}>
          {t('personal.add')}
        </button>
      )}
      {isFacilitator && isAdding && (
        <form className="personal-form" onSubmit={save}>
          <div className="field">
            <label htmlFor={`${id}-person`}>{t('personal.person')}</label>
            <input id={`${id}-person`} required value={person} maxLength={80} onChange={(e) => setPerson(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-title`}>{t('personal.objective')}</label>
            <input id={`${id}-title`} required value={title} maxLength={140} onChange={(e) => setTitle(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-supports`}>{t('personal.supportsLabel')}</label>
            <select id={`${id}-supports`} required value={supports} onChange={(e) => setSupports(e.target.value)}>
              <option value="">{t('personal.choose')}</option>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend>{t('personal.krs')}</legend>
            {krs.map((kr, i) => (
              <div key={i} className="personal-kr">
                <div className="field">
                  <label htmlFor={`${id}-kr-${i}`}>{t('personal.krN', { n: i + 1 })}</label>
                  <input
                    id={`${id}-kr-${i}`}
                    value={kr.statement}
                    maxLength={300}
                    onChange={(e) => setKrs(krs.map((k, j) => (j === i ? { ...k, statement: e.target.value } : k)))}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-conf-${i}`}>{t('personal.confidence')}</label>
                  <select
                    id={`${id}-conf-${i}`}
                    value={kr.confidence}
                    onChange={(e) => setKrs(krs.map((k, j) => (j === i ? { ...k, confidence: Number(e.target.value) } : k)))}
                  >
                    {Array.from({ length: 10 }, (_, n) => (
                      <option key={n + 1} value={n + 1}>
                        {n + 1}/10
                      </option>
                    ))}
                  </select>
                </div>
              </div>
            ))}
            {krs.length < MAX_PERSONAL_KEY_RESULTS && (
              <button type="button" className="link" onClick={() => setKrs([...krs, { statement: '', confidence: DEFAULT_CONFIDENCE }])}>
                {t('personal.addKr')}
              </button>
            )}
          </fieldset>
          <div className="button-row">
            <button type="submit" className="primary" disabled={isSaving}>
              {t('personal.save')}
            </button>
            <button type="button" className="secondary" onClick={() => setAdding(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
