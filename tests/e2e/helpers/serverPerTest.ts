import { test } from '@playwright/test'
import { closeAllContexts } from './closeContexts.ts'
import { ServerProcess } from './serverProcess.ts'

export interface ServerPerTest {
  /** Stops this test's server and starts another with `env`; afterEach stops that one. */
  restartWith(env: Record<string, string>): Promise<ServerProcess>
}

/**
 * A fresh server for every test, and every browser context closed after it (pages of finished tests would keep
 * reconnecting and slow the next ones). `set` hands the spec its server: `serverPerTest((s) => (server = s))`.
 */
export function serverPerTest(set: (server: ServerProcess) => void): ServerPerTest {
  let server: ServerProcess | null = null
  test.beforeEach(async () => {
    server = await ServerProcess.start()
    set(server)
  })
  test.afterEach(async ({ browser }, testInfo) => {
    await closeAllContexts(browser, testInfo)
    await server?.stop()
    server = null
  })
  return {
    async restartWith(env) {
      await server?.stop()
      server = await ServerProcess.start(env)
      set(server)
      return server
    },
  }
}
