import { expect } from 'vitest'
import * as Y from 'yjs'
import type { PostgresMeetingStore } from '../../../server/cluster/postgres/PostgresMeetingStore.ts'
import { vaultMaps } from '../../../server/meeting/vaultDoc.ts'

/** What a cluster workload had acknowledged: participant id → name, submission id → title. */
export interface AcknowledgedWork {
  meetingId: string
  joined: ReadonlyMap<string, string>
  proposed: ReadonlyMap<string, string>
}

/**
 * 0 acknowledged lost, 0 applied twice, checked in Postgres itself: every acknowledged join and proposal is stored,
 * and a resent command (same id) created no second person or proposal. Returns what is stored.
 */
export async function auditWorkload(store: PostgresMeetingStore, work: AcknowledgedWork): Promise<{ stored: number; people: number }> {
  const stored = await store.loadMeeting(work.meetingId)
  const vault = new Y.Doc()
  for (const u of stored?.vaultUpdates ?? []) Y.applyUpdate(vault, u)
  const { participants, submissions } = vaultMaps(vault)
  const credentials = new Set(stored?.credentials.map((c) => c.participantId))
  for (const [id, name] of work.joined) {
    expect(participants.get(id)?.name).toBe(name)
    expect(credentials.has(id)).toBe(true)
  }
  for (const [id, title] of work.proposed) expect(submissions.get(id)?.title).toBe(title)
  const titles = [...submissions.values()].map((s) => s.title)
  expect(new Set(titles).size).toBe(titles.length)
  const names = [...participants.values()].map((p) => p.name)
  expect(new Set(names).size).toBe(names.length)
  return { stored: titles.length, people: names.length }
}
