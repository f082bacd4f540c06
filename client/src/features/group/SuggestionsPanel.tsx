import { useCallback, useEffect, useId, useState } from 'react'
import type { BoardSuggestion } from '../../../../shared/board/suggestClusters.ts'
import type { BoardLookup } from './boardCommands.tsx'
import { SuggestionReport } from './SuggestionReport.tsx'
import { DEFAULT_SIMILARITY_THRESHOLD } from '../../../../shared/similarity.ts'
import { MAX_SUGGESTION_THRESHOLD, MIN_SUGGESTION_THRESHOLD, type SuggestClustersResult } from '../../../../shared/board/suggestionResult.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useCommand } from '../../sync/useCommand.ts'
import { formatCount, plural } from '../../ui/formatCount.ts'

/** Suggestions listed at once; the rest wait until these are reviewed. */
const MAX_SHOWN = 50
/** After the threshold slider stops moving this long, suggestions are asked for again. */
const RERUN_AFTER_MS = 400

/**
 * Suggested merges and clusters for the facilitator to accept or reject one by one: nothing is applied silently.
 */
export function SuggestionsPanel({ suggestions, lookup }: { suggestions: BoardSuggestion[]; lookup: BoardLookup }) {
  const { client } = useMeeting()
  const headingId = useId()
  const thresholdId = useId()
  const [threshold, setThreshold] = useState(DEFAULT_SIMILARITY_THRESHOLD)
  const [report, setReport] = useState<SuggestClustersResult | null>(null)
  const suggest = useCallback((t: number) => client.send({ type: 'suggestClusters', threshold: t }), [client])
  const { state, execute } = useCommand(suggest)
  const run = useCallback(
    async (t: number) => {
      const result = await execute(t)
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
        <h3 id={headingId}>Suggestions</h3>
        <button type="button" className="secondary" disabled={state.phase === 'saving'} onClick={() => void run(threshold)}>
          Suggest clusters
        </button>
      </div>
      <div className="threshold-control">
        <label htmlFor={thresholdId}>How alike cards must be: {Math.round(threshold * 100)}%</label>
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
          ? 'Looking for duplicates and similar cards…'
          : state.phase === 'failed'
            ? state.message
            : suggestions.length > 0
              ? `${plural(suggestions.length, 'suggestion', 'suggestions')} to review. Nothing changes until you accept one.`
              : report === null
                ? 'Finds likely duplicates and similar cards for you to accept or reject.'
                : ''}
      </p>
      {report !== null && <SuggestionReport report={report} onLowerTo={setThreshold} />}
      {shown.length > 0 && (
        <ul className="suggestion-list" aria-label="Suggestions to review">
          {shown.map((s) => (
            <SuggestionItem key={s.id} suggestion={s} lookup={lookup} />
          ))}
        </ul>
      )}
      {suggestions.length > shown.length && <p className="hint">and {formatCount(suggestions.length - shown.length)} more after these.</p>}
    </section>
  )
}

function SuggestionItem({ suggestion, lookup }: { suggestion: BoardSuggestion; lookup: BoardLookup }) {
  const { client } = useMeeting()
  const resolve = useCallback((accept: boolean) => client.send({ type: 'resolveSuggestion', suggestionId: suggestion.id, accept }), [client, suggestion.id])
  const { state, execute } = useCommand(resolve)
  const what = suggestion.kind === 'merge' ? `Merge as “${suggestion.name}”` : `Cluster as “${suggestion.name}”`
  const isSaving = state.phase === 'saving'
  return (
    <li className="suggestion">
      <p className="suggestion-what">
        <span className={`kind-badge ${suggestion.kind}`}>{suggestion.kind === 'merge' ? 'Merge' : 'Cluster'}</span> {what}
      </p>
      <ul className="suggestion-cards">
        {suggestion.cardIds.map((id) => {
          const card = lookup.card(id)
          return <li key={id}>{card ? card.title : <em>A card no longer on the board</em>}</li>
        })}
      </ul>
      <div className="button-row">
        <button type="button" className="primary small" disabled={isSaving} aria-label={`Accept: ${what}`} onClick={() => void execute(true)}>
          Accept
        </button>
        <button type="button" className="secondary small" disabled={isSaving} aria-label={`Reject: ${what}`} onClick={() => void execute(false)}>
          Reject
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
