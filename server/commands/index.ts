import type { CommandType } from '../../shared/protocol/messages.ts'
import type { CommandHandler } from '../meeting/commandTypes.ts'
import { changeStage } from './changeStage.ts'
import { join } from './join.ts'
import { markDone } from './markDone.ts'
import { rename } from './rename.ts'
import { startTimer, stopTimer } from './timer.ts'
import { updateSettings } from './updateSettings.ts'
import { submitObjective } from './submissions/submitObjective.ts'
import { editSubmission } from './submissions/editSubmission.ts'
import { withdrawSubmission } from './submissions/withdrawSubmission.ts'
import { supportSubmission } from './submissions/supportSubmission.ts'
import { findSimilar } from './submissions/findSimilar.ts'
import { findPeople } from './findPeople.ts'
import { removeParticipants } from './removeParticipants.ts'
import { hideSubmission } from './submissions/hideSubmission.ts'
import { createCluster, mergeCards, moveCard, renameCluster, retitleCard, undoMove } from './board/boardMoves.ts'
import { hideCard } from './board/hideCard.ts'
import { readAudit, resolveSuggestion, suggestClusters } from './board/suggestions.ts'
import {
  acceptKeyResult,
  deleteKeyResult,
  mergeKeyResults,
  moveKeyResult,
  proposeKeyResult,
  updateKeyResult,
  updateObjective,
} from './keyResults/keyResultCommands.ts'
import {
  addPersonalObjective,
  confirmDepartmentSetCommand,
  linkObjective,
  removePersonalObjective,
  reopenDepartmentSet,
  sendBackDepartmentSet,
} from '../cascade/cascadeCommands.ts'
import { closeVoting, configureVote, openVoting, pickTied, reopenVoting, revealVotes, setDots, startFinalRound, startRunoff } from './vote/voteCommands.ts'

/** Every command that changes the meeting. `hello` is not here: it binds a socket and changes nothing stored. */
export const COMMAND_HANDLERS: { [T in Exclude<CommandType, 'hello'>]: CommandHandler<T> } = {
  join,
  rename,
  changeStage,
  markDone,
  startTimer,
  stopTimer,
  updateSettings,
  removeParticipants,
  submitObjective,
  editSubmission,
  withdrawSubmission,
  supportSubmission,
  findSimilar,
  hideSubmission,
  mergeCards,
  moveCard,
  createCluster,
  renameCluster,
  retitleCard,
  undoMove,
  hideCard,
  suggestClusters,
  resolveSuggestion,
  readAudit,
  findPeople,
  configureVote,
  openVoting,
  setDots,
  closeVoting,
  reopenVoting,
  revealVotes,
  pickTied,
  startRunoff,
  startFinalRound,
  updateObjective,
  proposeKeyResult,
  updateKeyResult,
  acceptKeyResult,
  mergeKeyResults,
  deleteKeyResult,
  moveKeyResult,
  linkObjective,
  confirmDepartmentSet: confirmDepartmentSetCommand,
  sendBackDepartmentSet,
  reopenDepartmentSet,
  addPersonalObjective,
  removePersonalObjective,
}
