import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { MAX_COMMAND_BYTES, MAX_FRAME_BYTES } from '../../../shared/protocol/limits.ts'
import { MESSAGE_APP, MESSAGE_AUTH, MESSAGE_SYNC } from '../../../shared/protocol/wire.ts'
import { frameOf } from '../helpers/rawSocket.ts'
import { closeArena, closedOrAlive, expectUnharmed, isNotice, openArena, snapshot, type Arena } from './arena.ts'

let arena: Arena

beforeAll(async () => {
  arena = await openArena()
})

afterAll(async () => {
  await closeArena(arena)
})

function bytes(...parts: (number | Uint8Array)[]): Uint8Array {
  const encoder = encoding.createEncoder()
  for (const p of parts) {
    if (typeof p === 'number') encoding.writeUint8(encoder, p)
    else encoding.writeUint8Array(encoder, p)
  }
  return encoding.toUint8Array(encoder)
}

function varUint(n: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, n)
  return encoding.toUint8Array(encoder)
}

/** A tiny deterministic PRNG (mulberry32), so a failing garbage frame can be reproduced from its seed. */
function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('a hostile client sending malformed frames', () => {
  it('survives garbage bytes: each frame is refused or costs its sender the socket, never more', async () => {
    const random = prng(0x5eed)
    for (let i = 0; i < 25; i++) {
      const before = await snapshot(arena)
      const socket = await arena.open()
      const length = 1 + Math.floor(random() * 64)
      const frame = Uint8Array.from({ length }, () => Math.floor(random() * 256))
      socket.send(frame)
      const closed = await closedOrAlive(socket)
      if (closed) expect([1002, 1003, 1007, 1008, 1009]).toContain(closed.code)
      socket.close()
      await expectUnharmed(arena, before)
    }
  })

  it('closes the socket (1007) on truncated varints, wherever they are', async () => {
    const truncated = [
      bytes(0x80), // the message type itself
      bytes(0xff, 0xff, 0xff),
      bytes(MESSAGE_SYNC, 0x80), // the sync message type
      bytes(MESSAGE_SYNC, syncProtocol.messageYjsSyncStep1, 0x85), // the state vector's length
      bytes(MESSAGE_SYNC, syncProtocol.messageYjsUpdate, 0xff, 0xff), // the update's length
    ]
    for (const frame of truncated) {
      const before = await snapshot(arena)
      const socket = await arena.open()
      socket.send(frame)
      expect((await socket.closed).code).toBe(1007)
      await expectUnharmed(arena, before)
    }
  })

  it('refuses a truncated command length with a notice and keeps the socket', async () => {
    const before = await snapshot(arena)
    const socket = await arena.open()
    socket.send(bytes(MESSAGE_APP, 0x80))
    expect(await socket.nextApp(isNotice('bad_message'))).toMatchObject({ error: { code: 'bad_message' } })
    expect(await closedOrAlive(socket)).toBeNull()
    await expectUnharmed(arena, before)
  })

  it('refuses unknown message types, the auth message and unknown sync types with bad_message', async () => {
    for (const frame of [frameOf(7), frameOf(99), frameOf(101, 1, 2, 3), varUint(2 ** 31), frameOf(MESSAGE_AUTH, 0), frameOf(MESSAGE_SYNC, 9, 0)]) {
      const before = await snapshot(arena)
      const socket = await arena.open()
      socket.send(frame)
      expect(await socket.nextApp(isNotice('bad_message'))).toMatchObject({ kind: 'notice' })
      expect(await closedOrAlive(socket)).toBeNull()
      await expectUnharmed(arena, before)
    }
  })

  it('closes the socket (1007) on a message type too large to be a number', async () => {
    const before = await snapshot(arena)
    const socket = await arena.open()
    socket.send(bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f))
    expect((await socket.closed).code).toBe(1007)
    await expectUnharmed(arena, before)
  })

  it('closes the socket (1007) on a sync step 2 whose length prefix claims gigabytes', async () => {
    for (const claimed of [2 ** 32, 2 ** 31 - 1, 2 ** 40]) {
      const before = await snapshot(arena)
      const socket = await arena.open()
      socket.send(bytes(MESSAGE_SYNC, syncProtocol.messageYjsSyncStep2, varUint(claimed), 0, 0, 0, 0))
      expect(await socket.closed).toEqual({ code: 1007, reason: 'Malformed sync message.' })
      await expectUnharmed(arena, before)
    }
  })

  it('closes the socket (1007) on a sync step 1 with a state vector that claims gigabytes of entries', async () => {
    const before = await snapshot(arena)
    const socket = await arena.open()
    const stateVector = bytes(varUint(2 ** 32), 1, 1)
    socket.send(bytes(MESSAGE_SYNC, syncProtocol.messageYjsSyncStep1, varUint(stateVector.length), stateVector))
    expect((await socket.closed).code).toBe(1007)
    await expectUnharmed(arena, before)
  })

  it('closes the socket (1009) on a 20 MB frame without reading it', async () => {
    const before = await snapshot(arena)
    const socket = await arena.open()
    const huge = new Uint8Array(20 * 1024 * 1024)
    huge.set(bytes(MESSAGE_SYNC, syncProtocol.messageYjsUpdate, varUint(huge.length - 8)))
    socket.send(huge)
    expect((await socket.closed).code).toBe(1009)
    await expectUnharmed(arena, before)
  })

  it('closes the socket (1009) on a frame one byte over the limit, and accepts one at the limit', async () => {
    const before = await snapshot(arena)
    const over = await arena.open()
    over.send(new Uint8Array(MAX_FRAME_BYTES + 1).fill(1))
    expect((await over.closed).code).toBe(1009)
    const at = await arena.open()
    // An awareness message (type 1) of exactly the limit: read, then ignored.
    at.send(new Uint8Array(MAX_FRAME_BYTES).fill(1))
    expect(await closedOrAlive(at)).toBeNull()
    await expectUnharmed(arena, before)
  })

  it('refuses a command over the command size limit with too_large', async () => {
    const before = await snapshot(arena)
    const socket = await arena.open()
    socket.sendCommand({ id: 'big', type: 'join', name: 'x'.repeat(MAX_COMMAND_BYTES + 10) })
    expect(await socket.nextApp(isNotice('too_large'))).toMatchObject({ kind: 'notice' })
    await expectUnharmed(arena, before)
  })

  it('refuses commands that are not JSON, not objects, or have trailing bytes', async () => {
    const before = await snapshot(arena)
    const socket = await arena.open()
    for (const text of ['{', '', 'undefined', '{"id":"a","type":"join","name":"Eve"} trailing']) {
      socket.sendAppText(text)
      expect(await socket.nextApp(isNotice('bad_message'))).toMatchObject({ kind: 'notice' })
    }
    const withTrailing = bytes(encodeApp({ id: 'trail', type: 'join', name: 'Eve' }), 0)
    socket.send(withTrailing)
    expect(await socket.nextApp(isNotice('bad_message'))).toMatchObject({ kind: 'notice' })
    for (const value of [null, 42, 'join', [], [{ id: 'x', type: 'join', name: 'Eve' }], { id: 'x' }]) {
      socket.sendCommand(value)
      expect(await socket.nextApp((m) => m.kind === 'reply' && !m.ok)).toMatchObject({ error: { code: 'bad_command' } })
    }
    // Deeply nested JSON inside the command size limit.
    socket.sendAppText('['.repeat(8000) + ']'.repeat(8000))
    expect(await socket.nextApp((m) => m.kind === 'reply' && !m.ok)).toMatchObject({ error: { code: 'bad_command' } })
    // Prototype keys are just unknown keys.
    socket.sendAppText('{"id":"proto","type":"join","name":"Eve","__proto__":{"isAdmin":true}}')
    expect(await socket.nextApp((m) => m.kind === 'reply' && m.id === 'proto')).toMatchObject({ error: { code: 'bad_command' } })
    expect(await closedOrAlive(socket)).toBeNull()
    await expectUnharmed(arena, before)
  })

  it('closes the socket (1003) on a text frame', async () => {
    const before = await snapshot(arena)
    const socket = await arena.open()
    socket.sendText(JSON.stringify({ id: 'text', type: 'join', name: 'Eve' }))
    expect(await socket.closed).toEqual({ code: 1003, reason: 'Binary frames only.' })
    await expectUnharmed(arena, before)
  })
})

function encodeApp(payload: unknown): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_APP)
  encoding.writeVarString(encoder, JSON.stringify(payload))
  return encoding.toUint8Array(encoder)
}
