/**
 * People and rounds behind the stored ballots (keys `<round>:<participantId>`, one per person per round): the
 * published summary says "4 people voted, over 2 rounds", not "8 ballots" for four voters.
 */
export function countVoters(ballotKeys: Iterable<string>): { voters: number; votingRounds: number } {
  const voters = new Set<string>()
  const rounds = new Set<string>()
  for (const key of ballotKeys) {
    const colon = key.indexOf(':')
    if (colon <= 0) continue
    rounds.add(key.slice(0, colon))
    voters.add(key.slice(colon + 1))
  }
  return { voters: voters.size, votingRounds: rounds.size }
}

/** The summary's voting phrase; sets published before voters were counted say what they have: ballots. */
export function describeVoting(summary: { ballots: number; voters?: number; votingRounds?: number }): string {
  if (summary.voters === undefined) return `${summary.ballots.toLocaleString('en')} ballots`
  const people = `${summary.voters.toLocaleString('en')} ${summary.voters === 1 ? 'person' : 'people'} voted`
  return (summary.votingRounds ?? 1) > 1 ? `${people} (over ${summary.votingRounds} rounds)` : people
}
