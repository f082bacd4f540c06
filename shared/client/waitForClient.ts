import type { MeetingClient } from './MeetingClient.ts'

/**
 * Resolves when `predicate` holds, re-checked on every doc update, sync, identity change and private feed (never by sleeping);
 * rejects after `timeoutMs`. For scripts, load tests and tests that drive a meeting through the protocol.
 */
export function waitForClient(client: MeetingClient, predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (predicate()) return resolve()
    const check = () => {
      if (!predicate()) return
      cleanup()
      resolve()
    }
    const timer = setTimeout(() => {
      cleanup()
      reject(new Error('waitForClient timed out'))
    }, timeoutMs)
    const cleanup = () => {
      clearTimeout(timer)
      client.doc.off('update', check)
      client.off('synced', check)
      client.off('identity', check)
      client.off('feed', check)
    }
    client.doc.on('update', check)
    client.on('synced', check)
    client.on('identity', check)
    client.on('feed', check)
  })
}
