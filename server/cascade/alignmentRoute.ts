import { alignmentReport, type AlignmentResponse } from '../../shared/cascade/alignmentReport.ts'
import { cascadeMaps, type CascadeLink } from '../../shared/cascade/cascadeDoc.ts'
import { MEETING_MAP } from '../../shared/meeting/meetingDoc.ts'
import * as Y from 'yjs'
import type { MeetingStore, TeamSpaceStore } from '../persistence/MeetingStore.ts'
import { checkInsFromFourSquares } from '../../shared/rhythm/checkIns.ts'
import type { ConfidenceCheckIn } from '../../shared/rhythm/rhythmTypes.ts'
import { fourSquareOf, readTeamView } from '../../shared/rhythm/teamDoc.ts'
import { teamDocName } from '../rhythm/TeamRoom.ts'
import { HttpError } from '../http/readJsonBody.ts'
import { readStoredDoc } from './companyLink.ts'
import { readField, readObjectives } from '../../shared/meeting/meetingFields.ts'

const ALIGNMENT_PATH = /^\/api\/meetings\/([A-Za-z0-9_-]{10,64})\/alignment$/

export type { AlignmentResponse }

async function readCompany(store: MeetingStore, meetingId: string) {
  const doc = await readStoredDoc(store, meetingId)
  if (!doc) return null
  try {
    const meeting = doc.getMap(MEETING_MAP)
    const { cascade, departments } = cascadeMaps(doc)
    return {
      published: readField(meeting, 'published') ?? null,
      objectives: readObjectives(meeting),
      link: (cascade.get('link') as CascadeLink | undefined) ?? null,
      departments: [...departments.values()].sort((a, b) => a.publishedAt - b.publishedAt || a.id.localeCompare(b.id)),
    }
  } finally {
    doc.destroy()
  }
}

/** Every weekly confidence check-in the meeting's team spaces recorded (committed state). */
async function checkInsOf(store: TeamSpaceStore, meetingId: string): Promise<ConfidenceCheckIn[]> {
  const history: ConfidenceCheckIn[] = []
  for (const team of await store.listTeamSpaces(meetingId)) {
    const doc = new Y.Doc()
    try {
      for (const update of await store.loadDoc(meetingId, teamDocName(team.id))) Y.applyUpdate(doc, update)
      const view = readTeamView(doc)
      if (view) history.push(...checkInsFromFourSquares(view.weeks.map((w) => fourSquareOf(view.record.name, w))))
    } finally {
      doc.destroy()
    }
  }
  return history
}

/**
 * GET /api/meetings/<id>/alignment: the company set's alignment view, from committed state. Asked for a department
 * meeting, it answers its company's view (and says which department asked).
 */
export async function alignmentRoute(pathname: string, store: MeetingStore & TeamSpaceStore, now: number): Promise<AlignmentResponse | null> {
  const match = ALIGNMENT_PATH.exec(pathname)
  if (!match) return null
  const id = match[1] as string
  let company = await readCompany(store, id)
  let department: AlignmentResponse['department'] = null
  if (company?.link) {
    department = { meetingId: id, department: company.link.department }
    company = await readCompany(store, company.link.companyMeetingId)
  }
  if (!company?.published) throw new HttpError(404, 'not_found', 'These OKRs are not published, or the meeting does not exist.')
  const report = alignmentReport({
    company: company.published,
    companyDots: Object.fromEntries(company.objectives.map((o) => [o.id, o.dots])),
    departments: company.departments,
    now,
    // Confidence moves week by week in the team spaces (weekly rhythm): roll-ups and staleness use the latest.
    history: (await Promise.all([company.published.meetingId, ...company.departments.map((d) => d.id)].map((id) => checkInsOf(store, id)))).flat(),
  })
  return { ...report, department }
}
