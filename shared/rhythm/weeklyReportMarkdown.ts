import { BAND_LABELS } from '../keyResults/confidenceBand.ts'
import type { WeeklyReport } from './buildWeeklyReport.ts'
import { CHANGE_SYMBOLS } from './confidenceChange.ts'
import { markdownText as md } from '../text/markdownText.ts'

const OUTCOME_LABELS = { done: '**Done**', not_done: '**Not done**', unmarked: '*Not marked*' } as const

/** The weekly report as Markdown, for e-mail or chat. Everything people wrote is escaped. */
export function weeklyReportMarkdown(report: WeeklyReport): string {
  const lines: string[] = [`# Weekly report: ${md(report.team)}, ${report.weekLabel} (week of ${report.weekId})`, '']

  lines.push('## OKRs', '')
  if (!report.okrs.length) lines.push('No objectives.', '')
  for (const o of report.okrs) {
    lines.push(`### ${md(o.title)}`, '', '| Key result | Owner | Confidence | Change | Why |', '|---|---|---|---|---|')
    for (const kr of o.keyResults) {
      const confidence = kr.confidence === null || kr.colour === null ? 'no check-in' : `${kr.confidence}/10 (${kr.colour}, ${BAND_LABELS[kr.colour]})`
      const change = kr.change === null ? '' : CHANGE_SYMBOLS[kr.change]
      lines.push(`| ${md(kr.statement)} | ${md(kr.owner)} | ${confidence} | ${change} | ${md(kr.reason)} |`)
    }
    lines.push('')
  }

  lines.push("## The week's priorities: done or not done", '')
  if (!report.priorities.length) lines.push('No priorities were set.')
  for (const p of report.priorities) {
    const owner = p.owner ? ` (${md(p.owner)})` : ''
    const why = p.why ? `: ${md(p.why)}` : ''
    lines.push(`- ${OUTCOME_LABELS[p.status]}, ${p.rank} ${md(p.title)}${owner}${why}`)
  }
  lines.push('')

  if (report.wins.length) {
    lines.push('## Wins', '')
    for (const w of report.wins) lines.push(`- ${md(w.text)}${w.by ? ` (${md(w.by)})` : ''}`)
    lines.push('')
  }

  lines.push("## Next week's priorities", '')
  if (!report.nextWeek.length) lines.push('None yet.')
  report.nextWeek.forEach((p, i) => lines.push(`${i + 1}. ${p.rank} ${md(p.title.trim())}${p.owner.trim() ? ` (${md(p.owner.trim())})` : ''}`))
  lines.push('')

  lines.push('## Risks and blockers', '')
  if (!report.risks.length) lines.push('None named.')
  for (const r of report.risks) lines.push(`- ${md(r.text)}`)
  lines.push('')

  lines.push('## Remarks', '', report.remarks ? md(report.remarks) : 'None.', '')
  return lines.join('\n')
}
