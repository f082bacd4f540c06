import { describe, expect, it } from 'vitest'
import { exportCsv, csvCell } from './exportCsv.ts'
import { exportMarkdown } from './exportMarkdown.ts'
import { exportJson } from './exportJson.ts'
import type { PublishedSet } from './publishedSet.ts'

const kr = (statement: string, confidence: number, extra: Partial<{ owner: string; target: string; baseline: string; unit: string }> = {}) => ({
  id: statement,
  objectiveId: 'o1',
  statement,
  metric: 'conversion',
  baseline: extra.baseline ?? '4',
  target: extra.target ?? '7',
  unit: extra.unit ?? '%',
  owner: extra.owner ?? 'Ana',
  confidence,
  isAccepted: true,
  order: 0,
  createdAt: 0,
  createdBy: 'p1',
})

const set: PublishedSet = {
  meetingId: 'm1',
  title: 'Acme OKRs',
  quarter: '2027 Q1',
  mission: 'We help shops sell online in retail software.',
  publishedAt: Date.UTC(2027, 0, 5),
  objectives: [
    {
      id: 'o1',
      title: 'Make trials convert',
      whyNow: 'Trials doubled, sales did not',
      team: 'Growth',
      deadline: '2027-03-31',
      keyResults: [kr('Trial-to-paid from 4 % to 7 %', 5), kr('=HYPERLINK("x"), "quoted"', 2, { owner: 'Bo, Jr.' })],
    },
  ],
  summary: { participants: 12, submissions: 30, merges: 8, ballots: 11, stageDurations: [] },
}

describe('exportCsv', () => {
  it('writes one row per key result with the confidence band', () => {
    const lines = exportCsv(set)
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toBe(
      'quarter,objective_number,objective,objective_owner,deadline,kr_number,key_result,metric,baseline,target,unit,kr_owner,confidence,confidence_band',
    )
    expect(lines[1]).toBe('2027 Q1,1,Make trials convert,Growth,2027-03-31,1.1,Trial-to-paid from 4 % to 7 %,conversion,4,7,%,Ana,5,yellow')
    expect(lines).toHaveLength(3)
  })
  it('starts with a UTF-8 byte-order mark and encodes accents and € as UTF-8', () => {
    const accented = { ...set, objectives: [{ ...set.objectives[0]!, title: 'Crecer en Córdoba', keyResults: [kr('Ventas 5 €', 5)] }] }
    const bytes = Buffer.from(exportCsv(accented), 'utf8')
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.subarray(3, 10).toString('latin1')).toBe('quarter')
    expect(bytes.includes(Buffer.from([0xc3, 0xb3]))).toBe(true) // ó
    expect(bytes.includes(Buffer.from([0xe2, 0x82, 0xac]))).toBe(true) // €
    expect(bytes.indexOf(Buffer.from([0xef, 0xbb, 0xbf]), 3)).toBe(-1) // one BOM, at the start only
  })
  it('quotes commas and quotes, and defuses spreadsheet formulas', () => {
    const row = exportCsv(set).split('\r\n')[2]
    expect(row).toContain(`"'=HYPERLINK(""x""), ""quoted"""`)
    expect(row).toContain('"Bo, Jr."')
    expect(row?.endsWith(',2,red')).toBe(true)
    expect(csvCell('-1')).toBe("'-1")
    expect(csvCell(-1)).toBe('-1')
  })
})

describe('exportMarkdown', () => {
  it('puts the mission on top and a table of key results per objective', () => {
    const md = exportMarkdown(set)
    expect(md.split('\n')[0]).toBe('# Acme OKRs — 2027 Q1')
    expect(md).toContain('> We help shops sell online in retail software.')
    expect(md).toContain('## Objective 1: Make trials convert')
    expect(md).toContain('5/10 (yellow, uncertain)')
    expect(md).toContain('2/10 (red, at risk)')
  })
  it('escapes markup in people’s text', () => {
    const evil = { ...set, title: '<script>alert(1)</script> | *bold*' }
    const md = exportMarkdown(evil)
    expect(md).not.toMatch(/(^|[^\\])<script>/)
    expect(md).toContain('\\<script>')
    expect(md).toContain('\\| \\*bold\\*')
  })
  it('leaves ordinary text as written', () => {
    const plain = {
      ...set,
      title: 'Lyon Part-Dieu',
      objectives: [{ ...set.objectives[0]!, whyNow: 'Grow +12%, then better.', keyResults: [kr('Revenue +12% by 2027-03-31', 5)] }],
    }
    const md = exportMarkdown(plain)
    expect(md).toContain('# Lyon Part-Dieu — 2027 Q1')
    expect(md).toContain('*Why now:* Grow +12%, then better.')
    expect(md).toContain('**Deadline:** 2027-03-31')
    expect(md).toContain('| 1.1 | Revenue +12% by 2027-03-31 |')
    expect(md).not.toMatch(/\\[-+.]/)
  })
})

describe('exportJson', () => {
  it('is versioned and carries bands', () => {
    const json = JSON.parse(exportJson(set))
    expect(json.format).toBe('quarterdeck.okrs/1')
    expect(json.objectives[0].keyResults[1]).toMatchObject({ confidence: 2, confidenceBand: 'red', owner: 'Bo, Jr.' })
    expect(json.publishedAt).toBe('2027-01-05T00:00:00.000Z')
  })
})
