import type * as Y from 'yjs'
import { cascadeMaps, type CascadeLink } from '../../shared/cascade/cascadeDoc.ts'
import type { Command } from '../../shared/protocol/messages.ts'

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
