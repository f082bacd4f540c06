import { sleep } from '../clock.ts'
import type { Scenario, ScenarioOutcome } from './types.ts'

/**
 * (7) Idle presence: everyone stays connected for --idle-seconds while each light client renews a standard
 * y-websocket awareness state every 15 s (random phase), as a stock provider does. Peers relay each renewal
 * to everyone; Quarterdeck ignores awareness (presence comes from sockets) and sends heartbeats.
 * The figure that matters is the server's CPU % over the window (the session measures it).
 * With a window shorter than 15 s only part of the clients renew once.
 */
export const idlePresence: Scenario = {
  id: 'idle',
  number: 7,
  title: 'idle presence',
  unavailable: () => null,
  async run(ctx) {
    const intervalMs = ctx.options.awarenessIntervalMs
    await ctx.pool.awareness(intervalMs)
    for (const m of ctx.measurers?.clients ?? []) m.startAwareness(intervalMs)
    await sleep(ctx.options.idleSeconds * 1000)
    await ctx.pool.awareness(null)
    for (const m of ctx.measurers?.clients ?? []) m.stopAwareness()
    const counters = await ctx.pool.counters(false)
    // Sockets the server closed during the window are counted by the session.
    const outcome: ScenarioOutcome = {
      status: 'ok',
      errors: 0,
      errorCodes: {},
      extra: {
        awarenessFramesReceived: counters.byKind.awareness ?? 0,
        heartbeatsEtcReceived: counters.byKind.app ?? 0,
      },
    }
    return outcome
  },
}
