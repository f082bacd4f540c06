import type { meetingMaps } from '../../shared/meeting/meetingDoc.ts'
import { MAX_OBJECTIVE_TITLE_LENGTH } from '../../shared/submissions/submissionTypes.ts'
import type { Actor } from '../../shared/stages/permissions.ts'
import type { VaultMaps } from '../meeting/vaultDoc.ts'

/**
 * The titles a command will compare, for the sentence model to embed before it runs: the board's
 * cards for "Suggest clusters", the typed text and the open proposals for the duplicate check.
 * Reads the raw (not yet validated) command defensively; anything else, or an actor the command will
 * refuse, needs nothing: nobody can make the server call the model for a command that will not run.
 */
export function textsToEmbed(raw: unknown, actor: Actor, maps: ReturnType<typeof meetingMaps>, vault: VaultMaps): string[] {
  const type = (raw as { type?: unknown } | null)?.type
  if (actor.role === 'anonymous') return []
  if (type === 'suggestClusters' && actor.role === 'facilitator') return [...maps.cards.values()].map((c) => c.title)
  if (type === 'findSimilar') {
    const text = (raw as { text?: unknown }).text
    if (typeof text !== 'string' || text.length > MAX_OBJECTIVE_TITLE_LENGTH * 2) return []
    const titles = [text]
    for (const s of vault.submissions.values()) if (s.status === 'active') titles.push(s.title)
    return titles
  }
  return []
}
