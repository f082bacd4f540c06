import { boardOpen } from './boardOpen.ts'
import { groupToVote } from './groupToVote.ts'
import { idlePresence } from './idlePresence.ts'
import { joinStorm } from './joinStorm.ts'
import { reveal } from './reveal.ts'
import { submitBurst } from './submitBurst.ts'
import type { Scenario } from './types.ts'
import { voteBurst } from './voteBurst.ts'

/**
 * Run order within one session (one server, one room). Join storm always runs: it builds the room the
 * others use. The submit burst fills the board that board open then opens (Submit → Group) for the vote. Idle runs last because
 * peers may still be draining its awareness traffic when the session ends.
 * To add a scenario: write a module exporting a `Scenario` and put it here.
 */
export const SCENARIOS: readonly Scenario[] = [joinStorm, submitBurst, boardOpen, groupToVote, voteBurst, reveal, idlePresence]
