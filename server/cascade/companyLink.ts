import * as Y from 'yjs'
import { cascadeMaps, type CascadeLink } from '../../shared/cascade/cascadeDoc.ts'
import type { PublishedSet } from '../../shared/exports/publishedSet.ts'
import { MEETING_MAP } from '../../shared/meeting/meetingDoc.ts'
import type { CreateMeetingRequest } from '../../shared/protocol/messages.ts'
import type { MeetingStore } from '../persistence/MeetingStore.ts'
import { HttpError } from '../http/readJsonBody.ts'

/** A meeting's doc as committed to storage (what was acknowledged), or null when there is no such meeting. */
export async function readStoredDoc(store: MeetingStore, meetingId: string): Promise<Y.Doc | null> {
  const stored = await store.loadMeeting(meetingId)
  if (!stored) return null
  const doc = new Y.Doc()
  for (const update of stored.updates) Y.applyUpdate(doc, update)
  return doc
}

/**
 * The company set a new department meeting aligns to: it must exist, be published, be for the same quarter, and be a
 * company set (a department's own set is not cascaded further here). Refusals are 400s that say what to fix.
 */
export async function resolveCompanyLink(store: MeetingStore, request: CreateMeetingRequest): Promise<CascadeLink | null> {
  if (!request.cascade) return null
  const doc = await readStoredDoc(store, request.cascade.companyMeetingId)
  try {
    const company = (doc?.getMap(MEETING_MAP).get('published') as PublishedSet | undefined) ?? null
    if (doc && cascadeMaps(doc).cascade.get('link')) {
      throw new HttpError(400, 'bad_request', 'cascade.companyMeetingId: that is a department’s set. Link to the company’s published set instead.')
    }
    if (!doc || !company) {
      throw new HttpError(
        400,
        'bad_request',
        'cascade.companyMeetingId: that link has no published company OKRs. Paste the company’s published link (…/p/<id>).',
      )
    }
    if (company.quarter !== request.quarter) {
      throw new HttpError(400, 'bad_request', `quarter: the company set is for ${company.quarter}; a department aligns to the same quarter.`)
    }
    return { companyMeetingId: request.cascade.companyMeetingId, department: request.cascade.department, company }
  } finally {
    doc?.destroy()
  }
}

/** The department meeting's first cascade state, merged into its initial doc update. */
export function cascadeLinkUpdate(link: CascadeLink): Uint8Array {
  const doc = new Y.Doc()
  doc.transact(() => {
    const { cascade } = cascadeMaps(doc)
    cascade.set('link', link)
    cascade.set('supports', {})
    cascade.set('confirmation', { status: 'draft' })
    cascade.set('personal', [])
  })
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}
