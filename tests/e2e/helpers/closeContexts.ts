import type { Browser } from '@playwright/test'

/**
 * The browser lives for the whole spec file; a test's contexts would outlive it, their pages reconnecting to a
 * stopped server and slowing every later test. Call from afterEach.
 */
export async function closeAllContexts(browser: Browser): Promise<void> {
  for (const context of browser.contexts()) await context.close()
}
