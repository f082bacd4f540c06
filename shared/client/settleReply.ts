import type { z } from 'zod'
import type { CommandError, ServerMessageSchema } from '../protocol/messages.ts'
import { CommandFailure } from './CommandFailure.ts'

/** A command sent (or queued while offline) and not answered yet. */
export interface PendingCommand<C> {
  command: C
  resolve: (result: unknown) => void
  reject: (error: CommandFailure) => void
}

type Reply = Extract<z.infer<typeof ServerMessageSchema>, { kind: 'reply' }>

/**
 * Settles the pending command a reply answers: removes it (then `onPendingChange`), reads the server clock from an
 * ok result's `serverNow` (`onServerNow`), and resolves it, or rejects it with a CommandFailure. A refusal that
 * answers nothing pending (no id, or a command already settled) goes to `onNotice`; an ok reply to nothing is dropped.
 */
export function settleReply<C>(
  pending: Map<string, PendingCommand<C>>,
  message: Reply,
  hooks: { onPendingChange: () => void; onServerNow: (serverNow: number) => void; onNotice: (error: CommandError) => void },
): void {
  const waiting = message.id === null ? undefined : pending.get(message.id)
  if (!waiting) {
    if (!message.ok) hooks.onNotice(message.error)
    return
  }
  pending.delete(message.id as string)
  hooks.onPendingChange()
  if (message.ok) {
    const result = message.result as { serverNow?: unknown }
    if (typeof result?.serverNow === 'number') hooks.onServerNow(result.serverNow)
    waiting.resolve(message.result)
  } else {
    waiting.reject(new CommandFailure(message.error))
  }
}

/**
 * How many pending commands are changes the person is waiting on: the "n changes are waiting to be saved" figure.
 * A hello or a question in flight when the socket dropped is not unsaved work, and counting it would say otherwise.
 */
export function countWaitingChanges<C extends { type: string }>(
  pending: ReadonlyMap<string, PendingCommand<C>>,
  isQuestion: (type: C['type']) => boolean,
): number {
  let count = 0
  for (const { command } of pending.values()) if (command.type !== 'hello' && !isQuestion(command.type)) count++
  return count
}

/** Drops the hellos of earlier sockets: a new socket gets its own, and the old ones will never be answered. */
export function forgetEarlierHellos<C extends { type: string }>(pending: Map<string, PendingCommand<C>>): void {
  for (const [id, { command }] of pending) if (command.type === 'hello') pending.delete(id)
}
