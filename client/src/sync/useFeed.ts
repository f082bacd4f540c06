import { useSyncExternalStore } from 'react'
import type { FeedName, MeetingClient } from '../../../shared/client/MeetingClient.ts'
import type { RosterEntry } from '../../../shared/presence/presenceTypes.ts'
import type { OwnSubmission, PublicSubmission } from '../../../shared/submissions/submissionTypes.ts'

/** This person's own and supported proposals, pushed privately by the server. */
export function useMySubmissions(client: MeetingClient): OwnSubmission[] {
  return useSyncExternalStore(
    (onChange) => subscribe(client, 'mine', onChange),
    () => client.mySubmissions,
  )
}

/** Every proposal, for the facilitator only. */
export function useModerationFeed(client: MeetingClient): PublicSubmission[] {
  return useSyncExternalStore(
    (onChange) => subscribe(client, 'moderation', onChange),
    () => client.moderation,
  )
}

/** This person's secret ballot for the current round. */
export function useMyBallot(client: MeetingClient): { round: number; ballot: Record<string, number> } {
  return useSyncExternalStore(
    (onChange) => subscribe(client, 'ballot', onChange),
    () => client.myBallot,
  )
}

/** Your own record: name, done mark, voted round. */
export function useMe(client: MeetingClient): RosterEntry | null {
  return useSyncExternalStore(
    (onChange) => subscribe(client, 'self', onChange),
    () => client.me,
  )
}

/** Everyone in the meeting, for the facilitator only. */
export function useRoster(client: MeetingClient): RosterEntry[] {
  return useSyncExternalStore(
    (onChange) => subscribe(client, 'roster', onChange),
    () => client.roster,
  )
}

type Feed = FeedName

function subscribe(client: MeetingClient, feed: Feed, onChange: () => void): () => void {
  const handler = (changed: Feed) => {
    if (changed === feed) onChange()
  }
  client.on('feed', handler)
  return () => client.off('feed', handler)
}
