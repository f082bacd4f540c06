/**
 * WebSocket close codes the server sends and the clients act on, in one place. 1xxx are RFC 6455 codes; 44xx are
 * Quarterdeck's own (the y-websocket client stops reconnecting on a 44xx code, so "does not exist" ends the retries).
 */
export const CLOSE = {
  /** The meeting, team space or objective of the socket's path does not exist. */
  notFound: 4404,
  /** The facilitator removed this person: their token no longer works (issue 15). */
  removed: 4403,
  /** Text frame on a binary protocol (RFC 6455: unsupported data). */
  unsupportedData: 1003,
  /** A frame that cannot be decoded (RFC 6455: invalid frame payload data). */
  malformedFrame: 1007,
  /** A flood of messages far over the rate limit (RFC 6455: policy violation). */
  policyViolation: 1008,
  /** A frame over the size limit; sent by `ws` itself through `maxPayload` (RFC 6455: message too big). */
  messageTooBig: 1009,
  /** The server failed (a bug, or storage refused a commit): reconnect and load again from disk. */
  internalError: 1011,
  /**
   * This node stopped serving the meeting (cluster mode: another node owns it now, or its owner went away): the
   * client reconnects at once and resends its queued commands with the same ids (RFC 6455: service restart).
   */
  serviceRestart: 1012,
} as const

export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE]
