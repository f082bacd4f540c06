import { useCallback, useEffect, useId, useState } from 'react'
import type { BoardSuggestion } from '../../../../shared/board/suggestClusters.ts'
import type { BoardLookup } from './boardCommands.tsx'
import { SuggestionReport } from './SuggestionReport.tsx'
import { DEFAULT_SIMILARITY_THRESHOLD } from '../../../../shared/similarity.ts'
import { MAX_SUGGESTION_THRESHOLD, MIN_SUGGESTION_THRESHOLD, type SuggestClustersResult } from '../../../../shared/board/suggestionResult.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useCommand } from '../../sync/useCommand.ts'
import { useTranslation } from 'react-i18next'

/** Suggestions listed at once; the rest wait until these are reviewed. */
const MAX_SHOWN = 50
/** After the threshold slider stops moving this long, suggestions are asked for again. */
const RERUN_AFTER_MS = 400

/**
 * Suggested merges and clusters for the facilitator to accept or reject one by one: nothing is applied silently.
 */
export function SuggestionsPanel({ suggestions, lookup }: { suggestions: BoardSuggestion[]; lookup: BoardLookup }) {
  const { client } = useMeeting()
  const { t } = useTranslation()
  const headingId = useId()
  const thresholdId = useId()
  const [threshold, setThreshold] = useState(DEFAULT_SIMILARITY_THRESHOLD)
  const [report, setReport] = useState<SuggestClustersResult | null>(null)
  const suggest = useCallback((threshold: number) => client.send({ type: 'suggestClusters', threshold }), [client])
  const { state, execute } = useCommand(suggest)
  const run = useCallback(
    async (next: number) => {
      const result = await execute(next)
      if (result) setReport(result)
    },
    [execute],
  )
  // Moving the threshold after a run asks again once the facilitator lets go of it for a moment.
  const lastThreshold = report?.threshold ?? null
  useEffect(() => {
    if (lastThreshold === null || Math.abs(lastThreshold - threshold) < 0.001) return
    const timer = setTimeout(() => void run(threshold), RERUN_AFTER_MS)
    return () => clearTimeout(timer)
  }, [threshold, lastThreshold, run])
  const shown = suggestions.slice(0, MAX_SHOWN)
  return (
    <section className="suggestions" aria-labelledby={headingId}>
      <div className="panel-head">
        <h3 id={headingId}>{t('suggest.heading')}</h3>
        <button type="button" className="secondary" disabled={state.phase === 'saving'} onClick={() => void run(threshold)}>
          {t('suggest.run')}
        </button>
      </div>
      <div className="threshold-control">
        <label htmlFor={thresholdId}>{t('suggest.threshold', { percent: Math.round(threshold * 100) })}</label>
        <input
          id={thresholdId}
          type="range"
          min={Math.round(MIN_SUGGESTION_THRESHOLD * 100)}
          max={Math.round(MAX_SUGGESTION_THRESHOLD * 100)}
          step={1}
          value={Math.round(threshold * 100)}
          aria-valuetext={`${Math.round(threshold * 100)}%`}
          onChange={(e) => setThreshold(Number(e.target.value) / 100)}
        />
      </div>
      <p className="hint" aria-live="polite">
        {state.phase === 'saving'
          ? t('suggest.looking')
          : state.phase === 'failed'
            ? state.message
            : suggestions.length > 0
              ? t('suggest.toReview', { count: suggestions.length })
              : report === null
                ? t('suggest.intro')
                : ''}
      </p>
      {report !== null && <SuggestionReport report={report} onLowerTo={setThreshold} />}
      {shown.length > 0 && (
        <ul className="suggestion-list" aria-label={t('suggest.list')}>
          {shown.map((s) => (
            <SuggestionItem key={s.id} suggestion={s} lookup={lookup} />
          ))}
        </ul>
      )}
      {suggestions.length > shown.length && <p className="hint">{t('suggest.moreAfter', { count: suggestions.length - shown.length })}</p>}
    </section>
  )
}

function SuggestionItem({ suggestion, lookup }: { suggestion: BoardSuggestion; lookup: BoardLookup }) {
  const { client } = useMeeting()
  const { t } = useTranslation()
  const resolve = useCallback((accept: boolean) => client.send({ type: 'resolveSuggestion', suggestionId: suggestion.id, accept }), [client, suggestion.id])
  const { state, execute } = useCommand(resolve)
  const what = t(suggestion.kind === 'merge' ? 'suggest.mergeAs' : 'suggest.clusterAs', { name: suggestion.name })
  const isSaving = state.phase === 'saving'
  return (
    <li className="suggestion">
      <p className="suggestion-what">
        <span className={`kind-badge ${suggestion.kind}`}>{suggestion.kind === 'merge' ? t('suggest.merge') : t('suggest.cluster')}</span> {what}
      </p>
      <ul className="suggestion-cards">
        {suggestion.cardIds.map((id) => {
          const card = lookup.card(id)
          return <li key={id}>{card ? card.title : <em>{t('suggest.cardGone')}</em>}</li>
        })}
      </ul>
      <div className="button-row">
        <button type="button" className="primary small" disabled={isSaving} aria-label={t('suggest.acceptLabel', { what })} onClick={() => void execute(true)}>
          {t('suggest.accept')}
        </button>
        <button
          type="button"
          className="secondary small"
          disabled={isSaving}
          aria-label={t('suggest.rejectLabel', { what })}
          onClick={() => void execute(false)}
        >
          {t('suggest.reject')}
        </button>
      </div>
      {state.phase === 'failed' && (
        <p className="error" role="alert">
          {state.message}
        </p>
      )}
    </li>
  )
}
