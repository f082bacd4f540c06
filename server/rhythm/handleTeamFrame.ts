import type { RoomConnection } from '../sync/RoomConnection.ts'
import { handleFrame, type FrameVerdict } from '../sync/handleFrame.ts'
import type { TeamRoom } from './TeamRoom.ts'

const TEAM_READ_ONLY = { readOnlyNotice: 'The team space is read-only for clients: changes go through commands.' }

/**
 * One frame on a team space's socket: the y-websocket protocol with the doc read-only for clients (like the
 * meeting doc), and commands on the app channel. Never throws for bad input; a refused frame changes nothing.
 */
export function handleTeamFrame(room: TeamRoom, conn: RoomConnection, frame: Uint8Array): FrameVerdict {
  return handleFrame(room, conn, frame, TEAM_READ_ONLY)
}
