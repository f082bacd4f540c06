import WebSocket from 'ws'
import { MeetingClient } from '../../../shared/client/MeetingClient.ts'
import { readMeetingView } from '../../../shared/meeting/meetingDoc.ts'
import type { MeetingView } from '../../../shared/meeting/meetingView.ts'
import type { CreateMeetingResponse } from '../../../shared/protocol/messages.ts'
import { waitForClient } from '../../../shared/client/waitForClient.ts'

export interface PlannedObjective {
  title: string
  keyResults: { statement: string; owner: string; confidence: number }[]
}

/**
 * A meeting taken through every stage over the public protocol (what a facilitator and one participant would do)
 * and published, for pages that start after publishing (the plenary). Objectives are chosen by the vote in order.
 */
export async function publishedMeeting(
  baseUrl: string,
  options: { title: string; quarter: string; objectives: PlannedObjective[]; previousMeetingId?: string },
): Promise<CreateMeetingResponse> {
  const res = await fetch(`${baseUrl}/api/meetings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      title: options.title,
      quarter: options.quarter,
      mission: { value: 'help small shops sell online', field: 'retail software', impact: '' },
      objectiveCount: options.objectives.length === 1 ? 1 : 3,
      ...(options.previousMeetingId ? { previousMeetingId: options.previousMeetingId } : {}),
    }),
  })
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`)
  const meeting = (await res.json()) as CreateMeetingResponse
  const open = (token: string | null) =>
    new MeetingClient({ serverUrl: `${baseUrl.replace(/^http/, 'ws')}/ws`, meetingId: meeting.meetingId, token, WebSocketPolyfill: WebSocket })
  const f = open(meeting.facilitatorToken)
  const ada = open(null)
  try {
    await waitForClient(f, () => f.isSynced && f.identity?.role === 'facilitator', 30_000)
    await waitForClient(ada, () => ada.isSynced, 30_000)
    await ada.join('Ada Lovelace')
    const view = () => readMeetingView(f.doc) as MeetingView
    const until = (predicate: () => boolean) => waitForClient(f, predicate, 30_000)
    await f.send({ type: 'updateSettings', maxSubmissionsPerPerson: 10 })
    await f.send({ type: 'changeStage', move: 'advance', expected: 'mission' })
    for (const o of options.objectives) await ada.send({ type: 'submitObjective', title: o.title, why: '' })
    await f.send({ type: 'changeStage', move: 'advance', expected: 'submit' })
    await f.send({ type: 'changeStage', move: 'advance', expected: 'group' })
    await until(() => view().vote !== null)
    const budget = options.objectives.length * 2
    await f.send({ type: 'configureVote', budget, perCandidateCap: null, isOwnVoteForbidden: false, isSpendAllReminded: false, shortlistSize: null })
    await f.send({ type: 'openVoting' })
    await until(() => view().vote?.phase === 'open')
    // Distinct totals in the planned order: the first objective gets the most dots, so the vote decides without a tie.
    for (const [i, o] of options.objectives.entries()) {
      const candidate = view().vote!.candidates.find((c) => c.title === o.title)!
      await ada.send({ type: 'setDots', round: 1, candidateId: candidate.id, dots: options.objectives.length - i })
    }
    await f.send({ type: 'closeVoting' })
    await f.send({ type: 'revealVotes' })
    await until(() => (view().vote?.chosenIds?.length ?? 0) > 0)
    await f.send({ type: 'changeStage', move: 'advance', expected: 'vote' })
    await until(() => view().objectives.length === options.objectives.length)
    for (const o of options.objectives) {
      const objective = view().objectives.find((x) => x.title === o.title)!
      for (const kr of o.keyResults) {
        const { keyResultId } = (await ada.send({ type: 'proposeKeyResult', objectiveId: objective.id, statement: kr.statement })) as { keyResultId: string }
        await ada.send({ type: 'updateKeyResult', keyResultId, owner: kr.owner, confidence: kr.confidence })
        await f.send({ type: 'acceptKeyResult', keyResultId, accepted: true })
      }
    }
    await f.send({ type: 'changeStage', move: 'advance', expected: 'keyResults' })
    await f.send({ type: 'changeStage', move: 'advance', expected: 'review' })
    await until(() => view().published !== null)
    return meeting
  } finally {
    f.destroy()
    ada.destroy()
  }
}
