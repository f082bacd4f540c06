import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { Awareness } from 'y-protocols/awareness'
import { encodeAppMessage } from '../protocol/wire.ts'
import { MESSAGE_APP } from '../protocol/wire.ts'
import { statementsOf } from '../keyResults/keyResultDoc.ts'
import { newCommandId } from './commandId.ts'

export interface KeyResultDocOptions {
  /** Base WebSocket URL, e.g. `ws://localhost:3000/ws`. */
  serverUrl: string
  meetingId: string
  objectiveId: string
  token: string | null
  WebSocketPolyfill?: unknown
}

/**
 * One objective's co-edited key-result statements over its own y-websocket connection
 * (`/ws/<meetingId>/kr/<objectiveId>`). Says hello with the person's token after every connect, so the server
 * knows who edits; edits typed offline are sent when the connection is back.
 */
export class KeyResultDocClient {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider

  constructor(options: KeyResultDocOptions) {
    const awareness = new Awareness(this.doc)
    awareness.setLocalState(null)
    this.provider = new WebsocketProvider(`${options.serverUrl}/${options.meetingId}/kr`, options.objectiveId, this.doc, {
      awareness,
      disableBc: true,
      maxBackoffTime: 2000,
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill as typeof WebSocket } : {}),
    })
    // Replies (to hello) and notices need no handling here; without a handler y-websocket would log an error.
    this.provider.messageHandlers[MESSAGE_APP] = () => {}
    this.provider.on('status', ({ status }) => {
      const ws = this.provider.ws
      if (status === 'connected' && options.token && ws) ws.send(encodeAppMessage({ id: newCommandId(), type: 'hello', token: options.token }))
    })
  }

  statement(keyResultId: string): Y.Text | undefined {
    return statementsOf(this.doc).get(keyResultId)
  }

  destroy(): void {
    this.provider.destroy()
    this.doc.destroy()
  }
}
