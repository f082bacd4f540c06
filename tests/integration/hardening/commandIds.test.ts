import { afterEach, describe, expect, it } from 'vitest'
import { closeArena, commandId, openArena, type Arena } from '../hostile/arena.ts'
import { viewOf, waitFor } from '../helpers/testServer.ts'

let arena: Arena | undefined
afterEach(async () => {
  await closeArena(arena)
  arena = undefined
})

describe('a reused command id (issue 15)', () => {
  it('answers id_reused when the same id comes back with a different command, and applies nothing', async () => {
    arena = await openArena()
    const socket = await arena.openAs(arena.meeting.facilitatorToken)
    const id = commandId('timer')
    expect(await socket.request({ id, type: 'startTimer', seconds: 60 })).toMatchObject({ ok: true })
    // Same id, same command: the logged answer (a resend after a lost reply).
    expect(await socket.request({ id, type: 'startTimer', seconds: 60 })).toMatchObject({ ok: true })
    // Same id, another body: refused, not silently answered with the first result.
    const reused = await socket.request({ id, type: 'startTimer', seconds: 600 })
    expect(reused).toMatchObject({ ok: false, error: { code: 'id_reused' } })
    // Same id, another type.
    const otherType = await socket.request({ id, type: 'stopTimer' })
    expect(otherType).toMatchObject({ ok: false, error: { code: 'id_reused' } })
    await waitFor(arena.facilitator, () => viewOf(arena!.facilitator).timer?.durationMs === 60_000)
    expect(viewOf(arena.facilitator).timer).not.toBeNull()
  })

  it('answers id_reused to a different command sent while the first one is still being committed', async () => {
    arena = await openArena()
    const socket = await arena.openAs(arena.meeting.facilitatorToken)
    const id = commandId('race')
    socket.sendCommand({ id, type: 'startTimer', seconds: 60 })
    socket.sendCommand({ id, type: 'startTimer', seconds: 120 })
    const first = await socket.nextApp((m) => m.kind === 'reply' && m.id === id)
    const second = await socket.nextApp((m) => m.kind === 'reply' && m.id === id)
    const codes = [first, second].map((m) => (m.kind === 'reply' && !m.ok ? m.error.code : 'ok')).sort()
    expect(codes).toEqual(['id_reused', 'ok'])
  })
})
