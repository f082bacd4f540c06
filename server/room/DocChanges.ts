import * as Y from 'yjs'
import type { VaultBatch } from '../persistence/MeetingStore.ts'
import { mergeUpdates } from '../sync/mergeUpdates.ts'

/**
 * The changes of one server-written Y.Doc since the last commit, and when to compact: every this-many stored
 * updates, the commit replaces the doc's stored log by one snapshot.
 */
export class DocChanges {
  private pending: Uint8Array[] = []
  private updatesSinceSnapshot: number

  constructor(
    private readonly doc: Y.Doc,
    storedUpdates: number,
    private readonly compactAfterUpdates: number,
    onChange: (update: Uint8Array) => void,
  ) {
    this.updatesSinceSnapshot = storedUpdates
    doc.on('update', (update: Uint8Array) => {
      this.pending.push(update)
      onChange(update)
    })
  }

  get hasPending(): boolean {
    return this.pending.length > 0
  }

  /** Hands over the pending changes as one update (and a snapshot when it is time to compact). */
  take(): VaultBatch {
    if (this.pending.length === 0) return { update: null, snapshot: null }
    const update = this.pending.length === 1 ? (this.pending[0] as Uint8Array) : mergeUpdates(this.pending)
    this.pending = []
    let snapshot: Uint8Array | null = null
    if (++this.updatesSinceSnapshot >= this.compactAfterUpdates) {
      snapshot = Y.encodeStateAsUpdate(this.doc)
      this.updatesSinceSnapshot = 1
    }
    return { update, snapshot }
  }

  drop(): void {
    this.pending = []
  }
}
