import type { IncomingMessage } from 'node:http'
import { CreateMeetingRequest, type CreateMeetingResponse } from '../../shared/protocol/messages.ts'
import { MAX_HTTP_BODY_BYTES } from '../../shared/protocol/limits.ts'
import type { MeetingStore } from '../persistence/MeetingStore.ts'
import { newMeetingId, newParticipantId, newToken } from '../security/tokens.ts'
import { createMeetingDoc, createMeetingVault } from '../meeting/createMeetingDoc.ts'
import { HttpError, readJsonBody } from './readJsonBody.ts'
import { readPublishedSet } from './publishedRoutes.ts'
import { cascadeLinkUpdate, resolveCompanyLink } from '../cascade/companyLink.ts'
import * as Y from 'yjs'

/** POST /api/meetings: validates, stores the meeting with its facilitator credential, returns the links. */
export async function createMeetingRoute(
  req: IncomingMessage,
  deps: { store: MeetingStore; publicUrl: string | null; now: () => number },
): Promise<CreateMeetingResponse> {
  const body = await readJsonBody(req, MAX_HTTP_BODY_BYTES)
  const parsed = CreateMeetingRequest.safeParse(body)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
    throw new HttpError(400, 'bad_request', `${where}${issue?.message ?? 'Invalid meeting.'}`)
  }
  const previous = parsed.data.previousMeetingId ? await readPublishedSet(deps.store, parsed.data.previousMeetingId) : null
  if (parsed.data.previousMeetingId && !previous) {
    throw new HttpError(400, 'bad_request', 'previousMeetingId: that meeting has no published OKRs to follow up on.')
  }
  const companyLink = await resolveCompanyLink(deps.store, parsed.data)
  const meetingId = newMeetingId()
  const facilitatorId = newParticipantId()
  const { token, tokenHash } = newToken(facilitatorId)
  const now = deps.now()
  await deps.store.createMeeting({
    id: meetingId,
    createdAt: now,
    initialUpdate: companyLink
      ? Y.mergeUpdates([createMeetingDoc(parsed.data, { meetingId, facilitatorId }, now, previous), cascadeLinkUpdate(companyLink)])
      : createMeetingDoc(parsed.data, { meetingId, facilitatorId }, now, previous),
    initialVaultUpdate: createMeetingVault(facilitatorId, now, parsed.data.mission.language),
    credentials: [{ participantId: facilitatorId, role: 'facilitator', tokenHash }],
  })
  const base = deps.publicUrl ?? originOf(req)
  return {
    meetingId,
    joinUrl: `${base}/m/${meetingId}`,
    // The token rides in the fragment, which browsers never send to servers or put in Referer headers.
    facilitatorUrl: `${base}/m/${meetingId}/facilitate#token=${token}`,
    facilitatorToken: token,
  }
}

function originOf(req: IncomingMessage): string {
  const host = req.headers.host ?? 'localhost'
  const isHostSafe = /^[A-Za-z0-9.\-:[\]]+$/.test(host)
  const proto = req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http'
  return `${proto}://${isHostSafe ? host : 'localhost'}`
}
