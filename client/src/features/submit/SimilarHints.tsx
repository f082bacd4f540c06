import { useEffect, useState } from 'react'
import type { SimilarSubmission } from '../../../../shared/submissions/submissionTypes.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useDebouncedValue } from '../../sync/useDebouncedValue.ts'
import { describeFailure } from '../../i18n/describeFailure.ts'
import { useTranslation } from 'react-i18next'

const MIN_QUERY_LENGTH = 6
const TYPING_PAUSE_MS = 300

/**
 * The duplicate check as you type: up to three similar proposals you may see, each with "Support this one instead";
 * while proposals are private, someone else's near-duplicate is only mentioned, never shown (it is merged at Group).
 */
export function SimilarHints({ text, onSupported }: { text: string; onSupported: (title: string) => void }) {
  const { t } = useTranslation()
  const { client, view } = useMeeting()
  // New proposals from others may match what is already typed: ask again when the count changes.
  const proposalCount = view.submissionCount
  const query = useDebouncedValue(text.trim(), TYPING_PAUSE_MS)
  const isOpen = view.settings.isOpenSubmissions
  const [matches, setMatches] = useState<SimilarSubmission[]>([])
  const [hasHiddenMatch, setHasHiddenMatch] = useState(false)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (query.length < MIN_QUERY_LENGTH) {
      setMatches([])
      setHasHiddenMatch(false)
      return
    }
    let isCurrent = true
    client
      .send({ type: 'findSimilar', text: query })
      .then((r) => {
        if (!isCurrent) return
        setMatches(r.matches)
        setHasHiddenMatch(r.hasHiddenMatch)
      })
      .catch(() => isCurrent && setMatches([]))
    return () => {
      isCurrent = false
    }
  }, [client, query, proposalCount, isOpen])
  if (text.trim().length < MIN_QUERY_LENGTH || (matches.length === 0 && !hasHiddenMatch)) return null

  const support = async (match: SimilarSubmission) => {
    setError(null)
    try {
      await client.send({ type: 'supportSubmission', submissionId: match.submissionId, support: true })
      setMatches([])
      onSupported(match.title)
    } catch (e) {
      setError(describeFailure(e))
    }
  }
  return (
    <section className="similar-hints" aria-labelledby="similar-heading">
      <h4 id="similar-heading">{t('proposals.alreadyProposed')}</h4>
      {hasHiddenMatch && (
        <p className="hint" role="status">
          {t('proposals.hiddenMatch')}
        </p>
      )}
      {matches.length > 0 && (
        <ul aria-label={t('proposals.similarList')}>
          {matches.map((m) => (
            <li key={m.submissionId}>
              <span className="similar-title">{m.title}</span>
              <span className="similar-score">{t('proposals.similar', { percent: Math.round(m.score * 100) })}</span>
              {m.isMine ? (
                <span className="hint">{t('proposals.yourOwn')}</span>
              ) : m.isSupported ? (
                <span className="hint">{t('proposals.youSupport')}</span>
              ) : (
                <button type="button" className="secondary" onClick={() => void support(m)} aria-label={t('proposals.supportInsteadLabel', { title: m.title })}>
                  {t('proposals.supportInstead')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
