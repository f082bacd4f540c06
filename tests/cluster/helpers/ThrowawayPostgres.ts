import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './freePort.ts'
import { runScript } from './runScript.ts'

/**
 * A real Postgres in a temp directory, started by scripts/throwaway-postgres.sh (initdb + pg_ctl as the postgres
 * user). `crash()` is `pg_ctl -m immediate`: the postmaster and its backends die without a checkpoint, and the next
 * `start()` recovers from the WAL, exactly as after a power-less crash of the process.
 */
export class ThrowawayPostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
    readonly url: string,
  ) {}

  static async start(): Promise<ThrowawayPostgres> {
    const root = mkdtempSync(join(tmpdir(), 'qd-pg-'))
    chmodSync(root, 0o755) // the postgres user must reach the data directory inside it
    const dir = join(root, 'pg')
    const port = await freePort()
    const url = await runScript('throwaway-postgres.sh', ['start', dir, String(port)])
    return new ThrowawayPostgres(dir, port, url)
  }

  /** Starts it again (same data, same port) after stop() or crash(). */
  async restart(): Promise<void> {
    await runScript('throwaway-postgres.sh', ['start', this.dir, String(this.port)])
  }

  async crash(): Promise<void> {
    await runScript('throwaway-postgres.sh', ['crash', this.dir])
  }

  async stop(): Promise<void> {
    await runScript('throwaway-postgres.sh', ['stop', this.dir])
  }

  /** Stops it and removes its files. */
  async destroy(): Promise<void> {
    await this.stop().catch(() => undefined)
    rmSync(join(this.dir, '..'), { recursive: true, force: true })
  }
}
