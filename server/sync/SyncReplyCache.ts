import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { MESSAGE_SYNC } from '../../shared/protocol/wire.ts'

/** Distinct partial answers kept per doc version; a reconnect storm asks from a handful of states at most. */
const MAX_PARTIAL_REPLIES = 16

/**
 * Sync step 2 answers for one server-written doc, encoded once per doc version. A client's state vector is first
 * reduced to what it can mean for this doc: clients the doc has never seen are dropped and clocks are capped at the
 * doc's own. A made-up state vector then collapses onto "everything" (the fresh-client answer) or "nothing new",
 * both cached, instead of costing a full encoding each time it is sent.
 */
export class SyncReplyCache {
  private whole: Uint8Array | null = null
  private upToDate: Uint8Array | null = null
  private docClocks: Map<number, number> | null = null
  private readonly partial = new Map<string, Uint8Array>()

  constructor(private readonly doc: Y.Doc) {}

  /** The doc changed: every cached answer is stale. */
  invalidate(): void {
    this.whole = null
    this.upToDate = null
    this.docClocks = null
    this.partial.clear()
  }

  /** The sync step 2 frame for a (decodable) state vector. */
  frameFor(stateVector: Uint8Array): Uint8Array {
    if (!this.docClocks) this.docClocks = Y.decodeStateVector(Y.encodeStateVector(this.doc))
    const docClocks = this.docClocks
    const claimed = Y.decodeStateVector(stateVector)
    const effective = new Map<number, number>()
    let isUpToDate = true
    for (const [client, clock] of docClocks) {
      const has = Math.min(claimed.get(client) ?? 0, clock)
      if (has > 0) effective.set(client, has)
      if (has < clock) isUpToDate = false
    }
    if (effective.size === 0) {
      if (!this.whole) this.whole = this.encode(null)
      return this.whole
    }
    if (isUpToDate) {
      if (!this.upToDate) this.upToDate = this.encode(Y.encodeStateVector(effective))
      return this.upToDate
    }
    const reduced = Y.encodeStateVector(effective)
    const key = Buffer.from(reduced).toString('base64')
    const cached = this.partial.get(key)
    if (cached) return cached
    const frame = this.encode(reduced)
    if (this.partial.size >= MAX_PARTIAL_REPLIES) this.partial.delete(this.partial.keys().next().value as string)
    this.partial.set(key, frame)
    return frame
  }

  private encode(stateVector: Uint8Array | null): Uint8Array {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
    encoding.writeVarUint8Array(encoder, stateVector ? Y.encodeStateAsUpdate(this.doc, stateVector) : Y.encodeStateAsUpdate(this.doc))
    return encoding.toUint8Array(encoder)
  }
}
