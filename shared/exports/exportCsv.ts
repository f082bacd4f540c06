import { confidenceBand } from '../keyResults/confidenceBand.ts'
import type { PublishedSet } from './publishedSet.ts'

export const CSV_COLUMNS = [
  'quarter',
  'objective_number',
  'objective',
  'objective_owner',
  'deadline',
  'kr_number',
  'key_result',
  'metric',
  'baseline',
  'target',
  'unit',
  'kr_owner',
  'confidence',
  'confidence_band',
] as const

/**
 * RFC 4180 quoting, plus a guard against spreadsheet formula injection: a cell a spreadsheet would evaluate
 * (starting with = + - @, tab or CR) is prefixed with an apostrophe.
 */
export function csvCell(value: string | number): string {
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Excel on Windows reads a CSV without a byte-order mark as the local code page and garbles "€", "ó". */
export const UTF8_BOM = '\uFEFF'

/** One row per key result, the objective repeated, so the file sorts and filters well. Starts with a UTF-8 BOM. */
export function exportCsv(set: PublishedSet): string {
  const rows: (string | number)[][] = [[...CSV_COLUMNS]]
  set.objectives.forEach((o, i) => {
    o.keyResults.forEach((kr, j) => {
      rows.push([
        set.quarter,
        i + 1,
        o.title,
        o.team,
        o.deadline,
        `${i + 1}.${j + 1}`,
        kr.statement,
        kr.metric,
        kr.baseline,
        kr.target,
        kr.unit,
        kr.owner,
        kr.confidence,
        confidenceBand(kr.confidence),
      ])
    })
  })
  return UTF8_BOM + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
