import type { MeetingClient } from './MeetingClient.ts'
import { waitForEvents } from './waitForEvents.ts'

/**
 * Resolves when `predicate` holds, re-checked on every doc update, sync, identity change and private feed (never by sleeping);
 * rejects after `timeoutMs`. For scripts, load tests and tests that drive a meeting through the protocol.
 */
export function waitForClient(client: MeetingClient, predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  return waitForEvents(client, ['synced', 'identity', 'feed'], predicate, timeoutMs, 'waitForClient')
}
