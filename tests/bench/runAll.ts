/**
 * Quarterdeck load benchmark: `npm run bench -- --help`.
 *
 * For each N and each server (Quarterdeck, y-websocket, Hocuspocus) one session: the server in a child
 * process, light clients in 1–2 worker processes, a few full clients here; scenarios in order (see
 * scenarios/index.ts). Prints a table and the ratios, writes bench-results/bench-<date>.json.
 * All traffic stays on 127.0.0.1; every child process is killed on exit, Ctrl-C or failure.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { killAllChildren, killChildrenOnExit } from './children.ts'
import { parseBenchArgs } from './cli.ts'
import { formatBrowserBench, runBrowserBench, type BrowserBenchResult } from './browser/boardDragBench.ts'
import { formatRatios, formatSessionNotes, formatTable, formatTargets, medianRows, ratios } from './report.ts'
import { runSession, type BenchRow, type SessionResult } from './session.ts'
import { hocuspocus, yWebsocket } from './targets/peers.ts'
import { quarterdeck } from './targets/quarterdeck.ts'
import type { Target, TargetName } from './targets/types.ts'
import { serverVersions } from './targets/versions.ts'

const TARGETS: Record<TargetName, Target> = { quarterdeck, 'y-websocket': yWebsocket, hocuspocus }
/** One (server, N) session may not run longer than this, whatever happens inside. */
const SESSION_LIMIT_MS = 20 * 60_000

function fileDescriptorLimit(): { soft: string; hard: string } {
  const read = (flag: string) => {
    try {
      return execFileSync('sh', ['-c', `ulimit ${flag}`], { encoding: 'utf8' }).trim()
    } catch {
      return '?' // reason: no shell; the figure is informational.
    }
  }
  return { soft: read('-Sn'), hard: read('-Hn') }
}

interface SimilarityModule {
  runSimilarityBench?: () => Promise<unknown>
  similarityReport?: () => Promise<string>
}

async function similarityModule(): Promise<SimilarityModule | null> {
  const file = fileURLToPath(new URL('./similarityBench.ts', import.meta.url))
  if (!existsSync(file)) return null
  // A computed specifier: the module belongs to another owner and may not exist in every checkout.
  const specifier = './similarityBench.ts'
  return (await import(specifier)) as SimilarityModule
}

async function runSimilarity(): Promise<unknown> {
  const mod = await similarityModule()
  return mod?.runSimilarityBench ? await mod.runSimilarityBench() : null
}

/** The printed similarity figures: quality per labelled set (tuning set and fresh holdout) and the 5,000-text time. */
async function similarityText(): Promise<string | null> {
  const mod = await similarityModule()
  return mod?.similarityReport ? await mod.similarityReport() : null
}

function withLimit<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} exceeded ${ms / 60_000} min`)), ms))),
  ])
}

async function main(): Promise<void> {
  // `--cluster N`: the cluster benchmark (1 node vs N nodes on one Postgres), a separate run (tests/bench/clusterBench.ts).
  if (process.argv.includes('--cluster')) return (await import('./clusterBench.ts')).runClusterBench(process.argv.slice(2))
  killChildrenOnExit()
  const options = parseBenchArgs(process.argv.slice(2))
  if (options.similarityOnly) {
    console.log((await similarityText()) ?? 'similarity bench not found')
    return
  }
  const started = new Date()
  const fd = fileDescriptorLimit()
  const maxN = Math.max(...options.ns)
  const log = (m: string) => console.error(m)
  log(`bench: N=${options.ns.join(',')} servers=${options.targets.join(',')} scenarios=${options.only.join(',')} idle=${options.idleSeconds}s`)
  log(
    `bench: ${cpus().length} cores, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, ulimit -n ${fd.soft} (hard ${fd.hard}), node ${process.version}`,
  )
  if (Number(fd.soft) < maxN + 256) log(`bench: WARNING ulimit -n ${fd.soft} is below N+256 = ${maxN + 256}; the server will run out of sockets`)

  const sessions: SessionResult[] = []
  const runs: BenchRow[][] = []
  for (let r = 0; r < options.repeat; r++) {
    const rows: BenchRow[] = []
    for (const n of options.ns) {
      for (const name of options.targets) {
        log(`bench: ${name} N=${n}${options.repeat > 1 ? ` (run ${r + 1}/${options.repeat})` : ''}`)
        let session: SessionResult
        try {
          session = await withLimit(runSession(TARGETS[name], n, options, log), SESSION_LIMIT_MS, `${name} N=${n}`)
        } catch (error) {
          killAllChildren()
          session = { target: name, n, rows: [], converged: null, serverHighWaterRssMb: null, serverWarnings: 0, workers: 0, error: String(error) }
        }
        if (session.error) log(`bench: ${name} N=${n} failed: ${session.error}`)
        sessions.push(session)
        rows.push(...session.rows)
      }
    }
    runs.push(rows)
  }

  let similarity: unknown = null
  let similarityPrinted: string | null = null
  if (options.similarity) {
    log('bench: similarity bench (tests/bench/similarityBench.ts)…')
    try {
      similarity = await runSimilarity()
      similarityPrinted = await similarityText()
    } catch (error) {
      similarity = { error: String(error) }
    }
  }

  let browser: BrowserBenchResult | { error: string } | null = null
  if (options.browser) {
    log('bench: browser bench (tests/bench/browser/boardDragBench.ts)…')
    try {
      browser = await runBrowserBench({ cards: options.isSmoke ? 200 : 2000, drags: options.isSmoke ? 6 : 20, build: true, log })
    } catch (error) {
      browser = { error: String(error) }
    }
  }

  const rows = medianRows(runs)
  const ratioList = ratios(rows)
  const versions = serverVersions(options.targets)
  const out = [
    '',
    `Quarterdeck load bench — ${started.toISOString()} — N=${options.ns.join(', ')}${options.repeat > 1 ? ` — medians of ${options.repeat} runs` : ''}`,
    `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB, ulimit -n ${fd.soft}, node ${process.version}, idle window ${options.idleSeconds} s, bursts over ${options.burstSeconds} s`,
    `servers: ${Object.entries(versions)
      .map(([target, version]) => `${target} = ${version}`)
      .join('; ')}`,
    '',
    formatTable(rows),
    '',
    'ack = command reply after commit+broadcast (Quarterdeck) / echo of own update (peers). prop = until every measuring client has it:',
    'join: all N participants/cards visible in every full client; board/reveal: every client received the update; bursts: p99 fan-out.',
    'sent MB / frames = everything the server sent during the scenario, summed over all clients. * = ran as setup for the others.',
    'gen CPU s = load generator (workers + this process); gen lag = p99 event-loop delay of the workers (ms);',
    'busy% = all cores of the machine, whoever used them: near 100 means the figures are machine-bound; other% = the part',
    'used by processes outside the bench (the machine is shared): high other% means the run was disturbed.',
    '',
    'Per client and live counter:',
    formatTargets(rows),
    '',
    'Ratios (Quarterdeck ÷ peer; below 1× = Quarterdeck faster / cheaper):',
    formatRatios(ratioList),
    '',
    'Sessions:',
    formatSessionNotes(sessions),
  ]
  if (similarityPrinted !== null) out.push('', 'Similarity bench:', similarityPrinted)
  else if (similarity !== null) out.push('', 'Similarity bench:', JSON.stringify(similarity, null, 2))
  if (browser !== null) out.push('', 'error' in browser ? `Browser bench failed: ${browser.error}` : formatBrowserBench(browser))
  console.log(out.join('\n'))

  mkdirSync(options.outDir, { recursive: true })
  const stamp = started.toISOString().replace(/[:.]/g, '-').replace('T', '_').slice(0, 19)
  const file = join(options.outDir, `bench-${stamp}.json`)
  const machine = {
    cores: cpus().length,
    model: cpus()[0]?.model ?? null,
    memoryGb: round1(totalmem() / 2 ** 30),
    loadavgAtStart: loadavg(),
    ulimitN: fd,
    node: process.version,
  }
  writeFileSync(
    file,
    JSON.stringify(
      {
        date: started.toISOString(),
        machine,
        versions,
        options,
        rows,
        ratios: ratioList,
        sessions: sessions.map(({ rows: _rows, ...s }) => s),
        runs,
        similarity,
        browser,
      },
      null,
      2,
    ),
  )
  console.log(`\nWrote ${file}`)
  const hasFailure = sessions.some((s) => s.error !== null) || (browser !== null && 'error' in browser)
  process.exitCode = hasFailure ? 1 : 0
}

function round1(v: number): number {
  return Math.round(v * 10) / 10
}

await main()
killAllChildren()
