import type { Browser, TestInfo } from '@playwright/test'

/**
 * The browser lives for the whole run; a test's contexts would outlive it, their pages reconnecting to a stopped
 * server and slowing every later test. Call from afterEach. Pass `testInfo` and a failed test first prints what every
 * open page showed, so a failure on CI (where screenshots and traces stay on the runner) can still be read from its log.
 */
export async function closeAllContexts(browser: Browser, testInfo?: TestInfo): Promise<void> {
  if (testInfo && testInfo.status !== testInfo.expectedStatus) await printOpenPages(browser, testInfo)
  for (const context of browser.contexts()) await context.close()
}

const SNAPSHOT_LIMIT = 6_000

async function printOpenPages(browser: Browser, testInfo: TestInfo): Promise<void> {
  const pages = browser.contexts().flatMap((context) => context.pages())
  console.log(`\n── ${testInfo.title} ${testInfo.status}: ${pages.length} open page(s) ──`)
  for (const [index, page] of pages.entries()) {
    const viewport = page.viewportSize()
    console.log(`\n[page ${index + 1}] ${page.url()} (${viewport ? `${viewport.width}×${viewport.height}` : 'no viewport'})`)
    try {
      const snapshot = await page.locator('body').ariaSnapshot({ timeout: 5_000 })
      console.log(snapshot.length > SNAPSHOT_LIMIT ? `${snapshot.slice(0, SNAPSHOT_LIMIT)}\n… (${snapshot.length} characters)` : snapshot)
    } catch (error) {
      console.log(`(no snapshot: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})`)
    }
  }
}
