import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DocChanges } from './DocChanges.ts'

/** A small deterministic PRNG, so a failure names its seed. */
function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/** One random transaction of map overwrites and deletes, array pushes and deletes, text edits. */
function randomTransaction(doc: Y.Doc, next: () => number): void {
  const map = doc.getMap<unknown>('ballots')
  const list = doc.getArray<number>('audit')
  const text = doc.getText('notes')
  doc.transact(() => {
    const ops = 1 + Math.floor(next() * 4)
    for (let i = 0; i < ops; i++) {
      const r = next()
      const key = `k${Math.floor(next() * 12)}`
      if (r < 0.45) map.set(key, { dots: Math.floor(next() * 5), at: i })
      else if (r < 0.55) map.delete(key)
      else if (r < 0.7) list.push([Math.floor(next() * 100)])
      else if (r < 0.8 && list.length > 0) list.delete(Math.floor(next() * list.length), 1)
      else if (r < 0.92) text.insert(Math.floor(next() * (text.length + 1)), 'ab'.repeat(1 + Math.floor(next() * 3)))
      else if (text.length > 0) text.delete(Math.floor(next() * text.length), 1)
    }
  })
}

const contents = (doc: Y.Doc) => ({
  ballots: doc.getMap('ballots').toJSON(),
  audit: doc.getArray('audit').toJSON(),
  notes: doc.getText('notes').toString(),
})

describe('DocChanges', () => {
  for (const gc of [true, false]) {
    it(`hands over updates that rebuild the doc tick by tick, as the merged transaction updates did (gc: ${gc})`, () => {
      for (let seed = 1; seed <= 30; seed++) {
        const next = rng(seed)
        const doc = new Y.Doc({ gc })
        // Some state from before the room was loaded: not part of any tick.
        randomTransaction(doc, next)
        const loaded = Y.encodeStateAsUpdate(doc)
        let changes = 0
        const tracked = new DocChanges(doc, 0, 1_000, () => changes++)
        const perTransaction: Uint8Array[] = []
        doc.on('update', (u: Uint8Array) => perTransaction.push(u))
        const replica = new Y.Doc()
        Y.applyUpdate(replica, loaded)
        const viaMerge = new Y.Doc()
        Y.applyUpdate(viaMerge, loaded)
        for (let tick = 0; tick < 12; tick++) {
          const transactions = Math.floor(next() * 6)
          for (let t = 0; t < transactions; t++) randomTransaction(doc, next)
          const { update } = tracked.take()
          if (perTransaction.length === 0) {
            expect(update, `seed ${seed}`).toBeNull()
            continue
          }
          expect(update, `seed ${seed}`).not.toBeNull()
          Y.applyUpdate(replica, update as Uint8Array)
          Y.applyUpdate(viaMerge, Y.mergeUpdates(perTransaction))
          perTransaction.length = 0
          expect(contents(replica), `seed ${seed} tick ${tick}`).toEqual(contents(doc))
          expect(Y.encodeStateVector(replica)).toEqual(Y.encodeStateVector(doc))
          expect(contents(replica)).toEqual(contents(viaMerge))
          expect(tracked.hasPending).toBe(false)
        }
        expect(changes).toBeGreaterThan(0)
      }
    })
  }

  it('ignores transactions that change nothing and reports one change per changing transaction', () => {
    const doc = new Y.Doc()
    let changes = 0
    const tracked = new DocChanges(doc, 0, 1_000, () => changes++)
    doc.transact(() => {})
    expect(tracked.hasPending).toBe(false)
    expect(tracked.take().update).toBeNull()
    doc.getMap('m').set('a', 1)
    doc.getMap('m').set('a', 2)
    expect(changes).toBe(2)
    expect(tracked.hasPending).toBe(true)
  })

  it('snapshots the whole doc every compactAfterUpdates commits', () => {
    const doc = new Y.Doc()
    const tracked = new DocChanges(doc, 0, 2, () => {})
    doc.getMap('m').set('a', 1)
    expect(tracked.take().snapshot).toBeNull()
    doc.getMap('m').set('a', 2)
    const { snapshot } = tracked.take()
    const copy = new Y.Doc()
    Y.applyUpdate(copy, snapshot as Uint8Array)
    expect(copy.getMap('m').get('a')).toBe(2)
  })

  it('forgets dropped changes: the next update starts after them', () => {
    const doc = new Y.Doc()
    const tracked = new DocChanges(doc, 0, 1_000, () => {})
    doc.getMap('m').set('a', 1)
    tracked.drop()
    expect(tracked.hasPending).toBe(false)
    doc.getMap('m').set('b', 2)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, tracked.take().update as Uint8Array)
    // 'b' waits for the dropped struct before it: Yjs keeps it pending rather than applying out of order.
    expect(copy.getMap('m').get('a')).toBeUndefined()
  })
})
