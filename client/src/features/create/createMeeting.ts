import type { CreateMeetingRequest, CreateMeetingResponse } from '../../../../shared/protocol/messages.ts'

export type CreateMeetingInput = Omit<CreateMeetingRequest, 'objectiveCount'> & { objectiveCount: 1 | 3 }

/** POST /api/meetings; throws an Error whose message is the server's sentence. */
export async function createMeeting(input: CreateMeetingInput): Promise<CreateMeetingResponse> {
  let response: Response
  try {
    response = await fetch('/api/meetings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    })
  } catch {
    throw new Error('The server cannot be reached. Check your connection and try again.')
  }
  const body = (await response.json().catch(() => null)) as (CreateMeetingResponse & { error?: undefined }) | { error: { message: string } } | null
  if (!response.ok || !body || body.error) {
    throw new Error(body?.error?.message ?? `The server answered ${response.status}.`)
  }
  return body
}
