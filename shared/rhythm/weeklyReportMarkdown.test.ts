import { describe, expect, it } from 'vitest'
import type { ReportKeyResult, WeeklyReport } from './buildWeeklyReport.ts'
import { weeklyReportMarkdown } from './weeklyReportMarkdown.ts'

const greenKr: ReportKeyResult = {
  id: 'kr1',
  statement: 'Conversion 4 % → 7 %',
  owner: 'Ana',
  confidence: 7,
  colour: 'green',
  change: 'up',
  reason: 'Pricing test works',
}

const report: WeeklyReport = {
  team: 'Growth',
  weekId: '2027-01-11',
  weekLabel: '2027-W02',
  okrs: [
    {
      id: 'o1',
      title: 'Make trials convert',
      keyResults: [greenKr, { id: 'kr2', statement: 'NPS 20 → 45', owner: 'Ben', confidence: null, colour: null, change: null, reason: '' }],
    },
  ],
  priorities: [
    { priorityId: 'p1', title: 'Ship pricing page', owner: 'Ana', rank: 'P1', status: 'done', why: '' },
    { priorityId: 'p2', title: 'Call Acme', owner: 'Ben', rank: 'P2', status: 'not_done', why: 'Waiting on Legal' },
  ],
  wins: [],
  nextWeek: [{ id: 'n1', title: 'Fix survey tool', owner: 'Ben', rank: 'P1', keyResultId: 'kr2' }],
  risks: [{ text: 'Legal review may slip', source: 'team' }],
  remarks: 'Good week',
}

describe('weeklyReportMarkdown', () => {
  it('lists the Friday wins after the priorities when there are any', () => {
    const md = weeklyReportMarkdown({
      ...report,
      wins: [
        { text: 'First *10* shops', by: 'Ana' },
        { text: 'Deal closed', by: '' },
      ],
    })
    expect(md).toContain(
      "- **Not done**, P2 Call Acme (Ben): Waiting on Legal\n\n## Wins\n\n- First \\*10\\* shops (Ana)\n- Deal closed\n\n## Next week's priorities",
    )
  })

  it('lays out OKRs, the week’s priorities, next week, risks and remarks', () => {
    expect(weeklyReportMarkdown(report)).toBe(
      [
        '# Weekly report: Growth, 2027-W02 (week of 2027-01-11)',
        '',
        '## OKRs',
        '',
        '### Make trials convert',
        '',
        '| Key result | Owner | Confidence | Change | Why |',
        '|---|---|---|---|---|',
        '| Conversion 4 % → 7 % | Ana | 7/10 (green, on track) | ↑ | Pricing test works |',
        '| NPS 20 → 45 | Ben | no check-in |  |  |',
        '',
        "## The week's priorities: done or not done",
        '',
        '- **Done**, P1 Ship pricing page (Ana)',
        '- **Not done**, P2 Call Acme (Ben): Waiting on Legal',
        '',
        "## Next week's priorities",
        '',
        '1. P1 Fix survey tool (Ben)',
        '',
        '## Risks and blockers',
        '',
        '- Legal review may slip',
        '',
        '## Remarks',
        '',
        'Good week',
        '',
      ].join('\n'),
    )
  })
  it('escapes what people wrote, so it cannot become markup or break the table', () => {
    const hostile: WeeklyReport = {
      ...report,
      team: '# Growth',
      okrs: [{ id: 'o', title: '**Big**', keyResults: [{ ...greenKr, reason: 'a | b\nc' }] }],
      risks: [{ text: '[click](http://x)', source: 'team' }],
      remarks: '<script>',
    }
    const text = weeklyReportMarkdown(hostile)
    expect(text).toContain('# Weekly report: \\# Growth,')
    expect(text).toContain('### \\*\\*Big\\*\\*')
    expect(text).toContain('| a \\| b c |')
    expect(text).toContain('- \\[click\\](http://x)')
    expect(text).toContain('\\<script>')
  })
  it('leaves ordinary text unescaped', () => {
    const plain: WeeklyReport = { ...report, team: 'Part-Dieu', risks: [{ text: 'Revenue +12% by 2027-03-31, better.', source: 'team' }] }
    const text = weeklyReportMarkdown(plain)
    expect(text).toContain('# Weekly report: Part-Dieu,')
    expect(text).toContain('- Revenue +12% by 2027-03-31, better.')
    expect(text).not.toMatch(/\\[-+.]/)
  })
  it('says so when a section is empty', () => {
    const empty = weeklyReportMarkdown({ ...report, okrs: [], priorities: [], nextWeek: [], risks: [], remarks: '' })
    expect(empty).toContain('## OKRs\n\nNo objectives.')
    expect(empty).toContain('No priorities were set.')
    expect(empty).toContain("## Next week's priorities\n\nNone yet.")
    expect(empty).toContain('## Risks and blockers\n\nNone named.')
    expect(empty).toContain('## Remarks\n\nNone.')
  })
})
