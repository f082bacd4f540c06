import type { Actor } from '../../shared/stages/permissions.ts'

/** One socket as a room sees it: who is on it, and how to reach it. */
export interface RoomConnection {
  actor: Actor
  send(frame: Uint8Array): void
  close(code: number, reason: string): void
}
