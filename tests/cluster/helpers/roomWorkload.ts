import WebSocket from 'ws'
import { expect } from 'vitest'
import { CommandFailure, MeetingClient } from '../../../shared/client/MeetingClient.ts'
import { newCommandId } from '../../../shared/client/commandId.ts'
import type { CreateMeetingResponse, IdentityResult } from '../../../shared/protocol/messages.ts'
import { readLeaseOwner } from '../../../server/cluster/lease/meetingLease.ts'
import type { PostgresMeetingStore } from '../../../server/cluster/postgres/PostgresMeetingStore.ts'
import { DEFAULT_MEETING } from '../../integration/helpers/testServer.ts'
import type { Cluster } from './clusterLauncher.ts'
import { waitFor } from './waitFor.ts'

/** How long a client waits before resending a command the server could not save (as the real client's backoff). */
const RESEND_PAUSE_MS = 200

export interface Workload {
  meetingId: string
  joined: Map<string, string>
  proposed: Map<string, string>
  ackTimes: number[]
  stop(): Promise<unknown[]>
}

/**
 * Simulated participants of one meeting on a test cluster (real MeetingClient, real sockets), spread over its nodes:
 * the workload of the real-room cluster suites, and the probes they read nodes with.
 */
export class RoomWorkloads {
  readonly clients = new Set<MeetingClient>()

  constructor(
    readonly cluster: Cluster,
    private readonly ports: readonly number[],
    readonly observer: PostgresMeetingStore,
  ) {}

  httpUrl(slot: number): string {
    return `http://127.0.0.1:${this.ports[slot]}`
  }

  client(slot: number, meetingId: string, token: string | null = null): MeetingClient {
    const c = new MeetingClient({ serverUrl: `ws://127.0.0.1:${this.ports[slot]}/ws`, meetingId, token, WebSocketPolyfill: WebSocket })
    this.clients.add(c)
    return c
  }

  drop(c: MeetingClient): void {
    c.destroy()
    this.clients.delete(c)
  }

  destroy(): void {
    for (const c of this.clients) c.destroy()
    this.clients.clear()
  }

  /** A new meeting (created on node 0) moved to submission by its facilitator on node 1. */
  async createMeeting(): Promise<{ meetingId: string; facilitator: MeetingClient }> {
    const res = await fetch(`${this.httpUrl(0)}/api/meetings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(DEFAULT_MEETING),
    })
    expect(res.status).toBe(201)
    const meeting = (await res.json()) as CreateMeetingResponse
    const facilitator = this.client(1, meeting.meetingId, meeting.facilitatorToken)
    expect(await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'mission' })).toEqual({ stage: 'submit' })
    return { meetingId: meeting.meetingId, facilitator }
  }

  /** `workers` participants, worker w on node w % nodes: join as a new person, propose three objectives, leave, again. */
  async start(workers: number): Promise<Workload> {
    const { meetingId } = await this.createMeeting()
    const nodes = this.ports.length
    const joined = new Map<string, string>()
    const proposed = new Map<string, string>()
    const ackTimes: number[] = []
    let isRunning = true
    const worker = async (w: number) => {
      for (let round = 0; isRunning; round++) {
        const person = this.client(w % nodes, meetingId)
        const name = `W${w}-${round}`
        let identity: IdentityResult
        try {
          identity = await person.join(name)
        } catch (error) {
          this.drop(person)
          // Not saved (the owner died or was fenced): not acknowledged. Come back as someone new.
          if (isUnsaved(error)) continue
          throw error
        }
        joined.set(identity.participantId, name)
        for (let i = 0; i < 3 && isRunning; i++) {
          const title = `${name} objective ${i}`
          const { submissionId } = await sendUntilSaved((id) => person.send({ type: 'submitObjective', title, why: '' }, id))
          proposed.set(submissionId, title)
          ackTimes.push(Date.now())
        }
        this.drop(person)
      }
    }
    const running = Array.from({ length: workers }, (_, w) => worker(w).catch((error: unknown) => error))
    return {
      meetingId,
      joined,
      proposed,
      ackTimes,
      stop: async () => {
        isRunning = false
        return (await Promise.all(running)).filter((o) => o !== undefined)
      },
    }
  }

  /**
   * The node slot holding the meeting's live lease now, and its epoch. A node just killed may still hold a lease that
   * has not run out: that is nobody's to serve, so this waits for a live lease of a live node.
   */
  async owner(meetingId: string): Promise<{ slot: number; epoch: number }> {
    const lease = await waitFor(
      'a live lease held by a live node',
      async () => {
        const found = await readLeaseOwner(this.observer.db, meetingId)
        const isHeldByLiveNode = this.cluster.nodes.some((n) => n.id === found?.nodeId && n.isAlive)
        return found && found.remainingMs > 0 && isHeldByLiveNode ? found : undefined
      },
      30_000,
    )
    const slot = this.cluster.nodes.findIndex((n) => n.id === lease.nodeId && n.isAlive)
    return { slot, epoch: lease.epoch }
  }

  /** One sample from a node's /metrics (0 when it has none yet). */
  async metric(slot: number, name: string): Promise<number> {
    const text = await (await fetch(`${this.httpUrl(slot)}/metrics`)).text()
    const line = text.split('\n').find((l) => l.startsWith(`${name} `))
    return Number(line?.split(' ')[1] ?? 0)
  }
}

export const isUnsaved = (error: unknown) => error instanceof CommandFailure && error.code === 'internal'

/** Resends with the same command id until the server answers: from its log if the first try did land. */
export async function sendUntilSaved<T>(send: (id: string) => Promise<T>): Promise<T> {
  const id = newCommandId()
  for (;;) {
    try {
      return await send(id)
    } catch (error) {
      if (!isUnsaved(error)) throw error
      await new Promise((resolve) => setTimeout(resolve, RESEND_PAUSE_MS))
    }
  }
}

/** The longest wait between two acknowledgements from `since` on (a pause the participants felt). */
export function longestAckGap(ackTimes: readonly number[], since: number): number {
  const times = [since, ...ackTimes.filter((t) => t > since)].sort((a, b) => a - b)
  let longest = 0
  for (let i = 1; i < times.length; i++) longest = Math.max(longest, (times[i] as number) - (times[i - 1] as number))
  return longest
}
