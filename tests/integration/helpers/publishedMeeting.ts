import WebSocket from 'ws'
import { MeetingClient } from '../../../shared/client/MeetingClient.ts'
import { waitForClient } from '../../../shared/client/waitForClient.ts'
import type { PublishedSet } from '../../../shared/exports/publishedSet.ts'
import type { CreateMeetingResponse } from '../../../shared/protocol/messages.ts'
import type { Stage } from '../../../shared/stages/stages.ts'
import { oneObjectiveToKeyResults } from './oneObjectiveToKeyResults.ts'

export interface PublishedMeeting {
  meeting: CreateMeetingResponse
  /** A participant's token (not the facilitator's), for permission tests. */
  participantToken: string
  set: PublishedSet
}

/**
 * A meeting taken through the real protocol to Published with one objective and the given key results (statement,
 * confidence). Clients are closed before it returns.
 */
export async function publishMeeting(
  httpUrl: string,
  wsUrl: string,
  keyResults: readonly { statement: string; confidence: number }[] = [
    { statement: 'Trial-to-paid from 4 % to 7 %', confidence: 6 },
    { statement: 'Churn below 2 % a month', confidence: 8 },
  ],
  quarter = '2027 Q1',
): Promise<PublishedMeeting> {
  const res = await fetch(`${httpUrl}/api/meetings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      title: 'Acme OKRs',
      quarter,
      mission: { value: 'help small shops sell online', field: 'retail software', impact: 'so local businesses thrive' },
      objectiveCount: 1,
    }),
  })
  if (res.status !== 201) throw new Error(`create failed: ${res.status}`)
  const meeting = (await res.json()) as CreateMeetingResponse
  const open = (token: string | null) => new MeetingClient({ serverUrl: wsUrl, meetingId: meeting.meetingId, token, WebSocketPolyfill: WebSocket })
  const facilitator = open(meeting.facilitatorToken)
  const ana = open(null)
  try {
    await waitForClient(facilitator, () => facilitator.isSynced && facilitator.identity?.role === 'facilitator', 10_000)
    const joined = await ana.send({ type: 'join', name: 'Ana' })
    const advance = (expected: Stage) => facilitator.send({ type: 'changeStage', move: 'advance', expected: expected as 'mission' })
    const proposal = { title: 'Make trials convert', why: 'Trials doubled, sales did not' }
    const objectiveId = await oneObjectiveToKeyResults(facilitator, ana, proposal, 10_000)
    for (const kr of keyResults) {
      const { keyResultId } = await ana.send({ type: 'proposeKeyResult', objectiveId, statement: kr.statement })
      await ana.send({ type: 'updateKeyResult', keyResultId, owner: 'Ana', confidence: kr.confidence, baseline: '4', target: '7', unit: '%' })
      await facilitator.send({ type: 'acceptKeyResult', keyResultId, accepted: true })
    }
    await advance('keyResults')
    await advance('review')
    const set = (await (await fetch(`${httpUrl}/api/meetings/${meeting.meetingId}/published`)).json()) as PublishedSet
    return { meeting, participantToken: joined.token, set }
  } finally {
    facilitator.destroy()
    ana.destroy()
  }
}
