import * as Y from 'yjs'

export type GuardVerdict = { ok: true } | { ok: false; reason: string }

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
    const serverDeletes = Y.createDeleteSetFromStructStore(doc.store)
    for (const [client, items] of decoded.ds.clients) {
      const known = serverDeletes.clients.get(client) ?? []
      for (const item of items) {
        if (item.len === 0) continue
        const covered = known.some((k) => k.clock <= item.clock && item.clock + item.len <= k.clock + k.len)
        if (!covered) return { ok: false, reason: 'The meeting document is read-only: deletions go through commands.' }
      }
    }
  }
  return { ok: true }
}
