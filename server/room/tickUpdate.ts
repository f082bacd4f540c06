import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

/** client → clock: the state of a doc at some moment. */
export type DocState = Map<number, number>

/** The state vector of `doc` now (what `Y.encodeStateVector` encodes), without encoding it. */
export function docState(doc: Y.Doc): DocState {
  const state: DocState = new Map()
  for (const [client, structs] of doc.store.clients) {
    const last = structs[structs.length - 1]
    if (last) state.set(client, last.id.clock + last.length)
  }
  return state
}

/** Deleted ranges by client, as Yjs keeps them in a transaction's delete set: [clock, length]. */
export type DeletedRanges = Map<number, [number, number][]>

/** Adds a finished transaction's deletions to `into` (copied: Yjs may merge its own items later). */
export function addDeletions(into: DeletedRanges, transaction: Y.Transaction): void {
  for (const [client, items] of transaction.deleteSet.clients) {
    let ranges = into.get(client)
    if (!ranges) {
      ranges = []
      into.set(client, ranges)
    }
    for (const item of items) ranges.push([item.clock, item.len])
  }
}

/** Whether a transaction changed the doc (Yjs emits an `update` exactly then). */
export function transactionChanged(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true
  for (const [client, clock] of transaction.afterState) if (transaction.beforeState.get(client) !== clock) return true
  return false
}

/**
 * One Yjs v1 update holding everything `doc` gained since `since` plus the deletions collected meanwhile: what
 * `Y.mergeUpdates` of every transaction's update gives, at the cost of encoding the new structs once. Merging the
 * few hundred tiny updates of a vote-burst tick was 15 % of the burst's CPU (issue 16); this is Yjs's own
 * `writeStateAsUpdate` (structs since a state vector), with the delete set of the tick instead of the whole doc's.
 */
export function encodeTickUpdate(doc: Y.Doc, since: DocState, deleted: DeletedRanges): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  const rest = encoder.restEncoder
  const newer: [number, number][] = []
  for (const [client, structs] of doc.store.clients) {
    const last = structs[structs.length - 1]
    if (!last) continue
    const from = Math.max(since.get(client) ?? 0, (structs[0] as Y.Item | Y.GC).id.clock)
    if (last.id.clock + last.length > from) newer.push([client, from])
  }
  newer.sort((a, b) => b[0] - a[0])
  encoding.writeVarUint(rest, newer.length)
  for (const [client, clock] of newer) {
    const structs = doc.store.clients.get(client) as (Y.Item | Y.GC)[]
    const start = Y.findIndexSS(structs, clock)
    encoding.writeVarUint(rest, structs.length - start)
    encoder.writeClient(client)
    encoding.writeVarUint(rest, clock)
    const first = structs[start] as Y.Item | Y.GC
    first.write(encoder, clock - first.id.clock)
    for (let i = start + 1; i < structs.length; i++) (structs[i] as Y.Item | Y.GC).write(encoder, 0)
  }
  const clients = [...deleted.entries()].filter(([, ranges]) => ranges.length > 0).sort((a, b) => b[0] - a[0])
  encoding.writeVarUint(rest, clients.length)
  for (const [client, ranges] of clients) {
    const merged = mergeRanges(ranges)
    encoder.resetDsCurVal()
    encoding.writeVarUint(rest, client)
    encoding.writeVarUint(rest, merged.length)
    for (const [clock, len] of merged) {
      encoder.writeDsClock(clock)
      encoder.writeDsLen(len)
    }
  }
  return encoder.toUint8Array()
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0])
  const out: [number, number][] = []
  for (const [clock, len] of sorted) {
    const last = out[out.length - 1]
    if (last && last[0] + last[1] >= clock) last[1] = Math.max(last[1], clock + len - last[0])
    else out.push([clock, len])
  }
  return out
}
