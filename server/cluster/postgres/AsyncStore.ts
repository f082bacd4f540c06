import type { MeetingStore, TeamSpaceStore } from '../../persistence/MeetingStore.ts'

/**
 * The store interface with every method returning a promise: the shape the room-core work (issue 13) gives
 * MeetingStore, derived here from today's synchronous interface so the two cannot drift apart. Once
 * MeetingStore itself is async this mapping is the identity and can go.
 */
export type Async<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : T[K]
}

export type AsyncMeetingStore = Async<MeetingStore>
export type AsyncTeamSpaceStore = Async<TeamSpaceStore>
