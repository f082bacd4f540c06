import type { WireKind } from '../loadgen/wire.ts'

export type TargetName = 'quarterdeck' | 'y-websocket' | 'hocuspocus'
export const PEER_NAMES = ['y-websocket', 'hocuspocus'] as const satisfies readonly TargetName[]

export interface TargetStartOptions {
  /** Write a V8 CPU profile of the server child into this directory (it is stopped with SIGTERM then). */
  cpuProfDir: string | null
}

/** A server under test, running in its own child process, with one room/meeting ready. */
export interface RunningTarget {
  name: TargetName
  pid: number
  /** WebSocket URL of the room: every client of the run connects here. */
  roomUrl: string
  /** Hocuspocus names the document inside every frame. */
  documentName: string
  wire: WireKind
  /** Quarterdeck only: the facilitator's token for the meeting. */
  facilitatorToken: string | null
  /** Log lines at warn level or above (Quarterdeck: pino level ≥ 40; peers: stderr lines). */
  warningCount(): number
  logTail(): string[]
  /** How the server process ended if it ended by itself (crash, signal from elsewhere), else null. */
  exitInfo(): string | null
  stop(): Promise<void>
}

export interface Target {
  name: TargetName
  start(options: TargetStartOptions): Promise<RunningTarget>
}
