import { test } from '@playwright/test'
import { closeAllContexts } from './closeContexts.ts'
import { ServerProcess } from './serverProcess.ts'

/**
 * A fresh server for every test, and every browser context closed after it (pages of finished tests would keep
 * reconnecting and slow the next ones). `set` hands the spec its server: `serverPerTest((s) => (server = s))`.
 */
export function serverPerTest(set: (server: ServerProcess) => void): void {
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
}
