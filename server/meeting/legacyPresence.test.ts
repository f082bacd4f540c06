import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { moveLegacyPresence } from './legacyPresence.ts'
import { vaultMaps } from './vaultDoc.ts'

describe('moveLegacyPresence', () => {
  it('moves people, done marks and voted rounds from the shared doc to the vault, and empties the shared maps', () => {
    const doc = new Y.Doc()
    const vault = new Y.Doc()
    doc.transact(() => {
      doc.getMap('participants').set('ana', { name: 'Ana', role: 'participant', joinedAt: 1 })
      doc.getMap('online').set('ana', true)
      doc.getMap('done').set('ana', 'submit')
      doc.getMap('voted').set('ana', 2)
    })
    moveLegacyPresence(doc, vault, null)
    const maps = vaultMaps(vault)
    expect(maps.participants.get('ana')).toEqual({ name: 'Ana', role: 'participant', joinedAt: 1 })
    expect(maps.done.get('ana')).toBe('submit')
    expect(maps.voted.get('ana')).toBe(2)
    for (const name of ['participants', 'online', 'done', 'voted']) expect(doc.getMap(name).size).toBe(0)
  })

  it('does nothing (writes no update) for a meeting already moved', () => {
    const doc = new Y.Doc()
    const vault = new Y.Doc()
    let updates = 0
    doc.on('update', () => updates++)
    vault.on('update', () => updates++)
    moveLegacyPresence(doc, vault, null)
    expect(updates).toBe(0)
  })
})
