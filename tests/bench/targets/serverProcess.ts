import type { ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { isRunning, spawnTs, stopChild } from '../children.ts'

export interface ServerProcess {
  child: ChildProcess
  pid: number
  /** The first capture group of `readyPattern` in a stdout line. */
  ready: string
  warningCount(): number
  logTail(): string[]
  /** How the process ended, or null while it runs. */
  exitInfo(): string | null
  stop(): Promise<void>
}

const READY_TIMEOUT_MS = 30_000
const TAIL_LINES = 40

/**
 * Starts a server entry point in a child process and waits for the stdout line that says it listens.
 * Output is kept as a short tail (printed when something fails) and warnings are counted.
 */
export async function startServerProcess(options: {
  entry: string
  env: NodeJS.ProcessEnv
  readyPattern: RegExp
  isWarning: (line: string, stream: 'stdout' | 'stderr') => boolean
  nodeArgs?: string[]
  /** Grace before SIGKILL on stop (needed for --cpu-prof, which writes its file at exit). */
  stopGraceMs?: number
}): Promise<ServerProcess> {
  const child = spawnTs(options.entry, { env: options.env, nodeArgs: options.nodeArgs })
  const tail: string[] = []
  let warnings = 0
  let exitInfo: string | null = null
  let isStopping = false
  child.once('exit', (code, signal) => {
    exitInfo = isStopping ? null : `exit code ${code ?? '–'}, signal ${signal ?? '–'}`
  })
  let resolveReady: (value: string) => void = () => {}
  const ready = new Promise<string>((resolve) => (resolveReady = resolve))
  const onLine = (stream: 'stdout' | 'stderr') => (line: string) => {
    tail.push(`[${stream}] ${line}`)
    if (tail.length > TAIL_LINES) tail.shift()
    if (options.isWarning(line, stream)) warnings++
    const match = stream === 'stdout' ? options.readyPattern.exec(line) : null
    if (match) resolveReady(match[1] ?? '')
  }
  if (child.stdout) createInterface({ input: child.stdout }).on('line', onLine('stdout'))
  if (child.stderr) createInterface({ input: child.stderr }).on('line', onLine('stderr'))
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) => reject(new Error(`${options.entry} exited early (${code ?? signal})\n${tail.join('\n')}`))),
  )
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${options.entry} not ready after ${READY_TIMEOUT_MS} ms\n${tail.join('\n')}`)), READY_TIMEOUT_MS)
  })
  try {
    const readyValue = await Promise.race([ready, exited, timeout])
    exited.catch(() => {}) // reason: later exits are reported by the session, not as an unhandled rejection.
    return {
      child,
      pid: child.pid ?? -1,
      ready: readyValue,
      warningCount: () => warnings,
      logTail: () => [...tail],
      exitInfo: () => exitInfo,
      stop: () => {
        isStopping = true
        return stopChild(child, options.stopGraceMs ?? 0)
      },
    }
  } catch (error) {
    exited.catch(() => {}) // reason: already reporting the first failure.
    if (isRunning(child)) await stopChild(child)
    throw error
  } finally {
    clearTimeout(timer)
  }
}
