import type { Awaitable } from '../persistence/MeetingStore.ts'

/**
 * Which (actor, command id) pairs a room's command log holds, kept in memory so the per-command idempotency check
 * asks the store only about a possible replay. A fresh command id (128 random bits) is never in the set, so the usual
 * command costs one Set lookup instead of a store query (7 % of a 5,000-person vote burst's CPU, issue 16) — and with
 * an asynchronous store, no wait at all.
 *
 * Only a "no" is trusted: a key is answered "no" only once the store's list has been read, and every command this
 * room logs is remembered as it joins a commit batch (before the commit: a failed commit only costs a store read).
 * Until the list has arrived, or if the store cannot list its log, every check says "maybe". Loaded on first use.
 */
export class SeenCommandIds {
  private logged: Set<string> | null = null
  private readonly remembered = new Set<string>()
  private state: 'unread' | 'reading' | 'read' | 'unavailable' = 'unread'

  constructor(
    /** The scope's logged keys (a value or a promise), or null when the store cannot list them. */
    private readonly loadLogged: () => Awaitable<Iterable<{ actorKey: string; commandId: string }>> | null,
  ) {}

  /** False only if this command was certainly never logged: then there is nothing to replay. */
  mightBeLogged(actorKey: string, commandId: string): boolean {
    if (this.state === 'unread') this.read()
    if (this.state !== 'read') return true
    const key = keyOf(actorKey, commandId)
    return this.remembered.has(key) || (this.logged as Set<string>).has(key)
  }

  /** Called when the command joins a commit batch. */
  remember(actorKey: string, commandId: string): void {
    this.remembered.add(keyOf(actorKey, commandId))
  }

  get size(): number {
    return this.remembered.size + (this.logged?.size ?? 0)
  }

  private read(): void {
    const listed = this.loadLogged()
    if (listed === null) {
      this.state = 'unavailable'
      return
    }
    const fill = (rows: Iterable<{ actorKey: string; commandId: string }>) => {
      const keys = new Set<string>()
      for (const { actorKey, commandId } of rows) keys.add(keyOf(actorKey, commandId))
      this.logged = keys
      this.state = 'read'
    }
    if (!(listed instanceof Promise)) {
      fill(listed)
      return
    }
    this.state = 'reading'
    listed.then(fill, () => {
      this.state = 'unavailable' // reason: without the list every check asks the store, as before.
    })
  }
}

function keyOf(actorKey: string, commandId: string): string {
  return `${actorKey}\u0000${commandId}`
}
