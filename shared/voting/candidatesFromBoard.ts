import type { CardRecord, ClusterRecord } from '../board/boardTypes.ts'
import type { VoteCandidate } from './voteState.ts'

/** The people behind some cards (authors and supporters), each once: who may not vote for their own candidate. */
export function peopleOfCards(cards: readonly CardRecord[]): string[] {
  return [...new Set(cards.flatMap((c) => [...c.authorIds, ...c.supporterIds]))]
}

/** What the vote is over: each cluster as one candidate (named by its cluster), and each card left on its own. */
export function candidatesFromBoard(cards: readonly CardRecord[], clusters: readonly ClusterRecord[]): VoteCandidate[] {
  const byCreation = <T extends { createdAt: number; id: string }>(a: T, b: T) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)
  const people = peopleOfCards
  const out: VoteCandidate[] = []
  for (const cluster of [...clusters].sort(byCreation)) {
    const members = cards.filter((c) => c.clusterId === cluster.id).sort(byCreation)
    if (members.length === 0) continue
    out.push({ id: cluster.id, title: cluster.name, authorIds: people(members), cardIds: members.map((c) => c.id) })
  }
  for (const card of [...cards].filter((c) => c.clusterId === null).sort(byCreation)) {
    out.push({ id: card.id, title: card.title, authorIds: people([card]), cardIds: [card.id] })
  }
  return out
}

/** The vote must have decided the objectives before the meeting drafts key results for them. */
export function checkCanLeaveVote(chosenIds: readonly string[] | null | undefined): { ok: true } | { ok: false; reason: string } {
  return chosenIds && chosenIds.length > 0 ? { ok: true } : { ok: false, reason: 'Reveal the vote and settle any tie before moving on to key results.' }
}
