import type * as Y from 'yjs'
import type { ParticipantRecord } from '../../shared/meeting/meetingDoc.ts'
import type { Stage } from '../../shared/stages/stages.ts'
import { vaultMaps } from './vaultDoc.ts'

/**
 * Meetings stored before 2026-11-25 kept people, online marks, done marks and "who voted" in the shared doc.
 * On load, move them into the vault and empty the shared maps, so old meetings stop sending names to everyone.
 * Runs once per room load; a meeting already moved has empty shared maps and nothing happens.
 */
export function moveLegacyPresence(doc: Y.Doc, vault: Y.Doc, origin: unknown): void {
  const participants = doc.getMap<ParticipantRecord>('participants')
  const online = doc.getMap<boolean>('online')
  const done = doc.getMap<Stage>('done')
  const voted = doc.getMap<number>('voted')
  if (participants.size + online.size + done.size + voted.size === 0) return
  const target = vaultMaps(vault)
  vault.transact(() => {
    participants.forEach((p, id) => {
      if (!target.participants.has(id)) target.participants.set(id, p)
    })
    done.forEach((stage, id) => target.done.set(id, stage))
    voted.forEach((round, id) => target.voted.set(id, round))
  }, origin)
  doc.transact(() => {
    for (const map of [participants, online, done, voted]) map.clear()
  }, origin)
}
