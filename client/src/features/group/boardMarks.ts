/**
 * User Timing marks the board leaves in the page (`performance.getEntriesByType('mark')`), read by the browser
 * bench (tests/bench/browser/boardDragBench.ts) and visible in any Chrome performance profile.
 */
export const BOARD_MARKS = {
  dragStart: 'qd-board:drag-start',
  drop: 'qd-board:drop',
  /** The server acknowledged a move (stored and broadcast). */
  confirmed: 'qd-board:confirmed',
  /** The server refused a move; the board shows the doc's state again. */
  rolledBack: 'qd-board:rolled-back',
} as const
