/**
 * Epoch milliseconds with sub-millisecond resolution. Every bench process uses it, so timestamps taken in the
 * coordinator, the load-generator workers and the measuring clients can be compared directly (same machine).
 */
export function nowMs(): number {
  return performance.timeOrigin + performance.now()
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Polls `check` every `everyMs` until it holds; resolves false (never throws) when `timeoutMs` runs out. */
export async function pollUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await check()) return true
    if (Date.now() >= deadline) return false
    await sleep(everyMs)
  }
}
