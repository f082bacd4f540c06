import type * as Y from 'yjs'

/** Turns a textarea's new value into the smallest delete + insert on the shared text (common prefix and suffix kept). */
export function applyTextChange(text: Y.Text, before: string, after: string): void {
  if (before === after) return
  let start = 0
  while (start < before.length && start < after.length && before[start] === after[start]) start++
  let endBefore = before.length
  let endAfter = after.length
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--
    endAfter--
  }
  text.doc?.transact(() => {
    if (endBefore > start) text.delete(start, endBefore - start)
    if (endAfter > start) text.insert(start, after.slice(start, endAfter))
  })
}

/** Where a caret at `index` ends up after a remote change, from the change's delta. */
export function transformIndex(index: number, delta: readonly { retain?: number; insert?: unknown; delete?: number }[]): number {
  let position = 0
  let result = index
  for (const op of delta) {
    if (op.retain !== undefined) position += op.retain
    else if (typeof op.insert === 'string') {
      if (position <= index) result += op.insert.length
      position += op.insert.length
    } else if (op.delete !== undefined) {
      if (position < index) result -= Math.min(op.delete, index - position)
    }
    if (position > index) break
  }
  return Math.max(0, result)
}
