import WebSocket from 'ws'
import { readCascadeView, type CascadeView } from '../../../shared/cascade/cascadeDoc.ts'
import { MeetingClient } from '../../../shared/client/MeetingClient.ts'
import { waitForClient } from '../../../shared/client/waitForClient.ts'
import { readMeetingView } from '../../../shared/meeting/meetingDoc.ts'
import type { CreateMeetingResponse } from '../../../shared/protocol/messages.ts'
import type { Stage } from '../../../shared/stages/stages.ts'
import { DEFAULT_MEETING } from './testServer.ts'
import { oneObjectiveToKeyResults } from './oneObjectiveToKeyResults.ts'

/** Somewhere a real server listens: the in-process test server or a child process that can be killed. */
export interface Target {
  httpUrl: string
  wsUrl: string
}

export const cascadeOf = (client: MeetingClient): CascadeView => readCascadeView(client.doc)

export function stageOf(client: MeetingClient): Stage | null {
  return readMeetingView(client.doc)?.stage ?? null
}

export async function createMeeting(target: Target, body: Record<string, unknown> = {}): Promise<Response> {
  return fetch(`${target.httpUrl}/api/meetings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...DEFAULT_MEETING, objectiveCount: 1, ...body }),
  })
}

export class Clients {
  readonly all: MeetingClient[] = []
  constructor(private readonly target: () => Target) {}

  open(meetingId: string, token: string | null = null): MeetingClient {
    const c = new MeetingClient({ serverUrl: this.target().wsUrl, meetingId, token, WebSocketPolyfill: WebSocket })
    this.all.push(c)
    return c
  }

  async facilitator(meeting: CreateMeetingResponse): Promise<MeetingClient> {
    const c = this.open(meeting.meetingId, meeting.facilitatorToken)
    await waitForClient(c, () => c.isSynced && c.identity?.role === 'facilitator' && readMeetingView(c.doc) !== null, 10_000)
    return c
  }

  async participant(meetingId: string, name: string): Promise<MeetingClient> {
    const c = this.open(meetingId)
    await c.join(name)
    await waitForClient(c, () => c.isSynced && readMeetingView(c.doc) !== null, 10_000)
    return c
  }

  closeAll(): void {
    for (const c of this.all) c.destroy()
    this.all.length = 0
  }
}

/**
 * Takes a one-objective meeting from Mission to Key results: one proposal, grouped as is, chosen by the vote.
 * Returns the chosen objective's id.
 */
export function toKeyResults(facilitator: MeetingClient, participant: MeetingClient, title: string): Promise<string> {
  return oneObjectiveToKeyResults(facilitator, participant, { title, why: 'Because it matters this quarter' })
}

/** Three accepted key results on the objective, confidence 8 on the first, 2 on the last. */
export async function draftKeyResults(facilitator: MeetingClient, participant: MeetingClient, objectiveId: string, prefix: string): Promise<string[]> {
  const ids: string[] = []
  for (const [i, confidence] of [8, 6, 2].entries()) {
    const { keyResultId } = await participant.send({ type: 'proposeKeyResult', objectiveId, statement: `${prefix} ${i + 1} from 10 to 20` })
    await facilitator.send({ type: 'acceptKeyResult', keyResultId, accepted: true })
    await participant.send({ type: 'updateKeyResult', keyResultId, confidence, owner: 'Ana' })
    ids.push(keyResultId)
  }
  return ids
}

export async function publishFromKeyResults(facilitator: MeetingClient): Promise<void> {
  await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'keyResults' })
  await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'review' })
}

/** A published one-objective company set; returns its ids. */
export async function publishedCompany(target: Target, clients: Clients) {
  const meeting = (await (await createMeeting(target, { title: 'Company OKRs' })).json()) as CreateMeetingResponse
  const ceo = await clients.facilitator(meeting)
  const ana = await clients.participant(meeting.meetingId, 'Ana')
  const objectiveId = await toKeyResults(ceo, ana, 'Customers love onboarding')
  const keyResultIds = await draftKeyResults(ceo, ana, objectiveId, 'Company KR')
  await publishFromKeyResults(ceo)
  await waitForClient(ceo, () => readMeetingView(ceo.doc)?.published !== null)
  return { meeting, ceo, ana, objectiveId, keyResultIds }
}
