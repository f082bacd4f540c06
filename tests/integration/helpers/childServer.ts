import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

export interface ChildServer {
  port: number
  httpUrl: string
  wsUrl: string
  /** `kill -9`: no shutdown hook, no final flush. Resolves once the process is gone. */
  kill(): Promise<void>
}

/**
 * The real server as its own process (`node --import tsx server/main.ts`), so a test can kill it with SIGKILL
 * the way a crash or the OOM killer would.
 */
export async function startChildServer(dataDir: string, port = 0): Promise<ChildServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: '/nonexistent',
      LOG_LEVEL: 'silent',
      // Every test client is on 127.0.0.1: the per-address creation and join limits would see one crowd.
      MEETING_CREATION_BURST: '100000',
      JOIN_BURST_PER_ADDRESS: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

  const actualPort = await new Promise<number>((resolve, reject) => {
    let stdout = ''
    const timer = setTimeout(() => fail(new Error(`server did not start in time: ${stdout}${stderr}`)), 20_000)
    const fail = (error: Error) => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(error)
    }
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const match = /running at http:\/\/[^:]+:(\d+)/.exec(stdout)
      if (match) {
        clearTimeout(timer)
        resolve(Number(match[1]))
      }
    })
    child.once('exit', (code) => fail(new Error(`server exited with ${code}: ${stderr}`)))
  })

  return {
    port: actualPort,
    httpUrl: `http://127.0.0.1:${actualPort}`,
    wsUrl: `ws://127.0.0.1:${actualPort}/ws`,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    },
  }
}
