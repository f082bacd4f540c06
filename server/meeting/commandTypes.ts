import type * as Y from 'yjs'
import type { Actor } from '../../shared/stages/permissions.ts'
import type { Stage } from '../../shared/stages/stages.ts'
import type { CommandError, CommandOf, CommandResults, CommandType } from '../../shared/protocol/messages.ts'
import type { meetingMaps } from '../../shared/meeting/meetingDoc.ts'
import type { Credential } from '../persistence/MeetingStore.ts'

export interface CommandContext {
  doc: Y.Doc
  maps: ReturnType<typeof meetingMaps>
  actor: Actor
  stage: Stage
  now: number
  participantCount: number
  maxParticipants: number
  /** Stores a new or rotated credential in the same commit as the command. */
  saveCredential(credential: Credential): void
  /** Binds the current socket to a participant (after join). */
  becomeParticipant(actor: Exclude<Actor, { role: 'anonymous' }>): void
}

export type Outcome<R> = { ok: true; result: R; logged?: unknown } | { ok: false; error: CommandError }

export type CommandHandler<T extends CommandType> = (ctx: CommandContext, command: CommandOf<T>) => Outcome<CommandResults[T]>

export function refuse(code: CommandError['code'], message: string): { ok: false; error: CommandError } {
  return { ok: false, error: { code, message } }
}
