import * as Y from 'yjs'
import type { PublishedSet } from '../../shared/exports/publishedSet.ts'
import { exportCsv } from '../../shared/exports/exportCsv.ts'
import { exportJson } from '../../shared/exports/exportJson.ts'
import { exportMarkdown } from '../../shared/exports/exportMarkdown.ts'
import { MEETING_MAP } from '../../shared/meeting/meetingDoc.ts'
import type { MeetingStore } from '../persistence/MeetingStore.ts'
import { HttpError } from './readJsonBody.ts'

const PUBLISHED_PATH = /^\/api\/meetings\/([A-Za-z0-9_-]{10,64})\/(published|plenary|export\.(md|csv|json))$/

export interface FileResponse {
  status: number
  contentType: string
  body: string
  filename?: string
}

/** Reads a meeting's published set from storage (what was acknowledged is there), or null when not published. */
export async function readPublishedSet(store: MeetingStore, meetingId: string): Promise<PublishedSet | null> {
  return (await readPlenary(store, meetingId))?.set ?? null
}

/** The plenary's material: this quarter's published set and the previous quarter's (when the meeting followed one). */
export async function readPlenary(store: MeetingStore, meetingId: string): Promise<{ set: PublishedSet; previous: PublishedSet | null } | null> {
  const stored = await store.loadMeeting(meetingId)
  if (!stored) return null
  const doc = new Y.Doc()
  for (const update of stored.updates) Y.applyUpdate(doc, update)
  const meeting = doc.getMap(MEETING_MAP)
  const set = (meeting.get('published') as PublishedSet | undefined) ?? null
  const previous = (meeting.get('previous') as PublishedSet | undefined) ?? null
  doc.destroy()
  return set ? { set, previous } : null
}

/** GET /api/meetings/<id>/published (JSON for the public page) and /export.md|csv|json (downloads). */
export async function publishedRoute(pathname: string, store: MeetingStore): Promise<FileResponse | null> {
  const match = PUBLISHED_PATH.exec(pathname)
  if (!match) return null
  const plenary = await readPlenary(store, match[1] as string)
  const set = plenary?.set
  if (!plenary || !set) throw new HttpError(404, 'not_found', 'These OKRs are not published, or the meeting does not exist.')
  const slug = `okrs-${set.quarter.replace(/\s+/g, '-').toLowerCase()}`
  switch (match[3]) {
    case 'md':
      return { status: 200, contentType: 'text/markdown; charset=utf-8', body: exportMarkdown(set), filename: `${slug}.md` }
    case 'csv':
      return { status: 200, contentType: 'text/csv; charset=utf-8', body: exportCsv(set), filename: `${slug}.csv` }
    case 'json':
      return { status: 200, contentType: 'application/json; charset=utf-8', body: exportJson(set), filename: `${slug}.json` }
    default:
      if (match[2] === 'plenary') return { status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(plenary) }
      return { status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(set) }
  }
}
