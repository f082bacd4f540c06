import { spawn, fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/**
 * Every process the bench starts goes through here, so that a normal exit, Ctrl-C, an uncaught error or a
 * timeout all end with the same SIGKILL of everything that is still running. Children also load
 * `dieWithParent.ts`, which ends them if this process disappears without cleaning up (kill -9).
 */
const running = new Set<ChildProcess>()

export const DIE_WITH_PARENT = fileURLToPath(new URL('./peers/dieWithParent.ts', import.meta.url))
const TSX_ARGS = ['--import', 'tsx', '--import', DIE_WITH_PARENT]

export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null
}

function track<C extends ChildProcess>(child: C): C {
  running.add(child)
  child.once('exit', () => running.delete(child))
  return child
}

/** A TypeScript entry point in a child process with piped stdout/stderr (for servers). */
export function spawnTs(entry: string, options: { env?: NodeJS.ProcessEnv; nodeArgs?: string[]; cwd?: string } = {}): ChildProcess {
  return track(
    spawn(process.execPath, [...TSX_ARGS, ...(options.nodeArgs ?? []), entry], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  )
}

/** A TypeScript entry point with an IPC channel (for load-generator workers). */
export function forkTs(entry: string, options: { env?: NodeJS.ProcessEnv } = {}): ChildProcess {
  return track(
    fork(entry, [], {
      // BENCH_PROFILE_WORKERS=<dir>: CPU profiles of the load generator itself (to check it is not the bottleneck).
      execArgv: process.env.BENCH_PROFILE_WORKERS ? [...TSX_ARGS, '--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_WORKERS}`] : TSX_ARGS,
      env: { ...process.env, ...options.env },
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  )
}

/** SIGTERM, then SIGKILL after `graceMs` (0: SIGKILL at once). Resolves when the child has exited. */
export async function stopChild(child: ChildProcess, graceMs = 0): Promise<void> {
  if (!isRunning(child)) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  if (graceMs > 0) {
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
    await exited
    clearTimeout(timer)
    return
  }
  child.kill('SIGKILL')
  await exited
}

export function killAllChildren(): void {
  for (const child of running) if (isRunning(child)) child.kill('SIGKILL')
  running.clear()
}

let isInstalled = false

/** Installs the exit, signal and crash handlers once per process. */
export function killChildrenOnExit(): void {
  if (isInstalled) return
  isInstalled = true
  process.on('exit', killAllChildren)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      console.error(`\nbench: ${signal}, stopping all child processes`)
      killAllChildren()
      process.exit(130)
    })
  }
  process.on('uncaughtException', (error) => {
    console.error('bench: uncaught error, stopping all child processes\n', error)
    killAllChildren()
    process.exit(1)
  })
  process.on('unhandledRejection', (error) => {
    console.error('bench: unhandled rejection, stopping all child processes\n', error)
    killAllChildren()
    process.exit(1)
  })
}
