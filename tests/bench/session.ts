import { mkdirSync } from 'node:fs'
import { cpus } from 'node:os'
import { nowMs, pollUntil, sleep } from './clock.ts'
import type { BenchOptions } from './cli.ts'
import { MeasuringClients } from './loadgen/measuringClients.ts'
import { QuarterdeckObservers } from './loadgen/quarterdeckObservers.ts'
import { WorkerPool } from './loadgen/workerPool.ts'
import { ProcessMonitor, readCpuSeconds } from './procStats.ts'
import { SCENARIOS } from './scenarios/index.ts'
import type { Prepared, ScenarioId, ScenarioOutcome, SessionContext } from './scenarios/types.ts'
import { round } from './stats.ts'
import type { RunningTarget, Target } from './targets/types.ts'

/** One printed/recorded line: a scenario against one server at one N. */
export interface BenchRow {
  target: string
  n: number
  scenario: ScenarioId
  title: string
  number: number
  /** Join storm always runs (it builds the room); true when it was not asked for with --only. */
  isSetupOnly: boolean
  status: ScenarioOutcome['status']
  note: string | null
  ackP50Ms: number | null
  ackP95Ms: number | null
  ackP99Ms: number | null
  acks: number
  fanoutP50Ms: number | null
  fanoutP99Ms: number | null
  propagationMs: number | null
  completionMs: number | null
  serverCpuSeconds: number | null
  serverCpuPercent: number | null
  serverPeakRssMb: number | null
  /** What the server sent, counted by the clients: sum of received frame sizes and number of frames. */
  serverBytes: number
  serverMessages: number
  errors: number
  errorCodes: Record<string, number>
  wallSeconds: number
  generatorCpuSeconds: number | null
  generatorLoopDelayP99Ms: number | null
  machineBusyPercent: number | null
  /** Share of all cores used by processes outside the bench (other people's work on a shared machine). */
  otherLoadPercent: number | null
  extra: Record<string, number | string | null>
}

export interface SessionResult {
  target: string
  n: number
  rows: BenchRow[]
  converged: { isConverged: boolean; detail: string } | null
  serverHighWaterRssMb: number | null
  serverWarnings: number
  workers: number
  error: string | null
}

const QUIET_POLL_MS = 250
const QUIET_POLLS_NEEDED = 4

export async function runSession(targetDef: Target, n: number, options: BenchOptions, log: (m: string) => void): Promise<SessionResult> {
  const isOurs = targetDef.name === 'quarterdeck'
  const fullCount = isOurs ? Math.min(options.fullClients, n - 1) : Math.min(options.measurers, n - 1)
  const lightCount = n - fullCount
  const workerCount = options.workers > 0 ? options.workers : n >= 1000 ? 2 : 1
  const result: SessionResult = {
    target: targetDef.name,
    n,
    rows: [],
    converged: null,
    serverHighWaterRssMb: null,
    serverWarnings: 0,
    workers: workerCount,
    error: null,
  }
  const monitor = new ProcessMonitor(200)
  let target: RunningTarget | null = null
  let pool: WorkerPool | null = null
  let observers: QuarterdeckObservers | null = null
  let measurers: MeasuringClients | null = null
  try {
    const cpuProfDir = options.cpuProf ? `${options.outDir}/prof/${targetDef.name}-${n}` : null
    if (cpuProfDir) mkdirSync(cpuProfDir, { recursive: true })
    target = await targetDef.start({ cpuProfDir })
    monitor.watch('server', target.pid)
    monitor.watch('coordinator', process.pid)
    pool = await WorkerPool.start(
      workerCount,
      { wire: target.wire, socketKind: options.lightSocket, offerDeflate: options.offerDeflate, roomUrl: target.roomUrl, documentName: target.documentName },
      Array.from({ length: lightCount }, (_, i) => i),
    )
    pool.pids.forEach((pid, i) => monitor.watch(`worker${i}`, pid))
    monitor.start()
    if (isOurs) {
      observers = new QuarterdeckObservers(target.roomUrl, target.facilitatorToken ?? '', fullCount)
      await observers.facilitatorReady(20_000)
    } else {
      measurers = new MeasuringClients(fullCount, target.wire, target.documentName, target.roomUrl)
    }
    const ctx: SessionContext = {
      target,
      options,
      n,
      lightCount,
      pool,
      observers,
      measurers,
      timeoutMs: (base, perClient) => Math.round((base + perClient * n) * options.timeoutScale),
      log,
    }

    const needed = new Set<ScenarioId>(['join'])
    for (const scenario of SCENARIOS) {
      if (!options.only.includes(scenario.id)) continue
      for (const id of scenario.needs?.(targetDef.name) ?? []) needed.add(id)
    }
    for (const scenario of SCENARIOS) {
      const isWanted = options.only.includes(scenario.id)
      if (!isWanted && !needed.has(scenario.id)) continue
      const reason = scenario.unavailable(targetDef.name, n, options)
      if (reason) {
        result.rows.push(emptyRow(targetDef.name, n, scenario, reason))
        continue
      }
      if (!target || !isRunningPid(target.pid)) throw new Error(`the server process is gone (${target?.exitInfo() ?? 'unknown'})`)
      if (!(await waitForQuiet(ctx, target.pid))) {
        // The previous scenario's traffic is still flowing: what we would measure now is that backlog.
        const row = emptyRow(targetDef.name, n, scenario, 'skipped: the server was still sending the previous scenario’s backlog')
        row.status = 'failed'
        result.rows.push(row)
        continue
      }
      let prepared: Prepared = {}
      try {
        prepared = (await scenario.prepare?.(ctx)) ?? {}
      } catch (error) {
        const row = emptyRow(targetDef.name, n, scenario, `setup failed: ${String((error as Error).message ?? error).split('\n')[0]}`)
        row.status = 'failed'
        result.rows.push(row)
        continue
      }
      if (scenario.prepare && !(await waitForQuiet(ctx, target.pid))) {
        const row = emptyRow(targetDef.name, n, scenario, 'skipped: the server was still sending the setup’s updates')
        row.status = 'failed'
        result.rows.push(row)
        continue
      }
      measurers?.forgetPending()
      const closedBefore = (await pool.counters(true)).closedUnexpectedly
      observers?.resetTraffic()
      measurers?.resetTraffic()
      await pool.health()
      const window = monitor.mark()
      const startedAt = nowMs()
      // CLOCK_MONOTONIC, as V8 stamps --cpu-prof samples: profileTop.ts --bench cuts the server's profile to this window.
      const monoStartUs = Number(process.hrtime.bigint() / 1000n)
      log(`  ${targetDef.name} N=${n}: ${scenario.title}…`)
      let outcome: ScenarioOutcome
      try {
        outcome = await scenario.run(ctx, prepared)
      } catch (error) {
        outcome = { status: 'failed', note: String((error as Error).message ?? error).split('\n')[0], errors: 1, errorCodes: { failed: 1 } }
      }
      const monoEndUs = Number(process.hrtime.bigint() / 1000n)
      const stats = monitor.since(window)
      const counters = await pool.counters(false)
      const closedDuring = counters.closedUnexpectedly - closedBefore
      if (closedDuring > 0) {
        // Sockets the server dropped during this scenario are errors, whatever the scenario itself saw.
        outcome.errorCodes = { ...outcome.errorCodes, socketsClosed: closedDuring }
        outcome.errors += closedDuring
        if (outcome.status === 'ok') outcome.status = 'partial'
      }
      const full = observers?.traffic() ?? measurers?.traffic() ?? { bytes: 0, messages: 0 }
      const health = await pool.health()
      const serverCpu = stats.cpuSeconds.server ?? null
      const generatorCpu = Object.entries(stats.cpuSeconds)
        .filter(([name]) => name !== 'server')
        .reduce((a, [, v]) => a + v, 0)
      result.rows.push({
        target: targetDef.name,
        n,
        scenario: scenario.id,
        title: scenario.title,
        number: scenario.number,
        isSetupOnly: !isWanted,
        status: outcome.status,
        note: outcome.note ?? null,
        ackP50Ms: round(outcome.ackMs?.p50),
        ackP95Ms: round(outcome.ackMs?.p95),
        ackP99Ms: round(outcome.ackMs?.p99),
        acks: outcome.ackMs?.count ?? 0,
        fanoutP50Ms: round(outcome.fanoutMs?.p50),
        fanoutP99Ms: round(outcome.fanoutMs?.p99),
        propagationMs: round(outcome.propagationMs),
        completionMs: round(outcome.completionMs),
        serverCpuSeconds: round(serverCpu, 2),
        serverCpuPercent: serverCpu === null ? null : round((100 * serverCpu) / Math.max(0.001, stats.wallSeconds)),
        serverPeakRssMb: round(stats.peakRssMb.server ?? null),
        serverBytes: counters.bytes + full.bytes,
        serverMessages: counters.messages + full.messages,
        errors: outcome.errors,
        errorCodes: outcome.errorCodes,
        wallSeconds: round((nowMs() - startedAt) / 1000, 2) ?? 0,
        generatorCpuSeconds: round(generatorCpu, 2),
        generatorLoopDelayP99Ms: round(Math.max(0, ...health.map((h) => h.eventLoopDelayP99Ms))),
        machineBusyPercent: round(stats.machineBusyPercent),
        otherLoadPercent: round(
          Math.max(0, stats.machineBusyPercent - (100 * (generatorCpu + (serverCpu ?? 0))) / Math.max(0.001, stats.wallSeconds * cpus().length)),
        ),
        extra: {
          ...(outcome.extra ?? {}),
          ...Object.fromEntries(Object.entries(counters.byKind).map(([k, v]) => [`frames.${k}`, v])),
          ...Object.fromEntries(Object.entries(counters.bytesByKind).map(([k, v]) => [`bytes.${k}`, v])),
          ...Object.fromEntries(Object.entries(stats.cpuSeconds).map(([k, v]) => [`cpuSeconds.${k}`, round(v, 2)])),
          generatorLoopDelayMaxMs: round(Math.max(0, ...health.map((h) => h.eventLoopDelayMaxMs))),
          closeCodesSoFar: JSON.stringify(counters.closeCodes),
          monoStartUs,
          monoEndUs,
          ...(observers ? { frameSizesOfOneParticipant: observers.frameSizes() } : {}),
        },
      })
      log(`    → ${outcome.status}${outcome.note ? ` (${outcome.note})` : ''} in ${round((nowMs() - startedAt) / 1000, 1)} s`)
    }
    result.converged = observers?.converged() ?? measurers?.converged(n) ?? null
    result.serverHighWaterRssMb = round(monitor.highWaterMb('server'))
  } catch (error) {
    result.error = String((error as Error).stack ?? error)
    result.serverHighWaterRssMb = round(monitor.highWaterMb('server'))
    if (target) {
      // Give the pipes a moment: a crashing server's last words (e.g. a heap OOM) may still be in flight.
      await sleep(500)
      result.error += `\nserver peak RSS seen ${result.serverHighWaterRssMb} MB; log tail:\n${target.logTail().join('\n')}`
    }
  } finally {
    monitor.stop()
    result.serverWarnings = target?.warningCount() ?? 0
    observers?.destroy()
    measurers?.close()
    await pool?.close()
    await target?.stop()
  }
  return result
}

/**
 * Waits until the previous scenario is over: for ~1 s the clients receive almost nothing (under 0.1 frames per
 * client per second; Quarterdeck's heartbeats stay below that) and the server uses under 20 % of a core.
 * Both, because a server busy in one long synchronous loop sends nothing for a while yet is far from done.
 */
async function waitForQuiet(ctx: SessionContext, serverPid: number): Promise<boolean> {
  let lastFrames = -1
  let lastCpu = readCpuSeconds(serverPid) ?? 0
  let quietPolls = 0
  return pollUntil(
    async () => {
      const c = await ctx.pool.counters(false)
      const full = ctx.observers?.traffic() ?? ctx.measurers?.traffic() ?? { messages: 0 }
      const frames = c.messages + full.messages
      const cpu = readCpuSeconds(serverPid) ?? lastCpu
      const isQuiet = lastFrames >= 0 && frames - lastFrames < 0.1 * ctx.n * (QUIET_POLL_MS / 1000) + 5 && cpu - lastCpu < 0.2 * (QUIET_POLL_MS / 1000)
      lastFrames = frames
      lastCpu = cpu
      quietPolls = isQuiet ? quietPolls + 1 : 0
      return quietPolls >= QUIET_POLLS_NEEDED
    },
    ctx.timeoutMs(60_000, 30),
    QUIET_POLL_MS,
  )
}

function isRunningPid(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false // reason: ESRCH means the process has exited.
  }
}

function emptyRow(target: string, n: number, scenario: { id: ScenarioId; title: string; number: number }, note: string): BenchRow {
  return {
    target,
    n,
    scenario: scenario.id,
    title: scenario.title,
    number: scenario.number,
    isSetupOnly: false,
    status: 'n/a',
    note,
    ackP50Ms: null,
    ackP95Ms: null,
    ackP99Ms: null,
    acks: 0,
    fanoutP50Ms: null,
    fanoutP99Ms: null,
    propagationMs: null,
    completionMs: null,
    serverCpuSeconds: null,
    serverCpuPercent: null,
    serverPeakRssMb: null,
    serverBytes: 0,
    serverMessages: 0,
    errors: 0,
    errorCodes: {},
    wallSeconds: 0,
    generatorCpuSeconds: null,
    generatorLoopDelayP99Ms: null,
    machineBusyPercent: null,
    otherLoadPercent: null,
    extra: {},
  }
}
