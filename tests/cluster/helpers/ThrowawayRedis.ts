import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './freePort.ts'
import { runScript } from './runScript.ts'

/** A real redis-server (no persistence) in a temp directory, via scripts/throwaway-redis.sh. */
export class ThrowawayRedis {
  private constructor(
    readonly dir: string,
    readonly port: number,
    readonly url: string,
  ) {}

  static async start(): Promise<ThrowawayRedis> {
    const dir = mkdtempSync(join(tmpdir(), 'qd-redis-'))
    const port = await freePort()
    const url = await runScript('throwaway-redis.sh', ['start', dir, String(port)])
    return new ThrowawayRedis(dir, port, url)
  }

  /** SIGKILL: every subscription and queued message on the server is gone. */
  async kill(): Promise<void> {
    await runScript('throwaway-redis.sh', ['kill', this.dir])
  }

  /** Starts it again on the same port (empty: nothing survives a Redis restart here). */
  async restart(): Promise<void> {
    await runScript('throwaway-redis.sh', ['start', this.dir, String(this.port)])
  }

  async destroy(): Promise<void> {
    await runScript('throwaway-redis.sh', ['stop', this.dir]).catch(() => undefined)
    rmSync(this.dir, { recursive: true, force: true })
  }
}
