import { BAND_LABELS, confidenceBand } from '../keyResults/confidenceBand.ts'
import { markdownText as md } from '../text/markdownText.ts'
import type { PublishedSet } from './publishedSet.ts'
import { describeVoting } from '../voting/countVoters.ts'

export function exportMarkdown(set: PublishedSet): string {
  const lines: string[] = [`# ${md(set.title)} — ${md(set.quarter)}`, '', `> ${md(set.mission)}`, '']
  set.objectives.forEach((o, i) => {
    lines.push(`## Objective ${i + 1}: ${md(o.title)}`, '')
    const facts = [o.team && `**Owner:** ${md(o.team)}`, o.deadline && `**Deadline:** ${md(o.deadline)}`].filter(Boolean)
    if (facts.length) lines.push(facts.join(' · '), '')
    if (o.whyNow) lines.push(`*Why now:* ${md(o.whyNow)}`, '')
    lines.push('| # | Key result | Baseline → target | Owner | Confidence |', '|---|---|---|---|---|')
    o.keyResults.forEach((kr, j) => {
      const range = kr.target ? `${md(kr.baseline || '?')} → ${md(kr.target)} ${md(kr.unit)}`.trim() : ''
      const band = confidenceBand(kr.confidence)
      lines.push(`| ${i + 1}.${j + 1} | ${md(kr.statement)} | ${range} | ${md(kr.owner)} | ${kr.confidence}/10 (${band}, ${BAND_LABELS[band]}) |`)
    })
    lines.push('')
  })
  const s = set.summary
  lines.push(
    '---',
    '',
    `Set live with Quarterdeck: ${s.participants} participants, ${s.submissions} proposals, ${s.merges} merges, ${describeVoting(s)}.`,
    `Published ${new Date(set.publishedAt).toISOString().slice(0, 10)}.`,
    '',
  )
  return lines.join('\n')
}
