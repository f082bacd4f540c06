import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { Awareness } from 'y-protocols/awareness'
import type * as decoding from 'lib0/decoding'
import { ObservableV2 } from 'lib0/observable'
import { MESSAGE_APP, encodeAppMessage, readAppPayload } from '../protocol/wire.ts'
import { ServerMessageSchema, type CommandError } from '../protocol/messages.ts'
import type { TeamCommand, TeamCommandResults, TeamCommandType, TeamHelloResult } from '../rhythm/teamCommands.ts'
import { readTeamView, type TeamView } from '../rhythm/teamDoc.ts'
import { newCommandId } from './commandId.ts'
import { waitForEvents } from './waitForEvents.ts'
import { CommandFailure } from './CommandFailure.ts'
import type { ConnectionStatus } from './MeetingClient.ts'
import { countWaitingChanges, forgetEarlierHellos, settleReply, type PendingCommand } from './settleReply.ts'

type TeamCommandInput = TeamCommand extends infer C ? (C extends TeamCommand ? Omit<C, 'id'> : never) : never

export interface TeamClientOptions {
  /** Base WebSocket URL, e.g. `ws://localhost:3000/ws`; the team's socket is `${serverUrl}/team/${teamId}`. */
  serverUrl: string
  teamId: string
  /** The editor link's secret, when this person holds it. */
  editorToken?: string | null
  /** This browser's own random secret, for one reaction of each kind per win. */
  viewerSecret?: string | null
  WebSocketPolyfill?: unknown
  connect?: boolean
}

type TeamClientEvents = {
  status: (status: ConnectionStatus) => void
  synced: (isSynced: boolean) => void
  identity: (identity: TeamHelloResult | null) => void
  notice: (error: CommandError) => void
  pending: (count: number) => void
  /** The editor token was refused (a rotated link): the page falls back to read-only. */
  tokenRefused: () => void
}

type Pending = PendingCommand<TeamCommand>

/**
 * A team space over the same protocol as a meeting (see MeetingClient): the standard y-websocket sync of a
 * read-only doc, plus commands on the app channel, queued while offline and resent with the same id.
 */
export class TeamClient extends ObservableV2<TeamClientEvents> {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  readonly teamId: string
  status: ConnectionStatus = 'connecting'
  identity: TeamHelloResult | null = null
  clockOffsetMs = 0
  private editorToken: string | null
  private readonly viewerSecret: string | null
  private readonly pending = new Map<string, Pending>()

  constructor(options: TeamClientOptions) {
    super()
    this.teamId = options.teamId
    this.editorToken = options.editorToken ?? null
    this.viewerSecret = options.viewerSecret ?? null
    const awareness = new Awareness(this.doc)
    awareness.setLocalState(null)
    this.provider = new WebsocketProvider(`${options.serverUrl}/team`, options.teamId, this.doc, {
      awareness,
      connect: options.connect ?? true,
      disableBc: true,
      maxBackoffTime: 2000,
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill as typeof WebSocket } : {}),
    })
    this.provider.messageHandlers[MESSAGE_APP] = (_encoder, decoder) => this.onAppMessage(decoder)
    this.provider.on('status', ({ status }) => this.onStatus(status))
    this.provider.on('sync', (isSynced: boolean) => this.emit('synced', [isSynced]))
  }

  get isSynced(): boolean {
    return this.provider.synced
  }

  /** Edits sent or queued and not saved yet (hellos are not counted). */
  get pendingCount(): number {
    return countWaitingChanges(this.pending, () => false)
  }

  get isEditor(): boolean {
    return this.identity?.role === 'editor'
  }

  view(): TeamView | null {
    return readTeamView(this.doc)
  }

  send<T extends TeamCommandType>(input: Extract<TeamCommandInput, { type: T }>, id = newCommandId()): Promise<TeamCommandResults[T]> {
    const command = { ...input, id } as TeamCommand
    return new Promise<TeamCommandResults[T]>((resolve, reject) => {
      this.pending.set(id, { command, resolve: resolve as (r: unknown) => void, reject })
      this.emit('pending', [this.pendingCount])
      if (this.status === 'connected') this.transmit(command)
    })
  }

  serverNow(): number {
    return Date.now() + this.clockOffsetMs
  }

  override destroy(): void {
    for (const p of this.pending.values()) p.reject(new CommandFailure({ code: 'internal', message: 'Connection closed.' }))
    this.pending.clear()
    this.provider.destroy()
    this.doc.destroy()
    super.destroy()
  }

  private onStatus(status: ConnectionStatus): void {
    this.status = status
    if (status === 'connected') {
      // hello first: the server reads a socket's frames in order, so queued edits arrive as the editor.
      forgetEarlierHellos(this.pending)
      this.sayHello()
      for (const p of this.pending.values()) if (p.command.type !== 'hello') this.transmit(p.command)
    }
    this.emit('status', [status])
  }

  private sayHello(): void {
    const id = newCommandId()
    const command: TeamCommand = {
      id,
      type: 'hello',
      ...(this.editorToken ? { token: this.editorToken } : {}),
      ...(this.viewerSecret ? { viewer: this.viewerSecret } : {}),
    }
    this.pending.set(id, {
      command,
      resolve: (result) => this.setIdentity(result as TeamHelloResult),
      reject: (error) => {
        if (error.code !== 'invalid_token') return
        this.editorToken = null
        this.emit('tokenRefused', [])
        if (this.status === 'connected') this.sayHello()
      },
    })
    this.transmit(command)
  }

  private transmit(command: TeamCommand): void {
    const ws = this.provider.ws
    if (ws && ws.readyState === 1) ws.send(encodeAppMessage(command))
  }

  private onAppMessage(decoder: decoding.Decoder): void {
    let raw: unknown
    try {
      raw = readAppPayload(decoder)
    } catch {
      return // reason: a frame we cannot read tells us nothing; the server's next message will.
    }
    const parsed = ServerMessageSchema.safeParse(raw)
    if (!parsed.success) return
    const message = parsed.data
    if (message.kind === 'heartbeat') {
      this.clockOffsetMs = message.serverNow - Date.now()
      return
    }
    if (message.kind === 'notice') {
      this.emit('notice', [message.error])
      return
    }
    if (message.kind !== 'reply') return
    settleReply(this.pending, message, {
      onPendingChange: () => this.emit('pending', [this.pendingCount]),
      onServerNow: (serverNow) => {
        this.clockOffsetMs = serverNow - Date.now()
      },
      onNotice: (error) => this.emit('notice', [error]),
    })
  }

  private setIdentity(identity: TeamHelloResult | null): void {
    this.identity = identity
    this.emit('identity', [identity])
  }
}

/** Resolves when `predicate` holds, re-checked on every doc update, status, sync and identity change; rejects after `timeoutMs`. */
export function waitForTeam(client: TeamClient, predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  return waitForEvents(client, ['status', 'synced', 'identity'], predicate, timeoutMs, 'waitForTeam')
}
