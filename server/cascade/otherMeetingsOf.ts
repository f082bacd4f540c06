import type * as Y from 'yjs'
import { cascadeMaps, type CascadeLink } from '../../shared/cascade/cascadeDoc.ts'
import type { Command } from '../../shared/protocol/messages.ts'
import type { Awaitable } from '../persistence/MeetingStore.ts'

/**
 * The other meetings a command may write in the same commit (the cascade), so the room can load them before the
 * command runs: a handler runs inside one synchronous Y transaction and cannot wait for storage.
 */
export function otherMeetingsOf(doc: Y.Doc, command: Command): string[] {
  switch (command.type) {
    case 'confirmDepartmentSet':
    case 'sendBackDepartmentSet':
      return [command.departmentMeetingId]
    // Publishing a department set submits it to the company; personal OKRs are mirrored on the company's copy.
    case 'changeStage':
    case 'addPersonalObjective':
    case 'removePersonalObjective': {
      const link = cascadeMaps(doc).cascade.get('link') as CascadeLink | undefined
      return link ? [link.companyMeetingId] : []
    }
    default:
      return []
  }
}

/** Loads the other meetings `command` may write (at once when the store answers synchronously). */
export function loadOtherMeetings<Room>(
  doc: Y.Doc,
  selfId: string,
  command: Command,
  load: ((meetingId: string) => Awaitable<Room | null>) | undefined,
): Awaitable<Map<string, Room | null>> {
  const ids = otherMeetingsOf(doc, command).filter((id) => id !== selfId)
  const rooms = ids.map((id) => load?.(id) ?? null)
  if (!rooms.some((r) => r instanceof Promise)) return new Map(ids.map((id, i) => [id, rooms[i] as Room | null]))
  return Promise.all(rooms).then((loaded) => new Map(ids.map((id, i) => [id, loaded[i] ?? null])))
}
