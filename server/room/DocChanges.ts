import * as Y from 'yjs'
import type { VaultBatch } from '../persistence/MeetingStore.ts'
import { addDeletions, type DeletedRanges, type DocState, docState, encodeTickUpdate, transactionChanged } from './tickUpdate.ts'

/**
 * The changes of one server-written Y.Doc since the last commit, and when to compact: every this-many stored
 * updates, the commit replaces the doc's stored log by one snapshot.
 *
 * No per-transaction update is encoded: a vote burst runs hundreds of one-ballot transactions per commit tick, and
 * encoding each (then merging them all) was a quarter of the burst's CPU. The commit encodes the structs added since
 * the last one once, with the deletions its transactions collected (see tickUpdate.ts).
 */
export class DocChanges {
  private since: DocState
  private deleted: DeletedRanges = new Map()
  private changed = false
  private updatesSinceSnapshot: number

  constructor(
    private readonly doc: Y.Doc,
    storedUpdates: number,
    private readonly compactAfterUpdates: number,
    onChange: () => void,
  ) {
    this.updatesSinceSnapshot = storedUpdates
    this.since = docState(doc)
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (!transactionChanged(transaction)) return
      addDeletions(this.deleted, transaction)
      this.changed = true
      onChange()
    })
  }

  get hasPending(): boolean {
    return this.changed
  }

  /** Hands over the pending changes as one update (and a snapshot when it is time to compact). */
  take(): VaultBatch {
    if (!this.changed) return { update: null, snapshot: null }
    const update = encodeTickUpdate(this.doc, this.since, this.deleted)
    this.drop()
    let snapshot: Uint8Array | null = null
    if (++this.updatesSinceSnapshot >= this.compactAfterUpdates) {
      snapshot = Y.encodeStateAsUpdate(this.doc)
      this.updatesSinceSnapshot = 1
    }
    return { update, snapshot }
  }

  drop(): void {
    this.since = docState(this.doc)
    this.deleted = new Map()
    this.changed = false
  }
}
