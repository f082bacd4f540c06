import WebSocket from 'ws'
import * as Y from 'yjs'
import { MeetingClient } from '../../../shared/client/MeetingClient.ts'
import { readMeetingView } from '../../../shared/meeting/meetingDoc.ts'
import { nowMs, pollUntil } from '../clock.ts'

/**
 * A real client (MeetingClient with its own Y.Doc) that watches what everyone should see: how many
 * participants the meeting has, and when the stage changes. Counts the bytes it receives.
 */
export class FullObserver {
  readonly client: MeetingClient
  bytes = 0
  messages = 0
  /** Sizes of the received frames, bucketed by powers of two (diagnostics: which frames carry the bytes). */
  sizeBuckets = new Map<number, { frames: number; bytes: number }>()
  participants = 0
  /** The live "voted" count (meeting.presence.voted) and when it last changed. */
  voted = 0
  /** When `voted` first reached the count given to `expectVoted`, 0 until then. */
  votedReachedAt = 0
  private votedTarget = Number.POSITIVE_INFINITY
  stageChangedAt = 0
  stage = ''
  private target = Number.POSITIVE_INFINITY
  reachedAt = 0
  private isMarked = false
  /** Epoch ms of the first doc update after `mark()`, 0 until then. */
  firstUpdateAt = 0

  constructor(roomUrl: string, token: string | null = null) {
    const slash = roomUrl.lastIndexOf('/')
    this.client = new MeetingClient({
      serverUrl: roomUrl.slice(0, slash),
      meetingId: roomUrl.slice(slash + 1),
      token,
      WebSocketPolyfill: WebSocket,
    })
    this.client.provider.on('status', ({ status }: { status: string }) => {
      if (status !== 'connected') return
      this.client.provider.ws?.addEventListener('message', (event: MessageEvent) => {
        const size = (event.data as ArrayBuffer).byteLength
        this.messages++
        this.bytes += size
        const bucket = 2 ** Math.ceil(Math.log2(Math.max(1, size)))
        const b = this.sizeBuckets.get(bucket) ?? { frames: 0, bytes: 0 }
        b.frames++
        b.bytes += size
        this.sizeBuckets.set(bucket, b)
      })
    })
    // Everyone sees the room as counts (meeting.presence); names stay on the server.
    const meetingMap = this.client.doc.getMap<{ joined?: number; voted?: number }>('meeting')
    meetingMap.observe((event) => {
      if (!event.keysChanged.has('presence')) return
      this.participants = meetingMap.get('presence')?.joined ?? 0
      const voted = meetingMap.get('presence')?.voted ?? 0
      this.voted = voted
      if (this.votedReachedAt === 0 && voted >= this.votedTarget) this.votedReachedAt = nowMs()
      if (this.reachedAt === 0 && this.participants >= this.target) this.reachedAt = nowMs()
    })
    this.client.doc.on('update', () => {
      if (this.isMarked && this.firstUpdateAt === 0) this.firstUpdateAt = nowMs()
    })
    const meeting = this.client.doc.getMap<{ stage?: string }>('meeting')
    meeting.observe((event) => {
      if (!event.keysChanged.has('stage')) return
      this.stage = meeting.get('stage')?.stage ?? ''
      this.stageChangedAt = nowMs()
    })
  }

  /** From now on, note the first doc update (whatever it changes). */
  mark(): void {
    this.isMarked = true
    this.firstUpdateAt = 0
  }

  expectVoted(count: number): void {
    this.votedTarget = count
    this.votedReachedAt = this.voted >= count ? nowMs() : 0
  }

  expectParticipants(count: number): void {
    this.target = count
    this.reachedAt = this.participants >= count ? nowMs() : 0
  }

  get isReady(): boolean {
    return this.client.isSynced && readMeetingView(this.client.doc) !== null
  }

  /** A comparable summary of the doc: sorted state vector and the meeting as the UI reads it. */
  fingerprint(): string {
    const sv = [...Y.decodeStateVector(Y.encodeStateVector(this.client.doc)).entries()].sort((a, b) => a[0] - b[0])
    const view = readMeetingView(this.client.doc)
    return JSON.stringify({ sv, view })
  }

  destroy(): void {
    this.client.destroy()
  }
}

/** The facilitator and a few participants with real docs, all in the coordinator process. */
export class QuarterdeckObservers {
  readonly facilitator: FullObserver
  readonly participants: FullObserver[]

  constructor(roomUrl: string, facilitatorToken: string, participantCount: number) {
    this.facilitator = new FullObserver(roomUrl, facilitatorToken)
    this.participants = Array.from({ length: participantCount }, () => new FullObserver(roomUrl))
  }

  get all(): FullObserver[] {
    return [this.facilitator, ...this.participants]
  }

  /** Call before a vote burst: every full client notes when its "voted" counter first shows `count`. */
  expectVoted(count: number): void {
    for (const o of this.all) o.expectVoted(count)
  }

  /**
   * After a vote burst whose last ballot was acknowledged at `lastAckAt`: waits until every full client's counter
   * shows the count given to `expectVoted`, then returns how long after `lastAckAt` the last of them got there (0 if
   * all had it already), or null and the count reached if that did not happen within `timeoutMs`.
   */
  async votedCounterReached(lastAckAt: number, timeoutMs: number): Promise<{ lagMs: number | null; voted: number }> {
    const all = this.all
    const reached = await pollUntil(() => all.every((o) => o.votedReachedAt > 0), timeoutMs, 20)
    const voted = Math.min(...all.map((o) => o.voted))
    if (!reached) return { lagMs: null, voted }
    return { lagMs: Math.max(0, Math.max(...all.map((o) => o.votedReachedAt)) - lastAckAt), voted }
  }

  async facilitatorReady(timeoutMs: number): Promise<void> {
    const f = this.facilitator
    const ok = await pollUntil(() => f.isReady && f.client.identity?.role === 'facilitator', timeoutMs, 20)
    if (!ok) throw new Error('the facilitator client did not sync and identify in time')
  }

  /** Each participant joins as "Observer <i>"; resolves with the join latencies (ms) of those that succeeded. */
  async join(timeoutMs: number): Promise<{ latencyMs: number[]; failures: string[]; lastAt: number }> {
    const latencyMs: number[] = []
    const failures: string[] = []
    let lastAt = 0
    await Promise.all(
      this.participants.map(async (o, i) => {
        const sentAt = nowMs()
        try {
          await withTimeout(o.client.join(`Observer ${i}`), timeoutMs)
          const at = nowMs()
          latencyMs.push(at - sentAt)
          lastAt = Math.max(lastAt, at)
        } catch (error) {
          failures.push((error as { code?: string }).code ?? 'timeout')
        }
      }),
    )
    return { latencyMs, failures, lastAt }
  }

  traffic(): { bytes: number; messages: number } {
    let bytes = 0
    let messages = 0
    for (const o of this.all) {
      bytes += o.bytes
      messages += o.messages
    }
    return { bytes, messages }
  }

  resetTraffic(): void {
    for (const o of this.all) {
      o.bytes = 0
      o.messages = 0
      o.sizeBuckets.clear()
    }
  }

  /** Frame sizes one participant received since the last reset: "≤bytes": frames (total KB). */
  frameSizes(): string {
    const o = this.participants[0] ?? this.facilitator
    return [...o.sizeBuckets.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([size, b]) => `≤${size}B:${b.frames}(${Math.round(b.bytes / 1024)}KB)`)
      .join(' ')
  }

  /** Every full client holds the same doc: same state vector and the same meeting view. */
  converged(): { isConverged: boolean; detail: string } {
    const prints = this.all.map((o) => o.fingerprint())
    const distinct = new Set(prints).size
    return { isConverged: distinct === 1, detail: `${distinct} distinct doc state(s) among ${prints.length} full clients` }
  }

  destroy(): void {
    for (const o of this.all) o.destroy()
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms))),
  ])
}
