import { describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { encodeAppMessage } from '../../shared/protocol/wire.ts'
import { handshakeKindOf } from './handshakeKindOf.ts'

function syncFrame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

describe('handshakeKindOf', () => {
  it('recognises the sync request and the hello', () => {
    expect(handshakeKindOf(syncFrame((e) => syncProtocol.writeSyncStep1(e, new Y.Doc())))).toBe('syncRequest')
    expect(handshakeKindOf(encodeAppMessage({ id: 'h1', type: 'hello', token: 'x'.repeat(20) }))).toBe('hello')
  })

  it('calls nothing else a handshake, and never throws', () => {
    expect(handshakeKindOf(syncFrame((e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(new Y.Doc()))))).toBeNull()
    expect(handshakeKindOf(encodeAppMessage({ id: 'r1', type: 'rename', name: 'Ana' }))).toBeNull()
    expect(handshakeKindOf(encodeAppMessage('hello'))).toBeNull()
    expect(handshakeKindOf(Uint8Array.of(1, 0))).toBeNull()
    expect(handshakeKindOf(Uint8Array.of(0x80))).toBeNull()
    expect(handshakeKindOf(Uint8Array.of(100, 5, 123))).toBeNull()
    expect(handshakeKindOf(new Uint8Array(0))).toBeNull()
    expect(handshakeKindOf(encodeAppMessage({ type: 'hello', pad: 'x'.repeat(20_000) }))).toBeNull()
  })
})
