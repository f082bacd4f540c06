import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { Awareness } from 'y-protocols/awareness'
import type * as decoding from 'lib0/decoding'
import { ObservableV2 } from 'lib0/observable'
import { MESSAGE_APP, encodeAppMessage, readAppPayload } from '../protocol/wire.ts'
import { ServerMessageSchema, type Command, type CommandError, type CommandResults, type CommandType, type IdentityResult } from '../protocol/messages.ts'
import type { OwnSubmission, PublicSubmission } from '../submissions/submissionTypes.ts'
import { newCommandId } from './commandId.ts'
import { CommandFailure } from './CommandFailure.ts'
import { countWaitingChanges, forgetEarlierHellos, settleReply, type PendingCommand } from './settleReply.ts'
import type { RosterEntry } from '../presence/presenceTypes.ts'

export type FeedName = 'mine' | 'moderation' | 'ballot' | 'self' | 'roster'

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected'

export { CommandFailure }

/** Commands that only read: never queued while offline, never counted as waiting changes. */
const QUERY_TYPES: ReadonlySet<CommandType> = new Set(['findSimilar', 'readAudit', 'findPeople'])

type CommandInput = Command extends infer C ? (C extends Command ? Omit<C, 'id'> : never) : never

export interface MeetingClientOptions {
  /** Base WebSocket URL, e.g. `ws://localhost:3000/ws`; the meeting's socket is `${serverUrl}/${meetingId}`. */
  serverUrl: string
  meetingId: string
  /** A participant or facilitator token kept from an earlier join, if any. */
  token?: string | null
  /** For Node: the `ws` package's WebSocket. Browsers use their own. */
  WebSocketPolyfill?: unknown
  connect?: boolean
}

type ClientEvents = {
  status: (status: ConnectionStatus) => void
  synced: (isSynced: boolean) => void
  identity: (identity: IdentityResult | null) => void
  token: (token: string | null) => void
  notice: (error: CommandError) => void
  pending: (count: number) => void
  feed: (feed: FeedName) => void
  /** The server refused the token this client said hello with (it is forgotten; see `switchToken` to try another). */
  tokenRefused: (token: string, error: CommandError) => void
}

/** Refusals that say nothing about the token itself: try it again later rather than forget it. */
const TRANSIENT_CODES: ReadonlySet<string> = new Set(['internal', 'rate_limited'])

/**
 * Speaks Quarterdeck's protocol: the standard y-websocket sync for the read-only meeting doc, plus commands
 * on the app channel. Commands are queued while offline and resent with the same id after a reconnect, so the
 * server applies each exactly once. Used by the browser UI, the tests and the load generator alike.
 */
export class MeetingClient extends ObservableV2<ClientEvents> {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  readonly meetingId: string
  status: ConnectionStatus = 'connecting'
  identity: IdentityResult | null = null
  /** serverNow − Date.now() at the last hello/join/heartbeat. */
  clockOffsetMs = 0
  /** The proposals this person wrote or supports (private to them). */
  mySubmissions: OwnSubmission[] = []
  /** Every proposal, for the facilitator's moderation while submissions are private. */
  moderation: PublicSubmission[] = []
  /** Your own record as the server keeps it (name, done mark, voted round); null until it arrives. */
  me: RosterEntry | null = null
  /** Everyone in the meeting, for facilitators only (refreshed at most once a second). */
  roster: RosterEntry[] = []
  /** This person's secret ballot for the current round. */
  myBallot: { round: number; ballot: Record<string, number> } = { round: 0, ballot: {} }
  private token: string | null
  private readonly pending = new Map<string, PendingCommand<Command>>()

  constructor(options: MeetingClientOptions) {
    super()
    this.meetingId = options.meetingId
    this.token = options.token ?? null
    // Presence is counted by the server from sockets; an awareness state would only add traffic.
    const awareness = new Awareness(this.doc)
    awareness.setLocalState(null)
    this.provider = new WebsocketProvider(options.serverUrl, options.meetingId, this.doc, {
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

  /** Changes sent or queued and not saved yet (hellos and questions in flight are not counted). */
  get pendingCount(): number {
    return countWaitingChanges(this.pending, (type) => QUERY_TYPES.has(type))
  }

  get hasToken(): boolean {
    return this.token !== null
  }

  /** Sends a command; resolves with its result once the server has persisted it, rejects with CommandFailure. */
  send<T extends CommandType>(input: Extract<CommandInput, { type: T }>, id = newCommandId()): Promise<CommandResults[T]> {
    const command = { ...input, id } as Command
    // A question is worth asking only now: queued offline it would come back stale and look like unsaved work.
    if (QUERY_TYPES.has(command.type) && this.status !== 'connected') {
      return Promise.reject(new CommandFailure({ code: 'internal', message: 'Offline: try again when the connection is back.' }))
    }
    return new Promise<CommandResults[T]>((resolve, reject) => {
      this.pending.set(id, { command, resolve: resolve as (r: unknown) => void, reject })
      this.emit('pending', [this.pendingCount])
      if (this.status === 'connected') this.transmit(command)
    })
  }

  /** Joins with a display name and keeps the token the server issues. */
  async join(name: string): Promise<IdentityResult> {
    const result = await this.send({ type: 'join', name })
    this.setToken(result.token)
    this.setIdentity(result)
    return result
  }

  /** Says hello with another token now (or once connected): a link's token to check, or the identity to go back to. */
  switchToken(token: string | null): void {
    this.setToken(token)
    this.setIdentity(null)
    if (token && this.status === 'connected') this.sayHello(token)
  }

  /** Forgets the identity (for "not you?" and for a token the server no longer knows). */
  forgetToken(): void {
    this.setToken(null)
    this.setIdentity(null)
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
      // Order matters: the server reads one socket's frames in order, so hello binds the identity before
      // any queued command is read.
      forgetEarlierHellos(this.pending)
      if (this.token) this.sayHello(this.token)
      for (const p of this.pending.values()) if (p.command.type !== 'hello') this.transmit(p.command)
    }
    this.emit('status', [status])
  }

  private sayHello(token: string): void {
    const id = newCommandId()
    this.pending.set(id, {
      command: { id, type: 'hello', token },
      resolve: (result) => this.setIdentity(result as IdentityResult),
      reject: (error) => {
        // Any refusal of the token itself (unknown, revoked, malformed: a link cut short or with a ")" from a chat)
        // must end the "rejoining" wait; only a passing refusal (server busy) keeps it for the next reconnect.
        if (TRANSIENT_CODES.has(error.code) || this.token !== token) return
        this.forgetToken()
        this.emit('tokenRefused', [token, error])
      },
    })
    this.transmit({ id, type: 'hello', token })
  }

  private transmit(command: Command): void {
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
    if (message.kind === 'feed') {
      if (message.feed === 'ballot') this.myBallot = { round: message.round, ballot: message.ballot }
      else if (message.feed === 'mine') this.mySubmissions = message.items as OwnSubmission[]
      else if (message.feed === 'self') this.me = message.me
      else if (message.feed === 'roster') this.roster = message.items as RosterEntry[]
      else this.moderation = message.items as PublicSubmission[]
      this.emit('feed', [message.feed])
      return
    }
    settleReply(this.pending, message, {
      onPendingChange: () => this.emit('pending', [this.pendingCount]),
      onServerNow: (serverNow) => {
        this.clockOffsetMs = serverNow - Date.now()
      },
      onNotice: (error) => this.emit('notice', [error]),
    })
  }

  private setToken(token: string | null): void {
    this.token = token
    this.emit('token', [token])
  }

  private setIdentity(identity: IdentityResult | null): void {
    if (identity?.participantId !== this.me?.id) this.me = null
    if (identity?.role !== 'facilitator') this.roster = []
    this.identity = identity
    this.emit('identity', [identity])
  }
}
