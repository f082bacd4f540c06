import type { WebSocket } from 'ws'

/** What ws keeps private about a frame still arriving; read only to notice that one is. */
interface ReceiverState {
  _bufferedBytes?: number
  _fragments?: unknown[]
}

export type FrameTimeout = 'first_frame' | 'incomplete_frame'

/**
 * Deadlines ws does not have: a new socket must complete its first message within `timeoutMs` (a client that connects
 * and says nothing holds a slot for free), and no message may stay half-received longer than that (a frame trickled
 * a byte at a time would otherwise be held open forever). `onTimeout` is called once; the caller drops the socket.
 */
export function watchFrameDeadlines(ws: WebSocket, timeoutMs: number, onTimeout: (what: FrameTimeout) => void): { onMessage(): void; stop(): void } {
  let isStopped = false
  let firstFrame: NodeJS.Timeout | null = setTimeout(() => fire('first_frame'), timeoutMs)
  let incomplete: NodeJS.Timeout | null = null
  const internals = ws as unknown as { _socket?: NodeJS.EventEmitter; _receiver?: ReceiverState }
  const socket = internals._socket

  function fire(what: FrameTimeout): void {
    if (isStopped) return
    stop()
    onTimeout(what)
  }

  // Runs after ws's own 'data' listener (added before ours), which has parsed and delivered every complete message
  // in the chunk: whatever the receiver still holds is part of a message that has not finished arriving.
  function onData(): void {
    const receiver = internals._receiver
    const isPartial = (receiver?._bufferedBytes ?? 0) > 0 || (receiver?._fragments?.length ?? 0) > 0
    if (isPartial) incomplete ??= setTimeout(() => fire('incomplete_frame'), timeoutMs)
    else if (incomplete) {
      clearTimeout(incomplete)
      incomplete = null
    }
  }
  socket?.on('data', onData)

  function stop(): void {
    isStopped = true
    if (firstFrame) clearTimeout(firstFrame)
    if (incomplete) clearTimeout(incomplete)
    firstFrame = incomplete = null
    socket?.off('data', onData)
  }

  return {
    onMessage() {
      if (firstFrame) clearTimeout(firstFrame)
      firstFrame = null
    },
    stop,
  }
}
