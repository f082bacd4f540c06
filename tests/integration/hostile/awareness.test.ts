import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_FRAME_BYTES } from '../../../shared/protocol/limits.ts'
import { closeArena, closedOrAlive, expectUnharmed, openArena, snapshot, type Arena } from './arena.ts'

let arena: Arena

beforeAll(async () => {
  arena = await openArena()
})

afterAll(async () => {
  await closeArena(arena)
})

function stateOfBytes(approxBytes: number): { user: { name: string; blob: string } } {
  return { user: { name: 'Mallory', blob: 'x'.repeat(approxBytes) } }
}

describe('a hostile client abusing awareness', () => {
  it('accepts and ignores a 200 KB awareness state: nobody receives it', async () => {
    const socket = await arena.open()
    const before = await snapshot(arena)
    socket.sendAwareness(123456, 1, stateOfBytes(200 * 1024))
    expect(await closedOrAlive(socket)).toBeNull()
    await expectUnharmed(arena, before)
    expect(arena.observer.client.provider.awareness.getStates().has(123456)).toBe(false)
  })

  it('closes the socket (1009) on a 1 MB awareness state, which is over the frame limit', async () => {
    const socket = await arena.open()
    const before = await snapshot(arena)
    const state = stateOfBytes(1024 * 1024)
    expect(JSON.stringify(state).length).toBeGreaterThan(MAX_FRAME_BYTES)
    socket.sendAwareness(654321, 1, state)
    expect((await socket.closed).code).toBe(1009)
    await expectUnharmed(arena, before)
  })

  it('does not relay an awareness update claiming another client’s id', async () => {
    const socket = await arena.open()
    const before = await snapshot(arena)
    const victimId = arena.observer.client.doc.clientID
    socket.sendAwareness(victimId, 99, { user: { name: 'Olive Observer (really Mallory)' } })
    // A removal of the victim's state (null) with a higher clock, as a y-protocols client would send it.
    socket.sendAwareness(victimId, 100, null)
    socket.sendAwareness(arena.facilitator.doc.clientID, 5, { user: { name: 'Facilitator' }, role: 'facilitator' })
    expect(await closedOrAlive(socket)).toBeNull()
    await expectUnharmed(arena, before)
    expect(arena.facilitator.provider.awareness.getStates().size).toBe(0)
  })

  it('ignores queries for awareness: there is none to give', async () => {
    const socket = await arena.open()
    const before = await snapshot(arena)
    socket.send(Uint8Array.of(3))
    expect(await closedOrAlive(socket)).toBeNull()
    expect(socket.frames.some((f) => f.kind === 'other')).toBe(false)
    await expectUnharmed(arena, before)
  })
})
