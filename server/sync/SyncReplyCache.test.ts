import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import { SyncReplyCache } from './SyncReplyCache.ts'

function updateOf(frame: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(frame)
  decoding.readVarUint(decoder)
  decoding.readVarUint(decoder)
  return decoding.readVarUint8Array(decoder)
}

describe('SyncReplyCache', () => {
  it('answers made-up state vectors from the cached whole-doc frame, and partial ones correctly', () => {
    const doc = new Y.Doc()
    doc.getMap('m').set('a', 1)
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc))
    const clientState = Y.encodeStateVector(client)
    doc.getMap('m').set('b', 2)
    const cache = new SyncReplyCache(doc)
    const fresh = cache.frameFor(new Uint8Array([0]))
    const fake = cache.frameFor(
      Y.encodeStateVector(
        new Map([
          [123456, 9],
          [999, 1],
        ]),
      ),
    )
    expect(fake).toBe(fresh)
    const partial = cache.frameFor(clientState)
    expect(cache.frameFor(clientState)).toBe(partial)
    Y.applyUpdate(client, updateOf(partial))
    expect(client.getMap('m').toJSON()).toEqual({ a: 1, b: 2 })
    const upToDate = cache.frameFor(Y.encodeStateVector(new Map([...Y.decodeStateVector(Y.encodeStateVector(doc))].map(([c, k]) => [c, k + 50]))))
    const empty = new Y.Doc()
    Y.applyUpdate(empty, updateOf(upToDate))
    expect(empty.getMap('m').toJSON()).toEqual({})
    cache.invalidate()
    expect(cache.frameFor(new Uint8Array([0]))).not.toBe(fresh)
  })
})
