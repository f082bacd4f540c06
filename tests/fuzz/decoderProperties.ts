import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import { MeetingRoom, type RoomConnection } from '../../server/meeting/MeetingRoom.ts'
import { createMeetingDoc } from '../../server/meeting/createMeetingDoc.ts'
import type { CommitParticipant, CommitScheduler } from '../../server/persistence/GroupCommitter.ts'
import { SqliteMeetingStore } from '../../server/persistence/SqliteMeetingStore.ts'
import { newCommandId } from '../../shared/client/commandId.ts'
import { handleFrame, type FrameVerdict } from '../../server/sync/handleFrame.ts'
import { newMeetingId, newParticipantId, newToken } from '../../server/security/tokens.ts'
import { Command, type CommandType } from '../../shared/protocol/messages.ts'
import { MESSAGE_APP, MESSAGE_SYNC, encodeAppMessage } from '../../shared/protocol/wire.ts'
import type { Actor } from '../../shared/stages/permissions.ts'
import { STAGES } from '../../shared/stages/stages.ts'

/**
 * Property-based fuzzing of everything a socket can hand the server: frames go through `handleFrame` against a
 * real MeetingRoom (temp SQLite store, committed step by step by `StepCommitter`), JSON goes through the `Command` schema.
 *
 * Properties: `handleFrame` never throws; a frame that is not a valid command changes nothing (meeting doc,
 * server-only doc, credentials, command log); a valid command changes nothing unless its sender's role may send it.
 */

export interface FuzzOptions {
  /** Total cases over all properties. */
  runs: number
  seed: number
  log?: (line: string) => void
}

export interface FuzzReport {
  seed: number
  runs: number
  durationMs: number
  cases: Record<string, number>
  verdicts: Record<string, number>
}

type ConnKind = 'anonymous' | 'participant' | 'facilitator'

/** Commands only the facilitator may send, per `shared/stages/permissions.ts`. */
const FACILITATOR_ONLY = new Set<CommandType>(['changeStage', 'startTimer', 'stopTimer', 'updateSettings'])

/** Every command type the schema knows today, read from the schema itself so new commands get fuzzed too. */
const COMMAND_TYPES: readonly string[] = Command.options.map((option) => (option.shape.type as { value: string }).value)

interface Fixture {
  room: MeetingRoom
  committer: StepCommitter
  store: SqliteMeetingStore
  actors: Record<Exclude<ConnKind, 'anonymous'>, Exclude<Actor, { role: 'anonymous' }>[]>
  /** Real updates of this meeting, for mutation. */
  samples: Uint8Array[]
  close(): void
}

class FakeConnection implements RoomConnection {
  sent = 0
  closedWith: number | null = null
  constructor(public actor: Actor) {}
  send(): void {
    this.sent++
  }
  close(code: number): void {
    this.closedWith = code
  }
}

/**
 * The group commit, synchronously: what the server's GroupCommitter does per tick (take every dirty room's batch,
 * store them in one transaction, then let the rooms broadcast and acknowledge), done when the harness says so.
 */
class StepCommitter implements CommitScheduler {
  private readonly dirty = new Set<CommitParticipant>()
  constructor(private readonly store: SqliteMeetingStore) {}
  markDirty(participant: CommitParticipant): void {
    this.dirty.add(participant)
  }
  flush(): void {
    const participants = [...this.dirty]
    this.dirty.clear()
    const batches = participants.map((p) => p.takeBatch())
    try {
      this.store.commitNow(batches)
    } catch (error) {
      for (const p of participants) p.onCommitFailed(error)
      return
    }
    for (const p of participants) p.onCommitted()
  }
}

/** A meeting in the Submit stage with a facilitator and three participants, stored in a temp SQLite file. */
export function createFixture(): Fixture {
  const dataDir = mkdtempSync(join(tmpdir(), 'qd-fuzz-'))
  const store = new SqliteMeetingStore(dataDir, 'NORMAL')
  const committer = new StepCommitter(store)
  const meetingId = newMeetingId()
  const facilitatorId = newParticipantId()
  const credential = newToken(facilitatorId)
  const request = {
    title: 'Fuzzed OKRs',
    quarter: '2027 Q1',
    mission: { value: 'resist bad input', field: 'servers', impact: '' },
    objectiveCount: 3 as const,
  }
  void store.createMeeting({
    id: meetingId,
    createdAt: 1_000,
    initialUpdate: createMeetingDoc(request, { meetingId, facilitatorId }, 1_000),
    credentials: [{ participantId: facilitatorId, role: 'facilitator', tokenHash: credential.tokenHash }],
  })
  const stored = store.loadMeeting(meetingId)
  if (!stored) throw new Error('fixture meeting not stored')
  const room = new MeetingRoom(meetingId, stored, { store, committer, maxParticipants: 10_000, compactAfterUpdates: 500 })
  const samples: Uint8Array[] = []
  room.doc.on('update', (u: Uint8Array) => samples.push(u))

  const facilitatorConn = new FakeConnection({ role: 'anonymous' })
  room.addConnection(facilitatorConn)
  room.handleCommand(facilitatorConn, { id: newCommandId(), type: 'hello', token: credential.token })
  const participants: Exclude<Actor, { role: 'anonymous' }>[] = []
  for (const name of ['Ana', 'Ben', 'Chidi']) {
    const conn = new FakeConnection({ role: 'anonymous' })
    room.addConnection(conn)
    room.handleCommand(conn, { id: newCommandId(), type: 'join', name })
    if (conn.actor.role === 'anonymous') throw new Error('fixture join failed')
    participants.push(conn.actor)
    room.handleCommand(conn, { id: newCommandId(), type: 'rename', name: `${name} Renamed` })
  }
  room.handleCommand(facilitatorConn, { id: newCommandId(), type: 'changeStage', move: 'advance', expected: 'mission' })
  committer.flush()
  if (room.stage !== 'submit' || facilitatorConn.actor.role !== 'facilitator') throw new Error('fixture setup failed')
  samples.push(Y.encodeStateAsUpdate(room.doc), Y.encodeStateVector(room.doc))
  return {
    room,
    committer,
    store,
    actors: { facilitator: [facilitatorConn.actor], participant: participants },
    samples,
    close() {
      room.doc.destroy()
      room.vault.destroy()
      store.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

function concat(...parts: (Uint8Array | readonly number[])[]): Uint8Array {
  const encoder = encoding.createEncoder()
  for (const p of parts) encoding.writeUint8Array(encoder, p instanceof Uint8Array ? p : Uint8Array.from(p))
  return encoding.toUint8Array(encoder)
}

function syncFrame(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, syncType)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

function varUint(n: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, n)
  return encoding.toUint8Array(encoder)
}

/** What a frame is, for the "may this change anything?" question. */
function validCommandOf(frame: Uint8Array): CommandType | null {
  try {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== MESSAGE_APP) return null
    const parsed = Command.safeParse(JSON.parse(decoding.readVarString(decoder)))
    if (decoding.hasContent(decoder)) return null
    return parsed.success ? parsed.data.type : null
  } catch {
    // reason: an unreadable frame is not a valid command, which is all this answers.
    return null
  }
}

function mayChange(frame: Uint8Array, kind: ConnKind): boolean {
  const type = validCommandOf(frame)
  if (type === null || type === 'hello') return false
  if (kind === 'anonymous') return type === 'join'
  if (type === 'join') return false
  if (kind === 'participant') return !FACILITATOR_ONLY.has(type)
  return true
}

interface StateMark {
  doc: Uint8Array
  vault: Uint8Array
}

function mark(room: MeetingRoom): StateMark {
  return { doc: Y.encodeStateAsUpdate(room.doc), vault: Y.encodeStateAsUpdate(room.vault) }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength))
}

// ----- arbitraries -----

const connKind = fc.constantFrom<ConnKind>('anonymous', 'participant', 'facilitator')

const arbitraryBytes = fc.uint8Array({ maxLength: 300 })

const prefixedBytes = fc
  .tuple(fc.constantFrom([0], [0, 0], [0, 1], [0, 2], [0, 3], [1], [2], [3], [100], [127], [128, 1]), fc.uint8Array({ maxLength: 300 }))
  .map(([prefix, rest]) => concat(prefix, rest))

const lyingLength = fc
  .tuple(
    fc.constantFrom(0, 1, 2),
    fc.oneof(fc.integer({ min: 0, max: 2 ** 31 }), fc.constantFrom(2 ** 32, 2 ** 40, Number.MAX_SAFE_INTEGER)),
    fc.uint8Array({ maxLength: 64 }),
  )
  .map(([syncType, claimed, rest]) => ({ frame: concat([MESSAGE_SYNC, syncType], varUint(claimed), rest), isLying: claimed > rest.length }))

interface Mutation {
  sample: number
  syncType: number
  flips: { at: number; value: number }[]
  truncateTo: number | null
  insert: { at: number; bytes: Uint8Array } | null
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  sample: fc.nat(),
  syncType: fc.constantFrom(0, 1, 2),
  flips: fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { maxLength: 6 }),
  truncateTo: fc.option(fc.nat()),
  insert: fc.option(fc.record({ at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) })),
})

function applyMutation(samples: Uint8Array[], m: Mutation): Uint8Array {
  const base = samples[m.sample % samples.length] as Uint8Array
  let bytes: Uint8Array = Uint8Array.from(base)
  for (const flip of m.flips) if (bytes.length > 0) bytes[flip.at % bytes.length] = flip.value
  if (m.truncateTo !== null && bytes.length > 0) bytes = bytes.slice(0, m.truncateTo % bytes.length)
  if (m.insert) {
    const at = bytes.length === 0 ? 0 : m.insert.at % bytes.length
    bytes = concat(bytes.slice(0, at), m.insert.bytes, bytes.slice(at))
  }
  return syncFrame(m.syncType, bytes)
}

type Op =
  | { kind: 'set'; map: string; key: string; value: unknown }
  | { kind: 'delete'; map: string; key: string }
  | { kind: 'text'; name: string; text: string }
  | { kind: 'clear'; map: string }

const MAP_NAMES = ['meeting', 'participants', 'online', 'done', 'openSubmissions', 'cards', 'clusters', 'suggestions', 'voteCandidates', 'evil']

const ops: fc.Arbitrary<Op[]> = fc.array(
  fc.oneof(
    fc.record({
      kind: fc.constant('set' as const),
      map: fc.constantFrom(...MAP_NAMES),
      key: fc.string({ maxLength: 12 }),
      value: fc.jsonValue({ maxDepth: 2 }),
    }),
    fc.record({ kind: fc.constant('delete' as const), map: fc.constantFrom(...MAP_NAMES), key: fc.string({ maxLength: 12 }) }),
    fc.record({ kind: fc.constant('text' as const), name: fc.constantFrom('text', 'meeting-notes'), text: fc.string({ minLength: 1, maxLength: 20 }) }),
    fc.record({ kind: fc.constant('clear' as const), map: fc.constantFrom(...MAP_NAMES) }),
  ),
  { minLength: 1, maxLength: 5 },
)

/** Applies `ops` to a synced copy of the room's doc; returns the update they produce (null if none). */
function clientWrite(room: MeetingRoom, list: Op[], existingKeys: string[]): Uint8Array | null {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc))
  const updates: Uint8Array[] = []
  copy.on('update', (u: Uint8Array) => updates.push(u))
  copy.transact(() => {
    for (const [i, op] of list.entries()) {
      if (op.kind === 'text') copy.getText(op.name).insert(0, op.text)
      else if (op.kind === 'clear') copy.getMap(op.map).clear()
      else {
        // Half the time aim at a key that exists, so deletions and overwrites hit real entries.
        const key = i % 2 === 0 && existingKeys.length > 0 ? (existingKeys[op.key.length % existingKeys.length] as string) : op.key
        if (op.kind === 'set') copy.getMap(op.map).set(key, op.value)
        else copy.getMap(op.map).delete(key)
      }
    }
  })
  if (updates.length === 0 && existingKeys.length > 0) {
    // Nothing changed (say, deleting a key that is not there): delete one that is, a delete-only write.
    const key = existingKeys[list.length % existingKeys.length] as string
    for (const name of ['meeting', 'cards', 'voteCandidates']) if (copy.getMap(name).has(key)) copy.getMap(name).delete(key)
  }
  copy.destroy()
  return updates.length === 0 ? null : Y.mergeUpdates(updates)
}

const commandId = fc.oneof(
  fc.constantFrom('a', 'x'.repeat(22), 'x'.repeat(64), 'x'.repeat(65), '', 'has space', '../../etc', '__proto__', 'constructor'),
  fc.string({ maxLength: 70 }),
  fc.constant(null).map(() => newCommandId()),
)

const FIELD_NAMES = [
  'name',
  'move',
  'expected',
  'stage',
  'done',
  'seconds',
  'token',
  'title',
  'why',
  'submissionId',
  'support',
  'text',
  'sourceId',
  'targetId',
  'cardId',
  'clusterId',
  'suggestionId',
  'accept',
  'maxSubmissionsPerPerson',
  'isOpenSubmissions',
  'grouping',
  'helperIds',
  '__proto__',
  'constructor',
  'extra',
]

const fieldValue = fc.oneof(
  fc.constantFrom(...STAGES, 'advance', 'back', 'auto', 'everyone', 'helpers', true, false, null, 0, -1, 10, 60, 1e9, NaN, 'Ana'),
  fc.string({ maxLength: 80 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constant('x'.repeat(500)),
  fc.constant('\u0000\u001f\u202e'),
)

const structuredCommand = fc
  .tuple(
    commandId,
    fc.constantFrom<string>(...COMMAND_TYPES, 'Join', 'admin', '', 'toString'),
    fc.dictionary(fc.constantFrom(...FIELD_NAMES), fieldValue, { maxKeys: 4 }),
    fc.boolean(),
  )
  .map(([id, type, fields, hasId]) => (hasId ? { ...fields, id, type } : { ...fields, type }))

const text = fc.oneof(fc.constantFrom('Grow revenue', 'Ship the app', '  spaced   out  ', ''), fc.string({ maxLength: 70 }))
const recordIdLike = fc.oneof(fc.constantFrom('card-1', 'nope', 'x'.repeat(64)), fc.string({ minLength: 1, maxLength: 20 }))

/** A command of each type with plausible fields (and every so often one field spoiled): parses often, is allowed less. */
const nearValidCommand = fc
  .tuple(
    fc.oneof(
      fc.record({ type: fc.constant('hello'), token: fc.string({ minLength: 16, maxLength: 60 }).map((t) => t.replace(/[^A-Za-z0-9_.-]/g, 'a')) }),
      fc.record({ type: fc.constant('join'), name: text }),
      fc.record({ type: fc.constant('rename'), name: text }),
      // Never from review: the meeting must not get stuck in Published (final) for the rest of the run.
      fc.record({
        type: fc.constant('changeStage'),
        move: fc.constantFrom('advance', 'back'),
        expected: fc.constantFrom('mission', 'submit', 'group', 'vote', 'keyResults'),
      }),
      fc.record({ type: fc.constant('markDone'), stage: fc.constantFrom(...STAGES), done: fc.boolean() }),
      fc.record({ type: fc.constant('startTimer'), seconds: fc.oneof(fc.integer({ min: 10, max: 10_800 }), fc.integer()) }),
      fc.record({ type: fc.constant('stopTimer') }),
      fc.record({ type: fc.constant('updateSettings'), maxSubmissionsPerPerson: fc.integer({ min: 1, max: 10 }), isOpenSubmissions: fc.boolean() }),
      fc.record({ type: fc.constant('submitObjective'), title: text, why: text }),
      fc.record({ type: fc.constant('editSubmission'), submissionId: recordIdLike, title: text, why: text }),
      fc.record({ type: fc.constant('withdrawSubmission'), submissionId: recordIdLike }),
      fc.record({ type: fc.constant('supportSubmission'), submissionId: recordIdLike, support: fc.boolean() }),
      fc.record({ type: fc.constant('findSimilar'), text }),
      fc.record({ type: fc.constant('hideSubmission'), submissionId: recordIdLike }),
      fc.record({ type: fc.constant('mergeCards'), sourceId: recordIdLike, targetId: recordIdLike, title: text }),
      fc.record({ type: fc.constant('moveCard'), cardId: recordIdLike, clusterId: fc.option(recordIdLike) }),
      fc.record({ type: fc.constant('createCluster'), cardId: recordIdLike }),
      fc.record({ type: fc.constant('renameCluster'), clusterId: recordIdLike, name: text }),
      fc.record({ type: fc.constant('retitleCard'), cardId: recordIdLike, title: text }),
      fc.record({ type: fc.constant('undoMove') }),
      fc.record({ type: fc.constant('hideCard'), cardId: recordIdLike }),
      fc.record({ type: fc.constant('suggestClusters') }),
      fc.record({ type: fc.constant('resolveSuggestion'), suggestionId: recordIdLike, accept: fc.boolean() }),
      fc.record({ type: fc.constant('readAudit') }),
    ),
    fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: fc.tuple(fc.constantFrom(...FIELD_NAMES), fieldValue), weight: 1 }),
  )
  .map(([command, spoil]) => ({ ...command, ...(spoil ? { [spoil[0]]: spoil[1] } : {}), id: newCommandId() }))

// ----- the run -----

export function runDecoderFuzz(options: FuzzOptions): FuzzReport {
  const log = options.log ?? (() => {})
  const started = performance.now()
  const fixture = createFixture()
  const { room, committer } = fixture
  const cases: Record<string, number> = {}
  const verdicts: Record<string, number> = {}
  const existingKeys = [...room.maps.meeting.keys()]

  const actorOf = (kind: ConnKind, pick: number): Actor => {
    if (kind === 'anonymous') return { role: 'anonymous' }
    const list = fixture.actors[kind]
    return list[pick % list.length] as Actor
  }

  /** Feeds one frame to the room and checks the properties. */
  const check = (label: string, frame: Uint8Array, kind: ConnKind, pick = 0, expect?: (v: FrameVerdict) => boolean) => {
    cases[label] = (cases[label] ?? 0) + 1
    committer.flush()
    const before = mark(room)
    const conn = new FakeConnection(actorOf(kind, pick))
    let verdict: FrameVerdict
    try {
      verdict = handleFrame(room, conn, frame)
    } catch (error) {
      throw new Error(`handleFrame threw on ${label} frame ${Buffer.from(frame).toString('hex').slice(0, 400)}: ${String(error)}`)
    }
    const key = verdict.kind === 'broken' ? `broken ${verdict.code}` : verdict.kind
    verdicts[key] = (verdicts[key] ?? 0) + 1
    if (expect && !expect(verdict)) throw new Error(`unexpected verdict ${JSON.stringify(verdict)} for ${label}`)
    if (room.broken) throw new Error(`the room broke on ${label} frame ${Buffer.from(frame).toString('hex').slice(0, 400)}`)
    const changed =
      room.hasUncommittedChanges || !sameBytes(before.doc, Y.encodeStateAsUpdate(room.doc)) || !sameBytes(before.vault, Y.encodeStateAsUpdate(room.vault))
    if (validCommandOf(frame) !== null) verdicts['valid command'] = (verdicts['valid command'] ?? 0) + 1
    if (changed) verdicts['changed the meeting'] = (verdicts['changed the meeting'] ?? 0) + 1
    if (changed && !mayChange(frame, kind)) {
      throw new Error(`a ${kind} changed the meeting with a ${label} frame it may not send: ${Buffer.from(frame).toString('hex').slice(0, 400)}`)
    }
    committer.flush()
  }

  const share = (fraction: number) => Math.max(1, Math.round(options.runs * fraction))
  const params = (fraction: number) => ({ numRuns: share(fraction), seed: options.seed, endOnFailure: true })

  try {
    fc.assert(
      fc.property(arbitraryBytes, connKind, (frame, kind) => check('arbitrary bytes', frame, kind)),
      params(0.15),
    )
    log(`arbitrary bytes: ${cases['arbitrary bytes']}`)

    fc.assert(
      fc.property(prefixedBytes, connKind, (frame, kind) => check('typed garbage', frame, kind)),
      params(0.15),
    )
    log(`typed garbage: ${cases['typed garbage']}`)

    fc.assert(
      fc.property(lyingLength, ({ frame, isLying }) =>
        // A length prefix claiming more than the frame holds is malformed: 1007, never an attempt to read it.
        check('lying length prefix', frame, 'anonymous', 0, (v) => !isLying || (v.kind === 'broken' && v.code === 1007)),
      ),
      params(0.05),
    )
    log(`lying length prefix: ${cases['lying length prefix']}`)

    fc.assert(
      fc.property(mutation, connKind, (m, kind) => check('mutated Yjs message', applyMutation(fixture.samples, m), kind)),
      params(0.15),
    )
    log(`mutated Yjs message: ${cases['mutated Yjs message']}`)

    fc.assert(
      fc.property(ops, fc.constantFrom(1, 2), connKind, (list, syncType, kind) => {
        const update = clientWrite(room, list, existingKeys)
        if (update === null) return
        // A client's write, however valid as Yjs, is refused and changes nothing.
        check('client write', syncFrame(syncType, update), kind, 0, (v) => v.kind === 'refused' || isNoOpUpdate(room, update))
      }),
      params(0.1),
    )
    log(`client write: ${cases['client write'] ?? 0}`)

    fc.assert(
      fc.property(fc.jsonValue(), connKind, fc.nat(), (json, kind, pick) => check('JSON command', encodeAppMessage(json), kind, pick)),
      params(0.1),
    )
    log(`JSON command: ${cases['JSON command']}`)

    fc.assert(
      fc.property(structuredCommand, connKind, fc.nat(), (command, kind, pick) => check('structured command', encodeAppMessage(command), kind, pick)),
      params(0.1),
    )
    log(`structured command: ${cases['structured command']}`)

    fc.assert(
      fc.property(nearValidCommand, connKind, fc.nat(), (command, kind, pick) => check('near-valid command', encodeAppMessage(command), kind, pick)),
      params(0.1),
    )
    log(`near-valid command: ${cases['near-valid command']}`)

    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), structuredCommand), (value) => {
        cases['Command schema'] = (cases['Command schema'] ?? 0) + 1
        const parsed = Command.safeParse(value)
        if (parsed.success) {
          const again = Command.safeParse(JSON.parse(JSON.stringify(parsed.data)))
          if (!again.success) throw new Error(`a parsed command does not parse again: ${JSON.stringify(parsed.data)}`)
          if (!/^[A-Za-z0-9_-]{1,64}$/.test(parsed.data.id)) throw new Error(`a parsed command has a bad id: ${parsed.data.id}`)
        } else if (parsed.error.issues.length === 0) {
          throw new Error('a refusal names no issue')
        }
      }),
      params(0.1),
    )
    log(`Command schema: ${cases['Command schema']}`)
  } finally {
    fixture.close()
  }
  const runs = Object.values(cases).reduce((a, b) => a + b, 0)
  return { seed: options.seed, runs, durationMs: performance.now() - started, cases, verdicts }
}

/** True when `update` holds nothing the room's doc lacks (an echo), which the server may accept silently. */
function isNoOpUpdate(room: MeetingRoom, update: Uint8Array): boolean {
  const probe = new Y.Doc()
  Y.applyUpdate(probe, Y.encodeStateAsUpdate(room.doc))
  const before = Y.encodeStateAsUpdate(probe)
  Y.applyUpdate(probe, update)
  const same = sameBytes(before, Y.encodeStateAsUpdate(probe))
  probe.destroy()
  return same
}
