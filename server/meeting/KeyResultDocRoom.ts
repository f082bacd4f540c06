import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { MESSAGE_SYNC } from '../../shared/protocol/wire.ts'
import { checkKeyResultDocShape, statementsOf, type DocCheck } from '../../shared/keyResults/keyResultDoc.ts'
import type { RoomConnection } from '../sync/RoomConnection.ts'
import { mergeUpdates } from '../sync/mergeUpdates.ts'

/**
 * One objective's co-edited key-result statements: the only doc clients write, and only while the meeting is in
 * Key results. Client edits are checked on a copy first; what passes is applied, stored with the meeting's next
 * group commit, and only then sent to everyone editing.
 */
export class KeyResultDocRoom {
  readonly doc = new Y.Doc({ gc: true })
  readonly connections = new Set<RoomConnection>()
  private pendingUpdates: Uint8Array[] = []
  private toBroadcast: Uint8Array | null = null
  private updatesSinceSnapshot: number

  constructor(
    readonly objectiveId: string,
    storedUpdates: readonly Uint8Array[],
    private readonly onDirty: () => void,
    private readonly compactAfterUpdates: number,
  ) {
    for (const update of storedUpdates) Y.applyUpdate(this.doc, update, 'storage')
    this.updatesSinceSnapshot = storedUpdates.length
    this.doc.on('update', (update: Uint8Array) => {
      this.pendingUpdates.push(update)
      this.onDirty()
    })
  }

  get docName(): string {
    return `kr:${this.objectiveId}`
  }

  get hasPending(): boolean {
    return this.pendingUpdates.length > 0
  }

  /** Server-side structure changes: a new key result's (empty or seeded) statement, or its removal. */
  setStatement(keyResultId: string, text: string | null): void {
    this.doc.transact(() => {
      const statements = statementsOf(this.doc)
      if (text === null) statements.delete(keyResultId)
      else {
        const y = new Y.Text()
        y.insert(0, text)
        statements.set(keyResultId, y)
      }
    }, 'server')
  }

  /** A client's edit: checked on a copy of the doc, applied only if the result keeps the doc's shape. */
  applyClientUpdate(update: Uint8Array, origin: RoomConnection): DocCheck {
    const trial = new Y.Doc({ gc: false })
    try {
      Y.applyUpdate(trial, Y.encodeStateAsUpdate(this.doc))
      Y.applyUpdate(trial, update)
    } catch {
      trial.destroy()
      return { ok: false, reason: 'The update is not a valid Yjs update.' }
    }
    // An update that depends on edits the server never accepted would wait in the doc as "pending" forever.
    const store = trial.store as unknown as { pendingStructs: unknown; pendingDs: unknown }
    if (store.pendingStructs !== null || store.pendingDs !== null) {
      trial.destroy()
      return { ok: false, reason: 'This edit builds on changes the server does not have; reload to resync.' }
    }
    const ids = new Set(statementsOf(this.doc).keys())
    const shape = checkKeyResultDocShape(trial, ids)
    trial.destroy()
    if (!shape.ok) return shape
    Y.applyUpdate(this.doc, update, origin)
    return { ok: true }
  }

  syncStep2For(stateVector: Uint8Array): Uint8Array {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(this.doc, stateVector))
    return encoding.toUint8Array(encoder)
  }

  /** The server's own step 1, so a reconnecting editor uploads what it typed while offline. */
  syncStep1(): Uint8Array {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeSyncStep1(encoder, this.doc)
    return encoding.toUint8Array(encoder)
  }

  takeBatch(): { name: string; update: Uint8Array | null; snapshot: Uint8Array | null } {
    const update = this.pendingUpdates.length === 0 ? null : mergeUpdates(this.pendingUpdates)
    this.pendingUpdates = []
    this.toBroadcast = update
    let snapshot: Uint8Array | null = null
    if (update && ++this.updatesSinceSnapshot >= this.compactAfterUpdates) {
      snapshot = Y.encodeStateAsUpdate(this.doc)
      this.updatesSinceSnapshot = 1
    }
    return { name: this.docName, update, snapshot }
  }

  onCommitted(): void {
    const update = this.toBroadcast
    this.toBroadcast = null
    if (!update) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeUpdate(encoder, update)
    const frame = encoding.toUint8Array(encoder)
    for (const conn of this.connections) conn.send(frame)
  }

  dropUncommitted(): void {
    this.pendingUpdates = []
    this.toBroadcast = null
  }
}
