import { nowMs, pollUntil } from '../clock.ts'
import { percentiles } from '../stats.ts'
import { mergeFailures } from '../loadgen/tracker.ts'
import type { Scenario, ScenarioOutcome, SessionContext } from './types.ts'

/** Size of the card each peer client writes once synced (Quarterdeck clients send `join` instead). */
export const CARD_BYTES = 120

/**
 * (1) Join storm. Everyone connects (ramped in batches), syncs from an empty state vector and joins:
 * Quarterdeck with the `join` command, peers by writing one ~120-byte card into a shared Y.Map.
 * Measures: join/echo latency, time until all are synced and answered, and time until every full client
 * sees all N participants (ours: the `participants` map; peers: the `cards` map).
 */
export const joinStorm: Scenario = {
  id: 'join',
  number: 1,
  title: 'join storm',
  unavailable: () => null,
  async run(ctx) {
    return ctx.target.name === 'quarterdeck' ? runOurs(ctx) : runPeer(ctx)
  },
}

async function runOurs(ctx: SessionContext): Promise<ScenarioOutcome> {
  const observers = ctx.observers
  if (!observers) throw new Error('Quarterdeck session without observers')
  const timeoutMs = ctx.timeoutMs(30_000, 30)
  for (const o of observers.all) o.expectParticipants(ctx.n)
  const startedAt = nowMs()
  const full = await observers.join(timeoutMs)
  const light = await ctx.pool.connect(
    ctx.options.rampBatch,
    { kind: 'command', template: { command: { type: 'join', name: 'Person {i}' } } },
    Math.max(1000, timeoutMs - (nowMs() - startedAt)),
  )
  const presenceOk = await pollUntil(() => observers.all.every((o) => o.reachedAt > 0), Math.max(1000, timeoutMs - (nowMs() - startedAt)), 20)
  const failures = mergeFailures([light.failures, { byCode: countCodes(full.failures), total: full.failures.length }])
  const lastJoinAt = Math.max(light.lastAnswerAt, full.lastAt)
  const presenceAt = presenceOk ? Math.max(...observers.all.map((o) => o.reachedAt)) : null
  return {
    status: failures.total === 0 && presenceOk ? 'ok' : 'partial',
    note: presenceOk ? undefined : `presence stuck at ${Math.min(...observers.all.map((o) => o.participants))}/${ctx.n}`,
    ackMs: percentiles([...light.latencyMs, ...full.latencyMs]),
    completionMs: failures.total === 0 ? lastJoinAt - startedAt : null,
    propagationMs: presenceAt === null ? null : presenceAt - startedAt,
    errors: failures.total,
    errorCodes: failures.byCode,
    extra: {
      synced: light.synced + observers.participants.length,
      joined: light.latencyMs.length + full.latencyMs.length,
      rampMs: Math.round(light.lastOpenAt - startedAt),
    },
  }
}

async function runPeer(ctx: SessionContext): Promise<ScenarioOutcome> {
  const measurers = ctx.measurers
  if (!measurers) throw new Error('peer session without measuring clients')
  const timeoutMs = ctx.timeoutMs(30_000, 30)
  // Every measuring client must see the card of each of the other n − 1 clients.
  for (const m of measurers.clients) m.expectWriters(ctx.n - 1)
  const startedAt = nowMs()
  await measurers.connect(timeoutMs)
  for (const m of measurers.clients) m.write('cards', CARD_BYTES)
  const light = await ctx.pool.connect(
    ctx.options.rampBatch,
    { kind: 'write', template: { map: 'cards', valueBytes: CARD_BYTES } },
    Math.max(1000, timeoutMs - (nowMs() - startedAt)),
  )
  const allCards = await pollUntil(() => measurers.clients.every((m) => m.writersReachedAt > 0), Math.max(1000, timeoutMs - (nowMs() - startedAt)), 20)
  const acks = [...light.latencyMs, ...measurers.takeAcks()]
  measurers.takeWrites()
  const lastAt = allCards ? Math.max(...measurers.clients.map((m) => m.writersReachedAt)) : null
  return {
    status: light.failures.total === 0 && allCards ? 'ok' : 'partial',
    note: allCards ? undefined : 'not every measuring client saw all cards in time',
    ackMs: percentiles(acks),
    completionMs: light.failures.total === 0 ? Math.max(light.lastAnswerAt, ...measurers.clients.map((m) => m.syncedAt)) - startedAt : null,
    propagationMs: lastAt === null ? null : lastAt - startedAt,
    errors: light.failures.total,
    errorCodes: light.failures.byCode,
    extra: { synced: light.synced + measurers.clients.length, written: acks.length, rampMs: Math.round(light.lastOpenAt - startedAt) },
  }
}

function countCodes(codes: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const c of codes) out[c] = (out[c] ?? 0) + 1
  return out
}
