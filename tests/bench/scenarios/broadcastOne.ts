import { nowMs, pollUntil } from '../clock.ts'
import { percentiles } from '../stats.ts'
import type { ScenarioOutcome, SessionContext } from './types.ts'

/**
 * One change made by one client, and the time until every client has received it: the facilitator's
 * command on Quarterdeck (`send`), or one Yjs write by the first measuring client on a peer.
 * Light clients note their first sync update after the mark; full clients note it through their doc.
 */
export async function broadcastOne(
  ctx: SessionContext,
  change: {
    /** Quarterdeck: sends the facilitator's command and resolves when its reply arrives. */
    ours?: () => Promise<unknown>
    /** Peers: the write of measuring client 0 — map name and value size. */
    peer: { map: string; valueBytes: number }
  },
): Promise<ScenarioOutcome> {
  const timeoutMs = ctx.timeoutMs(15_000, 10)
  await ctx.pool.mark()
  let fullSeenAt: () => number[]
  const startedAt = nowMs()
  let ackMs: number[] = []
  const errorCodes: Record<string, number> = {}
  if (ctx.target.name === 'quarterdeck') {
    // Any change counts (a stage move, revealed results): the session waited for quiet before the mark.
    const observers = ctx.observers?.all ?? []
    for (const o of observers) o.mark()
    fullSeenAt = () => observers.map((o) => o.firstUpdateAt)
    if (!change.ours) throw new Error('no Quarterdeck command for this scenario')
    try {
      await change.ours()
      ackMs = [nowMs() - startedAt]
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'failed'
      errorCodes[code] = 1
    }
  } else {
    const measurers = ctx.measurers
    const writer = measurers?.clients[0]
    if (!measurers || !writer) throw new Error('no measuring client to write')
    const key = writer.write(change.peer.map, change.peer.valueBytes)
    // The writer's own copy counts when its echo is back (arrivals holds the echo for own writes).
    fullSeenAt = () => measurers.clients.map((m) => m.arrivals.get(key) ?? 0)
    await pollUntil(() => writer.ackLatencyMs.length > 0, timeoutMs, 5)
    ackMs = measurers.takeAcks()
    measurers.takeWrites()
  }

  let arrivals = await ctx.pool.arrivals()
  const everyoneHasIt = await pollUntil(
    async () => {
      arrivals = await ctx.pool.arrivals()
      return arrivals.firstAt.length >= arrivals.clients && fullSeenAt().every((t) => t > 0)
    },
    timeoutMs,
    100,
  )
  const full = fullSeenAt().filter((t) => t > 0)
  const offsets = [...arrivals.firstAt, ...full].map((t) => t - startedAt)
  const reached = arrivals.firstAt.length + full.length
  const everyone = arrivals.clients + fullSeenAt().length
  const errors = Object.keys(errorCodes).length + (everyone - reached)
  if (everyone > reached) errorCodes.not_received = everyone - reached
  const spread = percentiles(offsets)
  return {
    status: everyoneHasIt && errors === 0 ? 'ok' : 'partial',
    note: everyoneHasIt ? undefined : `${reached}/${everyone} clients received the change`,
    ackMs: percentiles(ackMs),
    propagationMs: everyoneHasIt ? spread.max : null,
    completionMs: everyoneHasIt ? spread.max : null,
    errors,
    errorCodes,
    extra: { arrivalP50Ms: spread.p50, arrivalP99Ms: spread.p99, updatesPerClient: arrivals.clients > 0 ? arrivals.updates / arrivals.clients : null },
  }
}
