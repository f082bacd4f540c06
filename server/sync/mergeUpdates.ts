import * as Y from 'yjs'

/**
 * Merges many Yjs updates into one. `Y.mergeUpdates` re-sorts all its inputs for every run of structs it writes,
 * so one call with the few hundred updates of a busy commit tick is quadratic (24 s of a 5,000-person vote
 * burst went there). Merging in pairs, level by level, keeps every call at two inputs: O(bytes × log n).
 */
export function mergeUpdates(updates: readonly Uint8Array[]): Uint8Array {
  if (updates.length === 0) throw new Error('mergeUpdates: nothing to merge')
  let level = [...updates]
  while (level.length > 1) {
    const next: Uint8Array[] = []
    for (let i = 0; i < level.length; i += 2) {
      const a = level[i] as Uint8Array
      const b = level[i + 1]
      next.push(b === undefined ? a : Y.mergeUpdates([a, b]))
    }
    level = next
  }
  return level[0] as Uint8Array
}
