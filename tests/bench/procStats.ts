import { readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'

/** Clock ticks per second for /proc/<pid>/stat (almost always 100 on Linux). */
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  } catch {
    return 100 // reason: getconf missing; 100 is the Linux default.
  }
})()

/** User + system CPU seconds of a process (all its threads), or null once it has exited. */
export function readCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name may contain spaces and parentheses: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK
  } catch {
    return null // reason: the process is gone; callers keep their last sample.
  }
}

/** Resident set size and its high-water mark, in MB. */
export function readMemoryMb(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0)
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 }
  } catch {
    return null // reason: the process is gone.
  }
}

/** Busy and total jiffies of the whole machine (to see how much other work shared the cores). */
function readMachineTicks(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? ''
  const values = line.trim().split(/\s+/).slice(1).map(Number)
  const total = values.reduce((a, b) => a + b, 0)
  const idle = (values[3] ?? 0) + (values[4] ?? 0)
  return { busy: total - idle, total }
}

export interface ProcessSample {
  cpuSeconds: number
  rssMb: number
}

export interface WindowStats {
  wallSeconds: number
  /** CPU seconds per watched process over the window. */
  cpuSeconds: Record<string, number>
  /** Peak sampled RSS per watched process within the window. */
  peakRssMb: Record<string, number>
  /** Busy share of all cores of the machine over the window (all processes, ours or not), 0–100. */
  machineBusyPercent: number
}

export interface WindowMark {
  at: number
  cpu: Record<string, number>
  machine: { busy: number; total: number }
  id: number
}

/**
 * Samples CPU and RSS of named processes every `intervalMs` (100–250 ms). Windows (one per scenario) are
 * opened with `mark()` and closed with `since(mark)`: CPU is the exact difference of the counters, RSS the
 * highest sample seen inside the window.
 */
export class ProcessMonitor {
  private readonly pids = new Map<string, number>()
  private readonly lastCpu = new Map<string, number>()
  private readonly peaks = new Map<number, Map<string, number>>()
  /** Highest RSS sampled per process since start (survives the process, unlike VmHWM). */
  private readonly maxRss = new Map<string, number>()
  private timer: NodeJS.Timeout | null = null
  private nextId = 1

  constructor(private readonly intervalMs = 200) {}

  watch(name: string, pid: number): void {
    this.pids.set(name, pid)
  }

  start(): void {
    if (this.timer) return
    this.timer = setInterval(() => this.sample(), this.intervalMs)
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  mark(): WindowMark {
    this.sample()
    const id = this.nextId++
    this.peaks.set(id, new Map())
    this.sample()
    return { at: performance.now(), cpu: Object.fromEntries(this.lastCpu), machine: readMachineTicks(), id }
  }

  since(mark: WindowMark): WindowStats {
    this.sample()
    const machine = readMachineTicks()
    const cpuSeconds: Record<string, number> = {}
    for (const name of this.pids.keys()) cpuSeconds[name] = (this.lastCpu.get(name) ?? 0) - (mark.cpu[name] ?? 0)
    const peaks = this.peaks.get(mark.id) ?? new Map<string, number>()
    this.peaks.delete(mark.id)
    const totalTicks = machine.total - mark.machine.total
    return {
      wallSeconds: (performance.now() - mark.at) / 1000,
      cpuSeconds,
      peakRssMb: Object.fromEntries(peaks),
      machineBusyPercent: totalTicks > 0 ? (100 * (machine.busy - mark.machine.busy)) / totalTicks : 0,
    }
  }

  /** High-water RSS of a process since it started (VmHWM), or the highest sample if it has exited. */
  highWaterMb(name: string): number | null {
    const pid = this.pids.get(name)
    const hwm = pid === undefined ? null : (readMemoryMb(pid)?.hwm ?? null)
    return hwm ?? this.maxRss.get(name) ?? null
  }

  private sample(): void {
    for (const [name, pid] of this.pids) {
      const cpu = readCpuSeconds(pid)
      if (cpu !== null) this.lastCpu.set(name, cpu)
      const mem = readMemoryMb(pid)
      if (!mem) continue
      this.maxRss.set(name, Math.max(this.maxRss.get(name) ?? 0, mem.rss))
      for (const peaks of this.peaks.values()) peaks.set(name, Math.max(peaks.get(name) ?? 0, mem.rss))
    }
  }
}
