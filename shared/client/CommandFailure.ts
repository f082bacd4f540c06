import type { CommandError } from '../protocol/messages.ts'

/** A command the server refused: `code` is machine-readable, `message` is a sentence for people. */
export class CommandFailure extends Error {
  readonly code: CommandError['code']
  constructor(error: CommandError) {
    super(error.message)
    this.code = error.code
    this.name = 'CommandFailure'
  }
}
