import { afterAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { CommandFailure, MeetingClient } from '../../../shared/client/MeetingClient.ts'
import { newCommandId } from '../../../shared/client/commandId.ts'
import { readMeetingView } from '../../../shared/meeting/meetingDoc.ts'
import type { CreateMeetingResponse } from '../../../shared/protocol/messages.ts'
import type { Stage } from '../../../shared/stages/stages.ts'
import { DEFAULT_MEETING, waitUntil } from '../helpers/testServer.ts'
import { CrashableServer } from './crashableServer.ts'
import { CrashLedger, auditReplays, checkAfterKill, isLogged, type Entry, type Intent, type StoredStateVectors } from './crashLedger.ts'
import { readStored } from './storedMeeting.ts'

/**
 * A scripted meeting of a few hundred simulated people over real sockets while the server process is SIGKILLed at
 * random moments. Knobs (environment): CRASH_KILLS, CRASH_PARTICIPANTS, CRASH_LATE_JOINERS, CRASH_SEED,
 * CRASH_COMPACT_AFTER_UPDATES — a bench can turn them up.
 */
const KILLS = Number(process.env.CRASH_KILLS ?? 10)
const PARTICIPANTS = Number(process.env.CRASH_PARTICIPANTS ?? 200)
const LATE_JOINERS = Number(process.env.CRASH_LATE_JOINERS ?? 20)
const SEED = Number(process.env.CRASH_SEED ?? 20_270_101)
const COMPACT_AFTER_UPDATES = process.env.CRASH_COMPACT_AFTER_UPDATES ?? '100'
/** Some kills land while the clients are still reconnecting and resending after the previous one. */
const RECOVERY_KILL_SHARE = 0.3
/**
 * Share of restarts after which the test tells every client to reconnect at once instead of waiting out its
 * backoff (up to 2 s): a harsher reconnect storm, and a shorter suite. CRASH_NATURAL_BACKOFF=1 turns it off.
 */
const NUDGE_SHARE = process.env.CRASH_NATURAL_BACKOFF ? 0 : 0.7
/** The facilitator moves the stage once every this many acknowledged commands. */
const STAGE_MOVE_EVERY_ACKS = 60
const RECOVERY_TIMEOUT_MS = 30_000
/** CRASH_DEBUG=1 narrates each kill and recovery. */
const debug = (line: string) => {
  if (process.env.CRASH_DEBUG) console.log(line)
}
/**
 * Every this-many-th participant keeps a full copy of the meeting (as the browser does) and is compared with the
 * stored meeting; the others skip applying the server's document updates, which would otherwise cost this one
 * test process ~200 Y.Doc updates per broadcast. Commands, resends, hello and sync still go through MeetingClient.
 */
const FULL_CLIENT_EVERY = Number(process.env.CRASH_FULL_CLIENT_EVERY ?? 8)

interface Sim {
  label: string
  client: MeetingClient
  /** Holds the meeting doc (compared after every recovery); the others only count as synced. */
  isFull: boolean
  joinName: string
  /** Late joiners join in this round. */
  startRound: number
  renames: number
}

/** A tiny deterministic PRNG (mulberry32): the same seed replays the same script (timing aside). */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Drivers wait here between commands: closed while the server is down, open while the meeting runs. */
class Gate {
  private isOpen = false
  private readonly waiters: { ready: () => boolean; resolve: () => void }[] = []

  open(): void {
    this.isOpen = true
    this.notify()
  }

  close(): void {
    this.isOpen = false
  }

  /** Resolves once the gate is open and `ready()` holds. */
  wait(ready: () => boolean = () => true): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push({ ready, resolve })
      this.notify()
    })
  }

  notify(): void {
    if (!this.isOpen) return
    for (const waiter of [...this.waiters]) {
      if (!this.isOpen) return
      if (!waiter.ready()) continue
      this.waiters.splice(this.waiters.indexOf(waiter), 1)
      waiter.resolve()
    }
  }
}

let server: CrashableServer | undefined
const clients: MeetingClient[] = []

afterAll(async () => {
  for (const c of clients) c.destroy()
  await server?.stop()
})

describe('crash recovery under load', () => {
  it(
    `loses no acknowledged command and applies none twice across ${KILLS} SIGKILLs with ${PARTICIPANTS + LATE_JOINERS} people`,
    async () => {
      const started = performance.now()
      const random = prng(SEED)
      // The simulated people are robots sending one command per round trip, far faster than people; the rate limit
      // is not what this test is about. The connection cap keeps its default (221 sockets from one address).
      const crashable = await CrashableServer.start({
        RATE_LIMIT_MESSAGES_PER_SECOND: '1000',
        RATE_LIMIT_BURST: '1000',
        COMPACT_AFTER_UPDATES,
      })
      server = crashable
      const meeting = await createMeeting(crashable)
      const problems: string[] = []
      const ledger = new CrashLedger('mission')
      const gate = new Gate()
      let isStopping = false
      let round = 0
      let acksThisRound = 0
      let acksSinceStageMove = 0
      let killAfter = Number.POSITIVE_INFINITY
      let onKillTriggered: (() => void) | null = null
      const figures = {
        kills: 0,
        killsDuringRecovery: 0,
        inFlightAtKills: 0,
        inFlightCommittedAtKills: 0,
        replayedFromLog: 0,
        appliedOnceAfterRestart: 0,
        appliedTwice: 0,
        opaqueAfterCompaction: 0,
        restartMs: [] as number[],
        recoveryMs: [] as number[],
      }

      const newClient = (token: string | null, isFull: boolean) => {
        const client = new MeetingClient({ serverUrl: crashable.wsUrl, meetingId: meeting.meetingId, token, WebSocketPolyfill: WebSocket })
        if (!isFull) makeLight(client)
        clients.push(client)
        return client
      }

      const onAck = () => {
        acksThisRound++
        acksSinceStageMove++
        if (acksThisRound >= killAfter && onKillTriggered) {
          const trigger = onKillTriggered
          onKillTriggered = null
          gate.close()
          trigger()
        }
        gate.notify()
      }

      const run = async (sim: Sim, intent: Intent) => {
        const commandId = intent.type === 'join' ? null : newCommandId()
        const entry = ledger.sent(sim.label, commandId, intent)
        try {
          const result =
            intent.type === 'join'
              ? await sim.client.join(intent.name)
              : await sim.client.send(intent as Exclude<Intent, { type: 'join' }>, commandId as string)
          ledger.ack(entry, result)
          onAck()
        } catch (error) {
          if (!(error instanceof CommandFailure)) throw error
          ledger.refuse(entry, error.code)
          // markDone races the facilitator's stage moves, and a stage may refuse to be left (conflict: an unrevealed
          // vote, say); nothing else may be refused.
          const isExpected = (intent.type === 'markDone' && error.code === 'stale_stage') || (intent.type === 'changeStage' && error.code === 'conflict')
          if (!isExpected && !isStopping) {
            problems.push(`${sim.label}: ${intent.type} refused with ${error.code}: ${error.message}`)
          }
        }
      }

      // The facilitator, then everybody joins; the meeting moves to Submit.
      const facilitator: Sim = {
        label: 'facilitator',
        client: newClient(meeting.facilitatorToken, true),
        isFull: true,
        joinName: 'Facilitator',
        startRound: 0,
        renames: 0,
      }
      await waitUntil(() => facilitator.client.identity !== null && facilitator.client.isSynced, 10_000, 'facilitator identified')
      ledger.addPerson({
        label: 'facilitator',
        role: 'facilitator',
        participantId: facilitator.client.identity?.participantId ?? null,
        name: 'Facilitator',
        done: null,
      })
      gate.open()
      await run(facilitator, { type: 'changeStage', move: 'advance', expected: 'mission' })
      expect(ledger.stage).toBe('submit')

      const sims: Sim[] = []
      for (let i = 0; i < PARTICIPANTS + LATE_JOINERS; i++) {
        const isLate = i >= PARTICIPANTS
        const isFull = i % FULL_CLIENT_EVERY === 0
        const sim: Sim = {
          label: `P${i}`,
          client: newClient(null, isFull),
          isFull,
          joinName: `P${i}`,
          startRound: isLate ? 1 + ((i - PARTICIPANTS) % Math.max(1, KILLS)) : 0,
          renames: 0,
        }
        sims.push(sim)
        ledger.addPerson({ label: sim.label, role: 'participant', participantId: null, name: null, done: null })
      }
      await waitUntil(() => sims.every((s) => s.client.status === 'connected'), 20_000, 'every client connected')
      debug(`all connected at ${((performance.now() - started) / 1000).toFixed(1)} s`)
      await Promise.all(sims.filter((s) => s.startRound === 0).map((s) => run(s, { type: 'join', name: s.joinName })))
      gate.close()
      debug(`all joined at ${((performance.now() - started) / 1000).toFixed(1)} s`)

      const participantLoop = async (sim: Sim) => {
        const person = ledger.person(sim.label)
        await gate.wait(() => round >= sim.startRound || isStopping)
        if (person.participantId === null && !isStopping) await run(sim, { type: 'join', name: sim.joinName })
        while (!isStopping) {
          await gate.wait()
          if (isStopping) break
          const intent: Intent =
            random() < 0.5
              ? { type: 'rename', name: `${sim.joinName} r${++sim.renames}` }
              : { type: 'markDone', stage: ledger.stage, done: person.done !== ledger.stage }
          await run(sim, intent)
        }
      }
      const facilitatorLoop = async () => {
        while (!isStopping) {
          await gate.wait(() => acksSinceStageMove >= STAGE_MOVE_EVERY_ACKS || isStopping)
          if (isStopping) break
          acksSinceStageMove = 0
          const stage = ledger.stage
          // Between Submit and Vote: the working stages whose moves need no preparation.
          const move = stage === 'submit' ? 'advance' : stage === 'vote' ? 'back' : random() < 0.5 ? 'advance' : 'back'
          await run(facilitator, { type: 'changeStage', move, expected: stage })
        }
      }
      const loops = [...sims.map(participantLoop), facilitatorLoop()]

      const everyone = [facilitator, ...sims]
      const isRecovered = () =>
        everyone.every((s) => {
          const person = ledger.person(s.label)
          return (
            s.client.status === 'connected' &&
            s.client.isSynced &&
            s.client.pendingCount === 0 &&
            (person.participantId === null || s.client.identity?.participantId === person.participantId)
          )
        })

      /** The stored state at the first kill since the meeting last settled, for the replay audit. */
      let sequence: { since: StoredStateVectors; inFlight: { entry: Entry; isLogged: boolean }[] } | null = null

      const settle = async () => {
        const t0 = performance.now()
        await waitUntil(isRecovered, RECOVERY_TIMEOUT_MS, 'every client reconnected, identified, synced, with nothing pending')
        const t1 = performance.now()
        if (sequence) {
          const audit = auditReplays(readStored(crashable.dataDir, meeting.meetingId), sequence.since, ledger, sequence.inFlight)
          figures.replayedFromLog += audit.replayed
          figures.appliedOnceAfterRestart += audit.appliedOnce
          figures.appliedTwice += audit.appliedTwice.length
          figures.opaqueAfterCompaction += audit.opaqueLength
          problems.push(...audit.appliedTwice)
          sequence = null
        }
        await expectConverged(
          crashable,
          meeting.meetingId,
          everyone.filter((s) => s.isFull).map((s) => s.client),
          ledger,
          problems,
        )
        figures.recoveryMs.push(performance.now() - t0)
        debug(`settled: reconnected in ${(t1 - t0).toFixed(0)} ms, converged in ${(performance.now() - t1).toFixed(0)} ms`)
      }

      for (let kill = 0; kill < KILLS; kill++) {
        const isDuringRecovery = kill > 0 && random() < RECOVERY_KILL_SHARE
        if (isDuringRecovery) {
          // Kill again once some of the clients are back and resending.
          const reconnected = 1 + Math.floor(random() * everyone.length)
          await waitUntil(
            () => everyone.filter((s) => s.client.status === 'connected').length >= reconnected || isRecovered(),
            RECOVERY_TIMEOUT_MS,
            'clients reconnecting',
          )
          await crashable.kill()
          figures.killsDuringRecovery++
        } else {
          if (kill > 0) await settle()
          round++
          acksThisRound = 0
          killAfter = 20 + Math.floor(random() * 300)
          const killed = new Promise<void>((resolve) => (onKillTriggered = resolve))
          gate.open()
          await withTimeout(killed, 30_000, `${killAfter} acknowledgements in round ${round}`)
          await crashable.kill()
        }
        figures.kills++
        // Every frame the dead server had sent is read before a client sees its socket close.
        await waitUntil(() => everyone.every((s) => s.client.status !== 'connected'), 10_000, 'every client saw the crash')
        const stored = readStored(crashable.dataDir, meeting.meetingId)
        const check = checkAfterKill(stored, ledger)
        figures.inFlightAtKills += check.inFlight
        figures.inFlightCommittedAtKills += check.inFlightCommitted
        problems.push(...check.problems.map((p) => `after kill ${kill + 1}: ${p}`))
        if (!sequence) {
          sequence = {
            since: { doc: Y.decodeStateVector(Y.encodeStateVector(stored.doc)), vault: Y.decodeStateVector(Y.encodeStateVector(stored.vault)) },
            inFlight: ledger.inFlight().map((entry) => ({ entry, isLogged: isLogged(stored, ledger, entry) })),
          }
        }
        const t0 = performance.now()
        await crashable.spawn()
        figures.restartMs.push(performance.now() - t0)
        if (random() < NUDGE_SHARE) for (const s of everyone) s.client.provider.connect()
        debug(
          `kill ${kill + 1} at ${((performance.now() - started) / 1000).toFixed(1)} s ` +
            `(${isDuringRecovery ? 'while reconnecting' : `after ${killAfter} acks`}): ${check.inFlight} in flight, ` +
            `${check.inFlightCommitted} of them committed; restarted in ${figures.restartMs.at(-1)?.toFixed(0)} ms`,
        )
        expect(problems).toEqual([])
      }
      await settle()
      isStopping = true
      gate.open()
      await Promise.all(loops)
      await settle()
      expect(problems).toEqual([])

      const sent = ledger.entries.length
      const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length)
      console.info(
        [
          `crash suite (seed ${SEED}): ${figures.kills} SIGKILLs (${figures.killsDuringRecovery} while clients were reconnecting), ` +
            `${everyone.length} people (${everyone.filter((s) => s.isFull).length} full clients compared), ` +
            `${((performance.now() - started) / 1000).toFixed(1)} s`,
          `commands: ${sent} sent, ${ledger.acked} acknowledged, ${ledger.refused} refused (stale stage, or a stage's own rule)`,
          `in flight at the kills: ${figures.inFlightAtKills} (${figures.inFlightCommittedAtKills} already committed)`,
          `after restarts: ${figures.replayedFromLog} answered from the log, ${figures.appliedOnceAfterRestart} applied once, ` +
            `${figures.appliedTwice} applied twice; acknowledged commands lost or half-applied: ${problems.length}`,
          `restart ${mean(figures.restartMs).toFixed(0)} ms, reconnect and converge ${mean(figures.recoveryMs).toFixed(0)} ms on average` +
            (figures.opaqueAfterCompaction > 0 ? `; ${figures.opaqueAfterCompaction} compacted structs not attributable` : ''),
        ].join('\n  '),
      )
      expect(figures.kills).toBe(KILLS)
      expect(figures.appliedTwice).toBe(0)
      expect(ledger.acked).toBeGreaterThan(KILLS * 20)
    },
    // Generous: a loaded 2-CPU box takes ~5 s a kill; the bench may ask for many more kills.
    60_000 + KILLS * 20_000,
  )
})

/** Keeps a MeetingClient's protocol (sync handshake, hello, commands, resends) but not its copy of the doc. */
function makeLight(client: MeetingClient): void {
  client.provider.messageHandlers[0] = (encoder, decoder, provider, emitSynced) => {
    encoding.writeVarUint(encoder, 0) // a reply of just the type byte is not sent
    const syncType = decoding.readVarUint(decoder)
    decoding.readVarUint8Array(decoder)
    if (emitSynced && syncType === syncProtocol.messageYjsSyncStep2 && !provider.synced) provider.synced = true
  }
}

async function createMeeting(server: CrashableServer): Promise<CreateMeetingResponse> {
  const res = await fetch(`${server.httpUrl}/api/meetings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(DEFAULT_MEETING),
  })
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`)
  return (await res.json()) as CreateMeetingResponse
}

/**
 * Every client holds exactly the stored meeting (same state vector, same view), and the stored meeting is what the
 * ledger of acknowledged commands says.
 */
async function expectConverged(server: CrashableServer, meetingId: string, clients: MeetingClient[], ledger: CrashLedger, problems: string[]): Promise<void> {
  let stored = readStored(server.dataDir, meetingId)
  const stateVectorOf = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('hex')
  await waitUntil(
    () => {
      stored = readStored(server.dataDir, meetingId)
      const target = stateVectorOf(stored.doc)
      return clients.every((c) => stateVectorOf(c.doc) === target)
    },
    RECOVERY_TIMEOUT_MS,
    'every client holding the stored meeting',
  )
  const view = JSON.stringify(readMeetingView(stored.doc))
  const diverged = clients.filter((c) => JSON.stringify(readMeetingView(c.doc)) !== view)
  if (diverged.length > 0) problems.push(`${diverged.length} clients see another meeting than the one stored`)
  const check = checkAfterKill(stored, ledger)
  problems.push(...check.problems.map((p) => `after recovery: ${p}`))
  const stage = (readMeetingView(stored.doc)?.stage ?? null) as Stage | null
  if (stage !== ledger.stage) problems.push(`stored stage ${stage} is not the acknowledged ${ledger.stage}`)
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}
