import { useId, useState } from 'react'
import type { SuggestClustersResult } from '../../../../shared/board/suggestionResult.ts'
import type { SemanticUse } from '../../../../shared/board/semanticUse.ts'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { formatCount } from '../../ui/formatCount.ts'

const percent = (x: number) => `${Math.round(x * 100)}%`

/** "Checked 40 cards: 3 suggestions." and what fell just short, told as it is. */
export function reportSentence(t: TFunction, r: SuggestClustersResult): string {
  const close =
    r.nearMissCount === 0
      ? t('suggest.noneClose', { percent: percent(r.threshold) })
      : t('suggest.close', { count: r.nearMissCount, percent: percent(r.threshold) })
  return t('suggest.report', { checked: t('suggest.checked', { count: r.checked }), found: t('suggest.found', { count: r.count }), close })
}

function modelSentence(t: TFunction, s: SemanticUse): string {
  if (s.state === 'off') return t('suggest.modelOff')
  if (s.state === 'used') return t('suggest.modelUsed', { model: s.model })
  return t('suggest.modelFallback', { model: s.model, count: s.total - s.embedded, total: formatCount(s.total), reason: s.reason })
}

/**
 * What the last "Suggest clusters" run did, which model it used (or why it could not), and the pairs
 * that came close, with a way to lower the threshold to include them.
 */
export function SuggestionReport({ report, onLowerTo }: { report: SuggestClustersResult; onLowerTo: (threshold: number) => void }) {
  const { t } = useTranslation()
  const [isShown, setShown] = useState(false)
  const listId = useId()
  const best = report.nearMisses[0]?.score
  return (
    <div className="suggestion-report">
      <p className="hint">
        {reportSentence(t, report)}{' '}
        {report.nearMissCount > 0 && (
          <button type="button" className="link-button" aria-expanded={isShown} aria-controls={listId} onClick={() => setShown(!isShown)}>
            {isShown ? t('suggest.hideThem') : t('suggest.showThem')}
          </button>
        )}
      </p>
      <p className={report.semantic.state === 'fallback' ? 'hint warn' : 'hint'}>{modelSentence(t, report.semantic)}</p>
      {isShown && report.nearMissCount > 0 && (
        <div id={listId}>
          <ul className="near-miss-list" aria-label={t('suggest.closePairs')}>
            {report.nearMisses.map((n) => (
              <li key={n.cardIds.join('-')}>
                {t('suggest.pair', { a: n.titles[0], b: n.titles[1] })}{' '}
                <span className="similar-score">{t('suggest.alike', { percent: percent(n.score) })}</span>
              </li>
            ))}
          </ul>
          {report.nearMissCount > report.nearMisses.length && (
            <p className="hint">{t('suggest.more', { count: report.nearMissCount - report.nearMisses.length })}</p>
          )}
          {best !== undefined && (
            <button type="button" className="secondary small" onClick={() => onLowerTo(Math.floor(best * 100) / 100)}>
              {t('suggest.lower', { percent: percent(Math.floor(best * 100) / 100) })}
            </button>
          )}
        </div>
      )}
    </div>
  )
}
