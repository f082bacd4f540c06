import { useId, useState } from 'react'
import type { SuggestClustersResult } from '../../../../shared/board/suggestionResult.ts'
import type { SemanticUse } from '../../../../shared/board/semanticUse.ts'
import { formatCount, plural } from '../../ui/formatCount.ts'

const percent = (x: number) => `${Math.round(x * 100)}%`

/** "Checked 40 cards: 3 suggestions." and what fell just short, told as it is. */
export function reportSentence(r: SuggestClustersResult): string {
  const checked = `Checked ${plural(r.checked, 'card', 'cards')}`
  const found = r.count === 0 ? 'no suggestions' : plural(r.count, 'suggestion', 'suggestions')
  const close =
    r.nearMissCount === 0
      ? ` No other pair came close to the ${percent(r.threshold)} threshold.`
      : ` ${r.nearMissCount === 1 ? '1 pair was' : `${formatCount(r.nearMissCount)} pairs were`} close but below the ${percent(r.threshold)} threshold.`
  return `${checked}: ${found}.${close}`
}

function modelSentence(s: SemanticUse): string {
  if (s.state === 'off') return 'Matched by words (no meaning model is configured).'
  if (s.state === 'used') return `Matched by words and meaning (model: ${s.model}).`
  const missing = s.total - s.embedded
  return `The meaning model (${s.model}) did not help for ${plural(missing, 'card', 'cards')} of ${formatCount(s.total)}: ${s.reason}. Those were matched by words only.`
}

/**
 * What the last "Suggest clusters" run did, which model it used (or why it could not), and the pairs
 * that came close, with a way to lower the threshold to include them.
 */
export function SuggestionReport({ report, onLowerTo }: { report: SuggestClustersResult; onLowerTo: (threshold: number) => void }) {
  const [isShown, setShown] = useState(false)
  const listId = useId()
  const best = report.nearMisses[0]?.score
  return (
    <div className="suggestion-report">
      <p className="hint">
        {reportSentence(report)}{' '}
        {report.nearMissCount > 0 && (
          <button type="button" className="link-button" aria-expanded={isShown} aria-controls={listId} onClick={() => setShown(!isShown)}>
            {isShown ? 'Hide them' : 'Show them'}
          </button>
        )}
      </p>
      <p className={report.semantic.state === 'fallback' ? 'hint warn' : 'hint'}>{modelSentence(report.semantic)}</p>
      {isShown && report.nearMissCount > 0 && (
        <div id={listId}>
          <ul className="near-miss-list" aria-label="Close pairs below the threshold">
            {report.nearMisses.map((n) => (
              <li key={n.cardIds.join('-')}>
                “{n.titles[0]}” and “{n.titles[1]}” <span className="similar-score">{percent(n.score)} alike</span>
              </li>
            ))}
          </ul>
          {report.nearMissCount > report.nearMisses.length && <p className="hint">and {formatCount(report.nearMissCount - report.nearMisses.length)} more.</p>}
          {best !== undefined && (
            <button type="button" className="secondary small" onClick={() => onLowerTo(Math.floor(best * 100) / 100)}>
              Lower the threshold to {percent(Math.floor(best * 100) / 100)} and suggest again
            </button>
          )}
        </div>
      )}
    </div>
  )
}
