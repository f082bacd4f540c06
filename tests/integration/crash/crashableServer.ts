import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const START_TIMEOUT_MS = 20_000

/**
 * The real server (`node --import tsx server/main.ts`) as a child process on a fixed port and data directory, so a
 * test can SIGKILL it at any moment and start it again where clients will find it.
 */
export class CrashableServer {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'qd-crash-'))
  private child: ChildProcess | null = null
  private exited: Promise<void> = Promise.resolve()
  /** Everything the server wrote to stderr, for failure messages. */
  stderr = ''
  starts = 0

  private constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<CrashableServer> {
    const server = new CrashableServer(await freePort(), env)
    await server.spawn()
    return server
  }

  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}/ws`
  }

  get isRunning(): boolean {
    return this.child !== null
  }

  async spawn(): Promise<void> {
    if (this.child) throw new Error('the server is already running')
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        STATIC_DIR: '/nonexistent',
        LOG_LEVEL: 'warn',
        // Every simulated participant is on 127.0.0.1: the per-address join limit would see one crowd.
        MEETING_CREATION_BURST: '100000',
        JOIN_BURST_PER_ADDRESS: '100000',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.child = child
    this.starts++
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()))
    // If this test process dies first, the server must not outlive it.
    const killOrphan = () => child.kill('SIGKILL')
    process.once('exit', killOrphan)
    this.exited = new Promise((resolve) =>
      child.once('exit', () => {
        process.off('exit', killOrphan)
        resolve()
      }),
    )
    await new Promise<void>((resolve, reject) => {
      let stdout = ''
      const timer = setTimeout(() => fail(new Error(`server did not start in time: ${stdout}${this.stderr}`)), START_TIMEOUT_MS)
      const fail = (error: Error) => {
        clearTimeout(timer)
        child.kill('SIGKILL')
        this.child = null
        reject(error)
      }
      const onData = (chunk: Buffer) => {
        stdout += chunk.toString()
        if (stdout.includes('Quarterdeck is running')) {
          clearTimeout(timer)
          child.stdout?.off('data', onData)
          child.off('exit', onEarlyExit)
          resolve()
        }
      }
      const onEarlyExit = (code: number | null) => fail(new Error(`server exited with ${code}: ${this.stderr}`))
      child.stdout?.on('data', onData)
      child.once('exit', onEarlyExit)
    })
  }

  /** `kill -9`: no shutdown hook, no final flush. Resolves once the process is gone. */
  async kill(): Promise<void> {
    const child = this.child
    if (!child) return
    this.child = null
    child.kill('SIGKILL')
    await this.exited
  }

  async stop(): Promise<void> {
    await this.kill()
    rmSync(this.dataDir, { recursive: true, force: true })
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      const port = typeof address === 'object' && address ? address.port : 0
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}
