import * as Y from 'yjs'

export type GuardVerdict = { ok: true } | { ok: false; reason: string }

type Ranges = Map<number, { clock: number; len: number }[]>

/** The server doc's deleted ranges, rebuilt only after the doc changed (a client may send many echoes). */
const deletedRangesCache = new WeakMap<Y.Doc, { version: number; ranges: Ranges; count: number }>()
const docVersions = new WeakMap<Y.Doc, { version: number }>()

function versionOf(doc: Y.Doc): number {
  let entry = docVersions.get(doc)
  if (!entry) {
    const created = { version: 0 }
    doc.on('afterTransaction', () => created.version++)
    docVersions.set(doc, created)
    entry = created
  }
  return entry.version
}

function deletedRanges(doc: Y.Doc): { ranges: Ranges; count: number } {
  const version = versionOf(doc)
  const cached = deletedRangesCache.get(doc)
  if (cached && cached.version === version) return cached
  const ds = Y.createDeleteSetFromStructStore(doc.store)
  let count = 0
  for (const items of ds.clients.values()) count += items.length
  const entry = { version, ranges: ds.clients as Ranges, count }
  deletedRangesCache.set(doc, entry)
  return entry
}

/** Whether [clock, clock+len) lies inside one of the sorted, merged `ranges` (binary search). */
function isCovered(ranges: readonly { clock: number; len: number }[], clock: number, len: number): boolean {
  let lo = 0
  let hi = ranges.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const r = ranges[mid] as { clock: number; len: number }
    if (clock < r.clock) hi = mid - 1
    else if (clock >= r.clock + r.len) lo = mid + 1
    else return clock + len <= r.clock + r.len
  }
  return false
}

/** A client echo cannot have many more deleted ranges than the server; more is an attempt to make us scan. */
const DELETE_RANGE_SLACK = 64

/**
 * The meeting doc is written by the server only, yet a standard y-websocket client sends back what it knows
 * (its sync step 2, or updates after a reconnect). Such an update is harmless when it adds nothing the server
 * lacks: every struct is already within the server's state vector and every deletion is one the server made.
 * Anything else would be a client write and is refused. Malformed updates are refused too.
 */
export function checkUpdateAddsNothing(doc: Y.Doc, update: Uint8Array): GuardVerdict {
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(update)
  } catch {
    return { ok: false, reason: 'The update is not a valid Yjs update.' }
  }
  const serverState = Y.decodeStateVector(Y.encodeStateVector(doc))
  for (const struct of decoded.structs) {
    const known = serverState.get(struct.id.client) ?? 0
    if (struct.id.clock + struct.length > known) {
      return { ok: false, reason: 'The meeting document is read-only: changes go through commands.' }
    }
  }
  if (decoded.ds.clients.size > 0) {
    const server = deletedRanges(doc)
    let incoming = 0
    for (const items of decoded.ds.clients.values()) incoming += items.length
    if (incoming > server.count + DELETE_RANGE_SLACK) {
      return { ok: false, reason: 'The meeting document is read-only: deletions go through commands.' }
    }
    for (const [client, items] of decoded.ds.clients) {
      const known = server.ranges.get(client) ?? []
      for (const item of items) {
        if (item.len === 0) continue
        if (!isCovered(known, item.clock, item.len)) {
          return { ok: false, reason: 'The meeting document is read-only: deletions go through commands.' }
        }
      }
    }
  }
  return { ok: true }
}
