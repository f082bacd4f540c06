import { nowMs, pollUntil, sleep } from '../clock.ts'
import { percentiles } from '../stats.ts'
import type { CommandTemplate } from '../loadgen/workerProtocol.ts'
import type { ScenarioOutcome, SessionContext } from './types.ts'

/**
 * Everyone sends `perClient` small changes spread over --burst-seconds.
 * Quarterdeck: commands from a template (ack = the server's reply after commit + broadcast).
 * Peers: Yjs writes (ack = the server's echo); fan-out = per write, the time until every measuring client
 * other than the writer has it, so p99 answers "how long until a vote reaches everyone".
 */
export async function runBurst(
  ctx: SessionContext,
  spec: { perClient: number; ours: CommandTemplate | null; peer: { map: string; valueBytes: number } },
): Promise<ScenarioOutcome> {
  const spreadMs = ctx.options.burstSeconds * 1000
  const timeoutMs = spreadMs + ctx.timeoutMs(20_000, 10 * spec.perClient)
  const startedAt = nowMs()
  if (ctx.target.name === 'quarterdeck') {
    if (!spec.ours) throw new Error('no Quarterdeck command for this burst')
    // Full clients are participants too, but they send through MeetingClient; the light clients are the load.
    const result = await ctx.pool.commandBurst(spec.ours, spec.perClient, spreadMs, timeoutMs)
    const acks = percentiles(result.latencyMs)
    return {
      status: result.failures.total === 0 ? 'ok' : 'partial',
      ackMs: acks,
      // A reply is sent only after its update went to every socket: per command, the reply latency bounds the
      // time until everyone has it, so it is the fan-out figure comparable with the peers'.
      fanoutMs: acks,
      propagationMs: acks.p99,
      completionMs: result.failures.total === 0 ? result.lastAnswerAt - startedAt : null,
      errors: result.failures.total,
      errorCodes: result.failures.byCode,
    }
  }

  const measurers = ctx.measurers
  if (!measurers) throw new Error('peer session without measuring clients')
  const measurerTimers = measurers.clients.flatMap((m) =>
    Array.from({ length: spec.perClient }, () => sleep(Math.random() * spreadMs).then(() => m.write(spec.peer.map, spec.peer.valueBytes))),
  )
  const light = await ctx.pool.writeBurst(spec.peer, spec.perClient, spreadMs, timeoutMs)
  await Promise.all(measurerTimers)
  const writes = [...light.writes, ...measurers.takeWrites()]
  // Wait (bounded) until the measuring clients have every write, then compute fan-out.
  const left = Math.max(1000, timeoutMs - (nowMs() - startedAt))
  let fanout = measurers.fanout(writes)
  await pollUntil(() => (fanout = measurers.fanout(writes)).missing === 0, left, 250)
  const acks = [...light.latencyMs, ...measurers.takeAcks()]
  const errors = light.failures.total + fanout.missing
  const errorCodes = { ...light.failures.byCode, ...(fanout.missing > 0 ? { not_received: fanout.missing } : {}) }
  const spread = percentiles(fanout.latencyMs)
  return {
    status: errors === 0 ? 'ok' : 'partial',
    note: fanout.missing > 0 ? `${fanout.missing}/${writes.length} writes did not reach every measuring client` : undefined,
    ackMs: percentiles(acks),
    fanoutMs: spread,
    propagationMs: spread.p99,
    completionMs: fanout.missing === 0 ? fanout.lastArrivalAt - startedAt : null,
    errors,
    errorCodes,
    extra: { writes: writes.length },
  }
}

/** Peers relay each write to every client: a burst costs writes × N deliveries. Too many would only measure swap. */
export function peerBurstTooLarge(n: number, perClient: number, maxDeliveries: number): string | null {
  const deliveries = n * perClient * n
  return deliveries > maxDeliveries
    ? `skipped: ${(deliveries / 1e6).toFixed(0)} M relayed frames > --max-deliveries ${(maxDeliveries / 1e6).toFixed(0)} M`
    : null
}
