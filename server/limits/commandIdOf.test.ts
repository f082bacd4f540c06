import { describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import { encodeAppMessage } from '../../shared/protocol/wire.ts'
import { commandIdOf } from './commandIdOf.ts'

function appText(text: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 100)
  encoding.writeVarString(encoder, text)
  return encoding.toUint8Array(encoder)
}

describe('commandIdOf', () => {
  it('reads the id of a command frame', () => {
    expect(commandIdOf(encodeAppMessage({ id: 'abc_DEF-1', type: 'rename', name: 'x' }))).toBe('abc_DEF-1')
  })

  it('has no id for other frames, unreadable JSON or a malformed id', () => {
    expect(commandIdOf(new Uint8Array([0, 0, 1, 0]))).toBeNull()
    expect(commandIdOf(new Uint8Array([]))).toBeNull()
    expect(commandIdOf(new Uint8Array([100, 200]))).toBeNull()
    expect(commandIdOf(appText('{"id":'))).toBeNull()
    expect(commandIdOf(appText('null'))).toBeNull()
    expect(commandIdOf(appText('{"id":"has space"}'))).toBeNull()
    expect(commandIdOf(appText(JSON.stringify({ id: 'x'.repeat(65) })))).toBeNull()
    expect(commandIdOf(appText(JSON.stringify({ id: 7 })))).toBeNull()
  })

  it('does not read a frame larger than any command', () => {
    expect(commandIdOf(appText(JSON.stringify({ id: 'big', pad: 'x'.repeat(20_000) })))).toBeNull()
  })
})
