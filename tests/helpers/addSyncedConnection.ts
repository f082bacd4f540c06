import type { RoomConnection } from '../../server/sync/RoomConnection.ts'

interface SyncingRoom {
  addConnection(conn: RoomConnection): void
  answerSyncStep1(conn: RoomConnection, stateVector: Uint8Array): boolean
}

/** An empty state vector: "I have nothing yet". */
const NOTHING_YET = new Uint8Array([0])

/**
 * Adds `conn` the way a real client joins: its sync step 1 answered, since only then does a room send it updates.
 * The answer's log lines are dropped so a test's log starts with what the test itself does.
 */
export function addSyncedConnection(room: SyncingRoom, conn: RoomConnection, log: string[]): void {
  const before = log.length
  room.addConnection(conn)
  room.answerSyncStep1(conn, NOTHING_YET)
  log.length = before
}
