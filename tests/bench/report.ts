import type { BenchRow, SessionResult } from './session.ts'
import { median, round } from './stats.ts'

const NUMERIC_FIELDS = [
  'ackP50Ms',
  'ackP95Ms',
  'ackP99Ms',
  'acks',
  'fanoutP50Ms',
  'fanoutP99Ms',
  'propagationMs',
  'completionMs',
  'serverCpuSeconds',
  'serverCpuPercent',
  'serverPeakRssMb',
  'serverBytes',
  'serverMessages',
  'errors',
  'wallSeconds',
  'generatorCpuSeconds',
  'generatorLoopDelayP99Ms',
  'machineBusyPercent',
  'otherLoadPercent',
] as const satisfies readonly (keyof BenchRow)[]

const STATUS_RANK: Record<BenchRow['status'], number> = { ok: 0, 'n/a': 1, partial: 2, failed: 3 }

/** Repeated runs of the same (server, N, scenario) → one row of medians; the worst status wins. */
export function medianRows(runs: readonly BenchRow[][]): BenchRow[] {
  const first = runs[0] ?? []
  if (runs.length <= 1) return [...first]
  const byKey = new Map<string, BenchRow[]>()
  for (const rows of runs)
    for (const row of rows) {
      const key = `${row.target}|${row.n}|${row.scenario}`
      byKey.set(key, [...(byKey.get(key) ?? []), row])
    }
  return [...byKey.values()].map((rows) => {
    const base = rows[0] as BenchRow
    const merged: BenchRow = { ...base, extra: { ...base.extra, repeats: rows.length } }
    for (const field of NUMERIC_FIELDS) {
      const values = rows.map((r) => r[field]).filter((v): v is number => typeof v === 'number')
      ;(merged as unknown as Record<string, number | null>)[field] = values.length === rows.length ? round(median(values), 2) : null
    }
    for (const key of ['votedCounterLagMs', 'arrivalP50Ms', 'arrivalP99Ms']) {
      const values = rows.map((r) => r.extra[key]).filter((v): v is number => typeof v === 'number')
      if (values.length > 0) merged.extra[key] = round(median(values), 1)
    }
    merged.status = rows.reduce((worst, r) => (STATUS_RANK[r.status] > STATUS_RANK[worst] ? r.status : worst), base.status)
    merged.note = [...new Set(rows.map((r) => r.note).filter(Boolean))].join('; ') || null
    return merged
  })
}

function fmt(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined) return '–'
  return value.toFixed(digits)
}

function pad(text: string, width: number, isRight = true): string {
  return isRight ? text.padStart(width) : text.padEnd(width)
}

const COLUMNS: { title: string; width: number; isLeft?: boolean; cell: (r: BenchRow) => string }[] = [
  { title: 'server', width: 12, isLeft: true, cell: (r) => r.target },
  { title: 'N', width: 5, cell: (r) => String(r.n) },
  { title: 'scenario', width: 17, isLeft: true, cell: (r) => `${r.number} ${r.title}${r.isSetupOnly ? '*' : ''}` },
  { title: 'status', width: 7, isLeft: true, cell: (r) => r.status },
  { title: 'ack p50/p95/p99 ms', width: 20, cell: (r) => (r.acks > 0 ? `${fmt(r.ackP50Ms, 1)}/${fmt(r.ackP95Ms, 1)}/${fmt(r.ackP99Ms, 1)}` : '–') },
  { title: 'prop ms', width: 8, cell: (r) => fmt(r.propagationMs) },
  { title: 'done ms', width: 8, cell: (r) => fmt(r.completionMs) },
  { title: 'srv CPU s', width: 9, cell: (r) => fmt(r.serverCpuSeconds, 2) },
  { title: 'CPU %', width: 6, cell: (r) => fmt(r.serverCpuPercent) },
  { title: 'RSS MB', width: 7, cell: (r) => fmt(r.serverPeakRssMb) },
  { title: 'sent MB', width: 8, cell: (r) => (r.status === 'n/a' ? '–' : (r.serverBytes / 1e6).toFixed(2)) },
  { title: 'frames', width: 9, cell: (r) => (r.status === 'n/a' ? '–' : String(r.serverMessages)) },
  { title: 'err', width: 5, cell: (r) => (r.status === 'n/a' ? '–' : String(r.errors)) },
  { title: 'gen CPU s', width: 9, cell: (r) => fmt(r.generatorCpuSeconds, 1) },
  { title: 'gen lag', width: 7, cell: (r) => fmt(r.generatorLoopDelayP99Ms) },
  { title: 'busy%', width: 5, cell: (r) => fmt(r.machineBusyPercent) },
  { title: 'other%', width: 6, cell: (r) => fmt(r.otherLoadPercent) },
]

/** What the issue's targets read that the table does not show: bytes per client of the big broadcasts, the live counter. */
export function formatTargets(rows: readonly BenchRow[]): string {
  const lines: string[] = []
  for (const r of rows) {
    if (r.status === 'n/a') continue
    if (r.scenario === 'board' || r.scenario === 'tovote' || r.scenario === 'reveal') {
      lines.push(`  ${r.target} N=${r.n} ${r.title}: ${(r.serverBytes / Math.max(1, r.n) / 1000).toFixed(0)} KB per client on the wire`)
    }
    const lag = r.extra.votedCounterLagMs
    if (r.scenario === 'vote' && r.target === 'quarterdeck') {
      // A voter is counted at their first dot; the last ack is usually someone's fifth, so 0 (already there) is common.
      lines.push(
        `  ${r.target} N=${r.n} "voted" counter showed all voters ${typeof lag === 'number' ? `${lag.toFixed(0)} ms after` : 'not within the timeout of'} the last acknowledged ballot (${r.extra.votedCount ?? '?'} of ${r.extra.voters ?? '?'})`,
      )
    }
  }
  return lines.join('\n')
}

export function formatTable(rows: readonly BenchRow[]): string {
  const header = COLUMNS.map((c) => pad(c.title, c.width, !c.isLeft)).join(' ')
  const lines = [header, '-'.repeat(header.length)]
  for (const row of rows) {
    if (row.status === 'n/a') {
      const lead = COLUMNS.slice(0, 3)
        .map((c) => pad(c.cell(row), c.width, !c.isLeft))
        .join(' ')
      lines.push(`${lead} n/a: ${row.note ?? ''}`)
      continue
    }
    let line = COLUMNS.map((c) => pad(c.cell(row), c.width, !c.isLeft)).join(' ')
    if (row.note) line += `  (${row.note})`
    lines.push(line)
  }
  return lines.join('\n')
}

export interface Ratio {
  n: number
  scenario: string
  peer: string
  /** ours ÷ peer; < 1 means Quarterdeck used less / was faster. */
  ackP99: number | null
  propagation: number | null
  serverCpuSeconds: number | null
  serverPeakRssMb: number | null
  serverBytes: number | null
}

function ratio(ours: number | null, peer: number | null): number | null {
  if (ours === null || peer === null || peer === 0) return null
  return round(ours / peer, 2)
}

/** Quarterdeck ÷ each peer, per N and scenario, where both ran. */
export function ratios(rows: readonly BenchRow[]): Ratio[] {
  const out: Ratio[] = []
  const ours = rows.filter((r) => r.target === 'quarterdeck' && r.status !== 'n/a' && r.status !== 'failed')
  for (const o of ours) {
    for (const p of rows) {
      if (p.target === 'quarterdeck' || p.n !== o.n || p.scenario !== o.scenario || p.status === 'n/a' || p.status === 'failed') continue
      out.push({
        n: o.n,
        scenario: `${o.number} ${o.title}`,
        peer: p.target,
        // Board/reveal: our reply waits for the broadcast to everyone, a peer echoes to its (first-connected) writer
        // first — different things. Compare propagation there.
        ackP99: o.scenario === 'board' || o.scenario === 'reveal' ? null : ratio(o.ackP99Ms, p.ackP99Ms),
        propagation: ratio(o.propagationMs, p.propagationMs),
        serverCpuSeconds: ratio(o.serverCpuSeconds, p.serverCpuSeconds),
        serverPeakRssMb: ratio(o.serverPeakRssMb, p.serverPeakRssMb),
        serverBytes: ratio(o.serverBytes, p.serverBytes),
      })
    }
  }
  return out
}

export function formatRatios(list: readonly Ratio[]): string {
  if (list.length === 0) return '(no scenario ran on both Quarterdeck and a peer)'
  const x = (v: number | null) => (v === null ? '–' : `${v.toFixed(2)}×`)
  const header = `${pad('N', 5)} ${pad('scenario', 17, false)} ${pad('vs', 12, false)} ${pad('ack p99', 8)} ${pad('prop', 8)} ${pad('CPU s', 8)} ${pad('peak RSS', 9)} ${pad('bytes', 8)}`
  const lines = [header, '-'.repeat(header.length)]
  for (const r of list) {
    lines.push(
      `${pad(String(r.n), 5)} ${pad(r.scenario, 17, false)} ${pad(r.peer, 12, false)} ${pad(x(r.ackP99), 8)} ${pad(x(r.propagation), 8)} ${pad(x(r.serverCpuSeconds), 8)} ${pad(x(r.serverPeakRssMb), 9)} ${pad(x(r.serverBytes), 8)}`,
    )
  }
  return lines.join('\n')
}

export function formatSessionNotes(sessions: readonly SessionResult[]): string {
  return sessions
    .map((s) => {
      const parts = [
        `${s.target} N=${s.n}: ${s.workers} worker(s)`,
        s.converged ? (s.converged.isConverged ? `converged (${s.converged.detail})` : `NOT CONVERGED (${s.converged.detail})`) : null,
        s.serverHighWaterRssMb !== null ? `server VmHWM ${s.serverHighWaterRssMb} MB` : null,
        s.serverWarnings > 0 ? `${s.serverWarnings} server warning line(s)` : null,
        s.error ? `ERROR: ${s.error.split('\n')[0]}` : null,
      ]
      return `  ${parts.filter(Boolean).join('; ')}`
    })
    .join('\n')
}
