import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { mergeUpdates } from './mergeUpdates.ts'

describe('mergeUpdates (in small groups)', () => {
  it('gives an update that rebuilds the same doc as applying every update in turn', () => {
    const source = new Y.Doc()
    const updates: Uint8Array[] = []
    source.on('update', (u: Uint8Array) => updates.push(u))
    const map = source.getMap<unknown>('m')
    for (let i = 0; i < 301; i++)
      source.transact(() => {
        map.set(`k${i % 37}`, { i })
        if (i % 5 === 0) map.delete(`k${(i + 3) % 37}`)
        source.getText('t').insert(0, String(i % 10))
      })
    const rebuilt = new Y.Doc()
    Y.applyUpdate(rebuilt, mergeUpdates(updates))
    expect(rebuilt.getMap('m').toJSON()).toEqual(map.toJSON())
    expect(rebuilt.getText('t').toString()).toBe(source.getText('t').toString())
    expect(Y.encodeStateVector(rebuilt)).toEqual(Y.encodeStateVector(source))
  })

  it('returns a single update as it is', () => {
    const u = new Uint8Array([0, 0])
    expect(mergeUpdates([u])).toBe(u)
  })
})
