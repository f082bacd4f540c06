import { meetingMaps } from '../../../shared/meeting/meetingDoc.ts'
import { vaultMaps } from '../../../server/meeting/vaultDoc.ts'
import type { Stage } from '../../../shared/stages/stages.ts'
import { itemsCreatedSince, type StoredMeeting } from './storedMeeting.ts'

/** What one simulated person asked for, as the driver sent it. */
export type Intent =
  | { type: 'join'; name: string }
  | { type: 'rename'; name: string }
  | { type: 'markDone'; stage: Stage; done: boolean }
  | { type: 'changeStage'; move: 'advance' | 'back'; expected: Stage }

export interface Entry {
  label: string
  /** null for joins, whose id MeetingClient picks itself (the log is searched by name instead). */
  commandId: string | null
  intent: Intent
  status: 'sent' | 'acked' | 'refused'
  result?: unknown
  refusal?: string
}

export interface Person {
  label: string
  role: 'facilitator' | 'participant'
  participantId: string | null
  name: string | null
  /** The stage in the `done` map, as the server's markDone writes it. */
  done: Stage | null
}

/**
 * The test's own account of every command and its outcome, and of the meeting those outcomes imply. Each person
 * has at most one command in flight, so acknowledgements arrive in the order the server applied them.
 */
export class CrashLedger {
  readonly entries: Entry[] = []
  readonly people = new Map<string, Person>()
  stage: Stage
  acked = 0
  refused = 0
  private readonly inFlightOf = new Map<string, Entry>()

  constructor(initialStage: Stage) {
    this.stage = initialStage
  }

  addPerson(person: Person): void {
    this.people.set(person.label, person)
  }

  sent(label: string, commandId: string | null, intent: Intent): Entry {
    if (this.inFlightOf.has(label)) throw new Error(`${label} already has a command in flight`)
    const entry: Entry = { label, commandId, intent, status: 'sent' }
    this.entries.push(entry)
    this.inFlightOf.set(label, entry)
    return entry
  }

  ack(entry: Entry, result: unknown): void {
    entry.status = 'acked'
    entry.result = result
    this.inFlightOf.delete(entry.label)
    this.acked++
    applyIntent(this.person(entry.label), entry, this)
  }

  refuse(entry: Entry, code: string): void {
    entry.status = 'refused'
    entry.refusal = code
    this.inFlightOf.delete(entry.label)
    this.refused++
  }

  inFlight(): Entry[] {
    return [...this.inFlightOf.values()]
  }

  person(label: string): Person {
    const p = this.people.get(label)
    if (!p) throw new Error(`unknown person ${label}`)
    return p
  }
}

function applyIntent(person: Person, entry: Entry, model: { stage: Stage }): void {
  const intent = entry.intent
  switch (intent.type) {
    case 'join':
      person.participantId = (entry.result as { participantId: string }).participantId
      person.name = intent.name
      return
    case 'rename':
      person.name = intent.name
      return
    case 'markDone': {
      // The server's rule: done → record this stage; not done → forget it only if it is this stage.
      const isDone = person.done === intent.stage
      if (intent.done && !isDone) person.done = intent.stage
      if (!intent.done && isDone) person.done = null
      return
    }
    case 'changeStage':
      model.stage = (entry.result as { stage: Stage }).stage
      return
  }
}

/** Joins logged in the command log: name → participant id (join results are logged under the anonymous actor). */
function loggedJoins(stored: StoredMeeting): Map<string, string> {
  const joins = new Map<string, string>()
  for (const [key, json] of stored.commandLog) {
    if (!key.startsWith('anonymous\u0000')) continue
    const result = JSON.parse(json) as { participantId?: string; name?: string }
    if (result.participantId && result.name) joins.set(result.name, result.participantId)
  }
  return joins
}

/** Whether the server committed `entry` (its command-log row exists). */
export function isLogged(stored: StoredMeeting, ledger: CrashLedger, entry: Entry): boolean {
  if (entry.intent.type === 'join') return loggedJoins(stored).has(entry.intent.name)
  const person = ledger.person(entry.label)
  return stored.commandLog.has(`${person.participantId}\u0000${entry.commandId}`)
}

export interface KillCheck {
  problems: string[]
  inFlight: number
  inFlightCommitted: number
}

/**
 * What must hold in storage right after a kill: every acknowledged command's effect is there, and each command
 * still in flight is either wholly there (effect and log row) or not at all.
 */
export function checkAfterKill(stored: StoredMeeting, ledger: CrashLedger): KillCheck {
  const problems: string[] = []
  const maps = meetingMaps(stored.doc)
  const people = vaultMaps(stored.vault)
  const expected = new Map<string, Person>()
  let expectedStage = ledger.stage
  for (const [label, person] of ledger.people) expected.set(label, { ...person })
  const inFlight = ledger.inFlight()
  let inFlightCommitted = 0
  const joins = loggedJoins(stored)
  for (const entry of inFlight) {
    if (!isLogged(stored, ledger, entry)) continue
    inFlightCommitted++
    const person = expected.get(entry.label) as Person
    const stand = { stage: expectedStage }
    const result =
      entry.intent.type === 'join'
        ? { participantId: joins.get(entry.intent.name) }
        : entry.intent.type === 'changeStage'
          ? { stage: stageAfter(expectedStage, entry.intent.move) }
          : {}
    applyIntent(person, { ...entry, result }, stand)
    expectedStage = stand.stage
  }

  const storedStage = (maps.meeting.get('stage') as { stage: Stage } | undefined)?.stage
  if (storedStage !== expectedStage) problems.push(`stage is ${storedStage}, expected ${expectedStage}`)
  const participantsByName = new Map<string, string[]>()
  people.participants.forEach((record, id) => participantsByName.set(record.name, [...(participantsByName.get(record.name) ?? []), id]))
  for (const person of expected.values()) {
    if (person.participantId === null) {
      // Not joined (or a join in flight that was not committed): nobody by that name may exist.
      const name = joinNameOf(ledger, person.label)
      if (name && participantsByName.has(name)) problems.push(`${person.label}: an uncommitted join left participant "${name}"`)
      continue
    }
    const record = people.participants.get(person.participantId)
    if (!record) {
      problems.push(`${person.label}: participant ${person.participantId} missing`)
      continue
    }
    if (record.name !== person.name) problems.push(`${person.label}: name is "${record.name}", expected "${person.name}"`)
    const done = people.done.get(person.participantId) ?? null
    if (done !== person.done) problems.push(`${person.label}: done is ${done}, expected ${person.done}`)
    if (!stored.credentials.has(person.participantId)) problems.push(`${person.label}: no stored credential`)
  }
  for (const [name, ids] of participantsByName) if (ids.length > 1) problems.push(`"${name}" joined ${ids.length} times`)
  for (const entry of ledger.entries) {
    if (entry.status === 'acked' && !isLogged(stored, ledger, entry))
      problems.push(`${entry.label}: acknowledged ${entry.intent.type} is not in the command log`)
  }
  return { problems, inFlight: inFlight.length, inFlightCommitted }
}

function joinNameOf(ledger: CrashLedger, label: string): string | null {
  for (const entry of ledger.entries) if (entry.label === label && entry.intent.type === 'join') return entry.intent.name
  return null
}

const WORKING: readonly Stage[] = ['mission', 'submit', 'group', 'vote', 'keyResults', 'review', 'published']
function stageAfter(stage: Stage, move: 'advance' | 'back'): Stage {
  const i = WORKING.indexOf(stage)
  return WORKING[move === 'advance' ? i + 1 : i - 1] as Stage
}

/** The stored state vectors of both docs at some moment. */
export interface StoredStateVectors {
  doc: Map<number, number>
  vault: Map<number, number>
}

export interface ReplayAudit {
  /** In-flight commands that were committed before the kill and were applied again after the restart. */
  appliedTwice: string[]
  /** In-flight commands that were not committed before the kill and were applied exactly once after it. */
  appliedOnce: number
  /** Committed before the kill and answered from the log after it. */
  replayed: number
  /** New stored structs whose content a compaction removed, so the audit cannot attribute them. */
  opaqueLength: number
}

/**
 * Looks at every item the server stored after `since` (the stored state vector at the first kill): commands that
 * were in flight then may have applied once, if they had not been committed, and never if they had.
 */
export function auditReplays(
  stored: StoredMeeting,
  since: StoredStateVectors,
  ledger: CrashLedger,
  inFlightAtKill: { entry: Entry; isLogged: boolean }[],
): ReplayAudit {
  // Stage moves are in the shared doc; people and done marks in the server-only vault.
  const shared = itemsCreatedSince(stored.doc, since.doc)
  const vault = itemsCreatedSince(stored.vault, since.vault)
  const items = [...shared.items, ...vault.items]
  const opaqueLength = shared.opaqueLength + vault.opaqueLength
  const count = (map: string, key: string | null, match: (content: unknown) => boolean) =>
    items.filter((i) => i.map === map && i.key === key && match(i.content)).length
  const audit: ReplayAudit = { appliedTwice: [], appliedOnce: 0, replayed: 0, opaqueLength }
  for (const { entry, isLogged: wasLogged } of inFlightAtKill) {
    const person = ledger.person(entry.label)
    const intent = entry.intent
    let applications: number
    if (intent.type === 'join') {
      applications = count('participants', person.participantId, (c) => (c as { name?: string }).name === intent.name)
      // A join adds a participant; one applied twice adds a second one under another id.
      const sameName = items.filter((i) => i.map === 'participants' && (i.content as { name?: string }).name === intent.name)
      if (new Set(sameName.map((i) => i.key)).size > 1) audit.appliedTwice.push(`${entry.label}: join "${intent.name}" created two participants`)
    } else if (intent.type === 'rename') {
      applications = count('participants', person.participantId, (c) => (c as { name?: string }).name === intent.name)
    } else if (intent.type === 'markDone') {
      if (!intent.done) continue // a deletion leaves no item to count, and applying it twice changes nothing
      applications = count('done', person.participantId, (c) => c === intent.stage)
    } else {
      applications = count('meeting', 'stage', () => true)
    }
    if (wasLogged && applications > 0) audit.appliedTwice.push(`${entry.label}: ${intent.type} ${entry.commandId} committed before the kill and applied again`)
    else if (applications > 1) audit.appliedTwice.push(`${entry.label}: ${intent.type} ${entry.commandId} applied ${applications} times`)
    else if (wasLogged) audit.replayed++
    else if (applications === 1) audit.appliedOnce++
  }
  return audit
}
