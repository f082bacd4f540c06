import type { SocketTarget } from '../sync/attachSocket.ts'
import { handleTeamFrame } from './handleTeamFrame.ts'
import type { TeamRoom } from './TeamRoom.ts'

/** A team space's socket: `/ws/team/<teamId>` (the y-websocket room name is the team id). */
export const TEAM_PATH = /^\/ws\/team\/([A-Za-z0-9_-]{10,64})$/

export function teamTarget(room: TeamRoom): SocketTarget {
  return {
    id: `team/${room.id}`,
    addConnection: (conn) => room.addConnection(conn),
    removeConnection: (conn) => room.removeConnection(conn),
    handle: (conn, frame) => handleTeamFrame(room, conn, frame),
  }
}
