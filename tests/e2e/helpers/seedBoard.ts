import WebSocket from 'ws'
import { MeetingClient } from '../../../shared/client/MeetingClient.ts'
import { readMeetingView } from '../../../shared/meeting/meetingDoc.ts'
import type { MeetingView } from '../../../shared/meeting/meetingView.ts'
import type { CreateMeetingResponse } from '../../../shared/protocol/messages.ts'
import { waitForClient as waitForAny } from '../../../shared/client/waitForClient.ts'

/** A meeting filled through the protocol from Node, for board tests that need many cards fast. */
export interface SeededBoard {
  meeting: CreateMeetingResponse
  facilitator: MeetingClient
  people: MeetingClient[]
  view(): MeetingView
  cardId(title: string): string
  close(): void
}

const MAX_PER_PERSON = 10

/** Resolves when `predicate` holds (30 s: seeding thousands of cards takes a while on a shared machine). */
export function waitForClient(client: MeetingClient, predicate: () => boolean, timeoutMs = 30_000): Promise<void> {
  return waitForAny(client, predicate, timeoutMs)
}

/**
 * Creates a meeting, has `ceil(titles / perPerson)` people propose the titles in order, and opens the Group
 * board. Each title is one card.
 */
export async function seedBoard(baseUrl: string, titles: readonly string[], options: { perPerson?: number; names?: string[] } = {}): Promise<SeededBoard> {
  const perPerson = Math.min(options.perPerson ?? 3, MAX_PER_PERSON)
  const res = await fetch(`${baseUrl}/api/meetings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      title: 'Acme 2027 Q1 OKRs',
      quarter: '2027 Q1',
      mission: { value: 'help small shops sell online', field: 'retail software', impact: 'so local businesses thrive' },
      objectiveCount: 3,
    }),
  })
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`)
  const meeting = (await res.json()) as CreateMeetingResponse
  const serverUrl = `${baseUrl.replace(/^http/, 'ws')}/ws`
  const open = (token: string | null) => new MeetingClient({ serverUrl, meetingId: meeting.meetingId, token, WebSocketPolyfill: WebSocket })
  const facilitator = open(meeting.facilitatorToken)
  await waitForClient(facilitator, () => facilitator.isSynced && facilitator.identity?.role === 'facilitator')
  await facilitator.send({ type: 'updateSettings', maxSubmissionsPerPerson: perPerson })
  await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'mission' })
  const people: MeetingClient[] = []
  const groups = Math.ceil(titles.length / perPerson)
  await Promise.all(
    Array.from({ length: groups }, async (_, i) => {
      const person = open(null)
      people[i] = person
      await waitForClient(person, () => person.isSynced)
      await person.join(options.names?.[i] ?? `Person ${i + 1}`)
      for (const title of titles.slice(i * perPerson, (i + 1) * perPerson)) await person.send({ type: 'submitObjective', title, why: '' })
    }),
  )
  await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'submit' })
  const view = () => readMeetingView(facilitator.doc) as MeetingView
  await waitForClient(facilitator, () => view().cards.length === titles.length)
  return {
    meeting,
    facilitator,
    people,
    view,
    cardId(title) {
      const card = view().cards.find((c) => c.title === title)
      if (!card) throw new Error(`no card titled ${title}`)
      return card.id
    },
    close() {
      for (const c of [facilitator, ...people]) c.destroy()
    },
  }
}
