/**
 * Summarises V8 CPU profiles (from `--cpu-prof`): self time per function, top entries.
 *   node --import tsx tests/bench/profileTop.ts bench-results/prof/quarterdeck-2000/*.cpuprofile [--top 25] [--inclusive server/]
 *     [--bench bench-results/bench-<date>.json --scenario vote]   only the samples taken during that scenario
 *     [--window <startUs>,<endUs>]                                  only samples in this CLOCK_MONOTONIC window (µs)
 * The bench stamps each scenario's window (`monoStartUs`/`monoEndUs` in a row's `extra`) on the same monotonic clock
 * V8 uses for its samples, so a whole-session profile can be cut to one scenario.
 */
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}

export interface ProfileEntry {
  name: string
  where: string
  selfMs: number
  percent: number
}

export interface SampleWindow {
  startUs: number
  endUs: number
}

/** Whether each sample falls in `window` (all of them without one). Sample i is taken at startTime + Σ deltas[0..i]. */
function inWindow(profile: Profile, window: SampleWindow | null): boolean[] {
  let at = profile.startTime
  return profile.samples.map((_, i) => {
    at += profile.timeDeltas[i] ?? 0
    return window === null || (at >= window.startUs && at <= window.endUs)
  })
}

export function topFunctions(file: string, top = 25, window: SampleWindow | null = null): { totalMs: number; idleMs: number; entries: ProfileEntry[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const selfUs = new Map<string, { name: string; where: string; us: number }>()
  const isIn = inWindow(profile, window)
  let idleUs = 0
  let totalUs = 0
  profile.samples.forEach((id, i) => {
    if (!isIn[i]) return
    const dt = profile.timeDeltas[i] ?? 0
    totalUs += dt
    const node = byId.get(id)
    if (!node) return
    const { functionName, url, lineNumber } = node.callFrame
    if (functionName === '(idle)') {
      idleUs += dt
      return
    }
    const where = url ? `${url.replace(/^file:\/\/.*?node_modules\//, '~/').replace(/^file:\/\/.*?\/main\//, '')}:${lineNumber + 1}` : ''
    const key = `${functionName}|${where}`
    const entry = selfUs.get(key) ?? { name: functionName || '(anonymous)', where, us: 0 }
    entry.us += dt
    selfUs.set(key, entry)
  })
  const busyUs = Math.max(1, totalUs - idleUs)
  const entries = [...selfUs.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map((e) => ({ name: e.name, where: e.where, selfMs: Math.round(e.us / 1000), percent: Math.round((1000 * e.us) / busyUs) / 10 }))
  return { totalMs: Math.round(totalUs / 1000), idleMs: Math.round(idleUs / 1000), entries }
}

/**
 * Inclusive time (self + callees) of functions whose source path contains `pathPart` (e.g. "server/"),
 * counted once per sample even under recursion: "where does our own code spend the time".
 */
export function inclusiveFunctions(file: string, pathPart: string, top = 25, window: SampleWindow | null = null): ProfileEntry[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
  const isIn = inWindow(profile, window)
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const totals = new Map<string, { name: string; where: string; us: number }>()
  let busyUs = 0
  profile.samples.forEach((id, i) => {
    if (!isIn[i]) return
    const dt = profile.timeDeltas[i] ?? 0
    if (byId.get(id)?.callFrame.functionName === '(idle)') return
    busyUs += dt
    const seen = new Set<string>()
    for (let node = byId.get(id); node; node = byId.get(parent.get(node.id) ?? -1)) {
      const { functionName, url, lineNumber } = node.callFrame
      if (!url.includes(pathPart)) continue
      const where = `${url.replace(/^file:\/\/.*?\/main\//, '')}:${lineNumber + 1}`
      const key = `${functionName}|${where}`
      if (seen.has(key)) continue
      seen.add(key)
      const entry = totals.get(key) ?? { name: functionName || '(anonymous)', where, us: 0 }
      entry.us += dt
      totals.set(key, entry)
    }
  })
  return [...totals.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map((e) => ({ name: e.name, where: e.where, selfMs: Math.round(e.us / 1000), percent: Math.round((1000 * e.us) / Math.max(1, busyUs)) / 10 }))
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2)
  const topIndex = args.indexOf('--top')
  const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 25
  const inclusiveIndex = args.indexOf('--inclusive')
  const inclusivePath = inclusiveIndex >= 0 ? args[inclusiveIndex + 1] : undefined
  const flagValue = (flag: string) => {
    const i = args.indexOf(flag)
    return i >= 0 ? args[i + 1] : undefined
  }
  let window: SampleWindow | null = null
  const rawWindow = flagValue('--window')
  if (rawWindow) {
    const [startUs, endUs] = rawWindow.split(',').map(Number)
    window = { startUs: startUs ?? 0, endUs: endUs ?? Number.POSITIVE_INFINITY }
  }
  const benchFile = flagValue('--bench')
  if (benchFile) {
    const scenario = flagValue('--scenario') ?? 'vote'
    const target = flagValue('--target') ?? 'quarterdeck'
    const bench = JSON.parse(readFileSync(benchFile, 'utf8')) as { runs: { target: string; scenario: string; extra: Record<string, unknown> }[][] }
    const row = bench.runs.flat().find((r) => r.target === target && r.scenario === scenario && typeof r.extra.monoStartUs === 'number')
    if (!row) throw new Error(`${benchFile} has no ${target} "${scenario}" row with a monotonic window`)
    window = { startUs: row.extra.monoStartUs as number, endUs: row.extra.monoEndUs as number }
    console.log(`window: ${target} ${scenario}, ${((window.endUs - window.startUs) / 1e6).toFixed(1)} s`)
  }
  const files = args.filter((a) => a.endsWith('.cpuprofile'))
  for (const file of files) {
    const { totalMs, idleMs, entries } = topFunctions(file, top, window)
    console.log(`\n${file}: ${totalMs} ms sampled, ${idleMs} ms idle; self time of busy ms:`)
    for (const e of entries) console.log(`${String(e.selfMs).padStart(8)} ms ${e.percent.toFixed(1).padStart(5)}%  ${e.name}  ${e.where}`)
    if (!inclusivePath) continue
    console.log(`\ninclusive time of functions under "${inclusivePath}":`)
    for (const e of inclusiveFunctions(file, inclusivePath, top, window))
      console.log(`${String(e.selfMs).padStart(8)} ms ${e.percent.toFixed(1).padStart(5)}%  ${e.name}  ${e.where}`)
  }
}
