import type { CommandType } from '../../shared/protocol/messages.ts'
import type { CommandHandler } from '../meeting/commandTypes.ts'
import { changeStage } from './changeStage.ts'
import { join } from './join.ts'
import { markDone } from './markDone.ts'
import { rename } from './rename.ts'
import { startTimer, stopTimer } from './timer.ts'

/** Every command that changes the meeting. `hello` is not here: it binds a socket and changes nothing stored. */
export const COMMAND_HANDLERS: { [T in Exclude<CommandType, 'hello'>]: CommandHandler<T> } = {
  join,
  rename,
  changeStage,
  markDone,
  startTimer,
  stopTimer,
}
