import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer } from 'node:net'

/** Every browser context comes from 127.0.0.1: the per-address creation and join limits would see one crowd. */
const LOOPBACK_CROWD_ENV = { MEETING_CREATION_BURST: '100000', JOIN_BURST_PER_ADDRESS: '100000' }

/** The real server as a child process, so a test can SIGKILL it and start it again on the same data. */
export class ServerProcess {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'qd-e2e-'))
  private child: ChildProcess | null = null
  private constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  /** `env`: extra environment (cluster mode's DATABASE_URL, LEASE_TTL_MS…). */
  static async start(env: Record<string, string> = {}): Promise<ServerProcess> {
    const server = new ServerProcess(await freePort(), env)
    await server.spawn()
    return server
  }

  get url(): string {
    return `http://localhost:${this.port}`
  }

  async spawn(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: String(this.port), HOST: '127.0.0.1', DATA_DIR: this.dataDir, LOG_LEVEL: 'warn', ...LOOPBACK_CROWD_ENV, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.child = child
    child.stderr?.on('data', (d: Buffer) => process.stderr.write(`[server] ${d}`))
    await new Promise<void>((resolve, reject) => {
      const onData = (d: Buffer) => {
        if (d.toString().includes('Quarterdeck is running')) {
          child.stdout?.off('data', onData)
          resolve()
        }
      }
      child.stdout?.on('data', onData)
      child.once('exit', (code) => reject(new Error(`server exited early with ${code}`)))
    })
  }

  /** kill -9: no shutdown hooks, no flush. */
  async killHard(): Promise<void> {
    const child = this.child
    if (!child || child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGKILL')
    await exited
    this.child = null
  }

  async stop(): Promise<void> {
    await this.killHard()
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
