import type * as Y from 'yjs'
import type { ObservableV2 } from 'lib0/observable'

/**
 * Resolves when `predicate` holds, re-checked on every update of `client.doc` and on each of `events` (never by
 * sleeping); rejects with "`name` timed out" after `timeoutMs`. The shared core of waitForClient and waitForTeam.
 */
// biome-ignore lint/suspicious/noExplicitAny: the same constraint as lib0's ObservableV2, so any client event map fits.
export function waitForEvents<Events extends { [key in keyof Events]: (...args: any[]) => void }>(
  client: ObservableV2<Events> & { readonly doc: Y.Doc },
  events: readonly (keyof Events & string)[],
  predicate: () => boolean,
  timeoutMs: number,
  name: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (predicate()) return resolve()
    const check = () => {
      if (!predicate()) return
      cleanup()
      resolve()
    }
    const timer = setTimeout(() => {
      cleanup()
      reject(new Error(`${name} timed out`))
    }, timeoutMs)
    const cleanup = () => {
      clearTimeout(timer)
      client.doc.off('update', check)
      for (const event of events) client.off(event, check as Events[typeof event])
    }
    client.doc.on('update', check)
    for (const event of events) client.on(event, check as Events[typeof event])
  })
}
