import { HttpError } from './readJsonBody.ts'

/**
 * A counter per meeting, bumped whenever something of that meeting is stored (a group commit, a new meeting, a team
 * space or its editor link). A page built from a meeting's stored state stays right until its meeting's counter moves.
 */
export class CommittedVersions {
  private readonly versions = new Map<string, number>()

  bump(meetingId: string): void {
    this.versions.set(meetingId, (this.versions.get(meetingId) ?? 0) + 1)
  }

  of(meetingId: string): number {
    return this.versions.get(meetingId) ?? 0
  }
}

type AnyFunction = (...args: unknown[]) => unknown

/** Store methods that write, and the meeting each one changes (a new editor link changes no cached page). */
const WRITES: Record<string, (target: Record<string, AnyFunction>, args: unknown[]) => string[]> = {
  commit: (_t, [batches]) => (batches as { meetingId: string }[]).map((b) => b.meetingId),
  createMeeting: (_t, [meeting]) => [(meeting as { id: string }).id],
  createTeamSpace: (_t, [team]) => [(team as { meetingId: string }).meetingId, `team:${(team as { id: string }).id}`],
}

/** The store, with every successful write counted in `versions` (sync or async stores alike). */
export function trackCommits<S extends object>(store: S, versions: CommittedVersions): S {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown
      if (typeof value !== 'function') return value
      const method = (value as AnyFunction).bind(target)
      const touched = typeof prop === 'string' ? WRITES[prop] : undefined
      if (!touched) return method
      return (...args: unknown[]) => {
        const ids = touched(target as Record<string, AnyFunction>, args)
        const result = method(...args)
        if (result instanceof Promise) return result.then((r) => (ids.forEach((id) => versions.bump(id)), r))
        ids.forEach((id) => versions.bump(id))
        return result
      }
    },
  })
}

/** Store reads that name a meeting: the first argument, or the meeting of the team space a row belongs to. */
const READS_BY_MEETING = new Set(['loadMeeting', 'loadDoc', 'listTeamSpaces'])

interface Entry {
  outcome: { ok: true; value: unknown } | { ok: false; error: HttpError }
  /** Every meeting read while building it, with its version then. */
  reads: Map<string, number>
  builtAt: number
}

/**
 * Pages built from stored state (published set and exports, alignment, wins wall, weekly report), kept until a meeting
 * they read is stored again. Rebuilding them meant replaying every stored update of several docs per request: 2.6 ms
 * of CPU even for a 404, which a loop of requests turns into a denial of service. Answers that depend on the clock
 * (staleness, "the latest week") are rebuilt after `maxAgeMs` anyway.
 */
export class RouteCache {
  private readonly entries = new Map<string, Entry>()

  constructor(
    private readonly versions: CommittedVersions,
    private readonly options: { maxEntries?: number; maxAgeMs?: number; now?: () => number; onOutcome?: (outcome: 'hit' | 'miss') => void } = {},
  ) {}

  /** The cached answer for `key`, or `build(store)` run on a store that notes which meetings it reads. */
  async answer<S extends object, T>(key: string, store: S, build: (store: S) => T | Promise<T>): Promise<T> {
    const now = (this.options.now ?? Date.now)()
    const cached = this.entries.get(key)
    if (cached && now - cached.builtAt < (this.options.maxAgeMs ?? 30_000) && this.isCurrent(cached)) {
      // Most recently used last, so the oldest go first when the cache is full.
      this.entries.delete(key)
      this.entries.set(key, cached)
      this.options.onOutcome?.('hit')
      if (cached.outcome.ok) return cached.outcome.value as T
      throw cached.outcome.error
    }
    const reads = new Map<string, number>()
    const note = (meetingId: unknown) => {
      if (typeof meetingId === 'string' && !reads.has(meetingId)) reads.set(meetingId, this.versions.of(meetingId))
    }
    const recording = new Proxy(store, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown
        if (typeof value !== 'function') return value
        const method = (value as AnyFunction).bind(target)
        return (...args: unknown[]) => {
          if (typeof prop === 'string' && READS_BY_MEETING.has(prop)) note(args[0])
          const result = method(...args)
          if (prop !== 'findTeamSpace') return result
          const noteRow = (row: unknown) => (note((row as { meetingId?: string } | null)?.meetingId ?? `team:${String(args[0])}`), row)
          return result instanceof Promise ? result.then(noteRow) : noteRow(result)
        }
      },
    })
    let outcome: Entry['outcome']
    try {
      outcome = { ok: true, value: await build(recording) }
    } catch (error) {
      if (!(error instanceof HttpError)) throw error
      outcome = { ok: false, error }
    }
    this.remember(key, { outcome, reads, builtAt: now })
    this.options.onOutcome?.('miss')
    if (outcome.ok) return outcome.value as T
    throw outcome.error
  }

  get size(): number {
    return this.entries.size
  }

  private isCurrent(entry: Entry): boolean {
    for (const [meetingId, version] of entry.reads) if (this.versions.of(meetingId) !== version) return false
    return true
  }

  private remember(key: string, entry: Entry): void {
    this.entries.delete(key)
    this.entries.set(key, entry)
    const max = this.options.maxEntries ?? 1000
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= max) break
      this.entries.delete(oldest)
    }
  }
}
