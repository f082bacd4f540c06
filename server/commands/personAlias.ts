import { createHmac, randomBytes } from 'node:crypto'

/** Per process: aliases need only be stable while a list is on screen, and must not be computable by anyone else. */
const ALIAS_KEY = randomBytes(32)

/**
 * What participants see instead of a person's id when authorship is anonymous: unique per meeting and person, but
 * never equal to the ids on cards, so a name from the people search cannot be matched to a proposal.
 */
export function personAlias(meetingScope: string, participantId: string): string {
  return `p-${createHmac('sha256', ALIAS_KEY).update(`${meetingScope}\u0000${participantId}`).digest('base64url').slice(0, 16)}`
}
