import type { CreateMeetingRequest, CreateMeetingResponse } from '../../../../shared/protocol/messages.ts'
import i18next from '../../i18n/i18n.ts'
import { CommandFailure } from '../../../../shared/client/CommandFailure.ts'
import type { ErrorCode } from '../../../../shared/protocol/messages.ts'

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
    throw new Error(i18next.t('create.unreachable'))
  }
  const body = (await response.json().catch(() => null)) as
    | (CreateMeetingResponse & { error?: undefined })
    | { error: { code: ErrorCode; message: string } }
    | null
  if (!response.ok || !body || body.error) {
    throw body?.error
      ? new CommandFailure({ code: body.error.code, message: body.error.message })
      : new Error(i18next.t('create.answered', { status: response.status }))
  }
  return body
}
