import * as Y from 'yjs'
import { cascadeMaps, type CascadeLink } from '../../../shared/cascade/cascadeDoc.ts'
import type { Awaitable, StoredMeeting } from '../../persistence/MeetingStore.ts'

/**
 * Which lease a meeting is written under. A department meeting and the team spaces of a meeting use their company
 * meeting's key: a cascade command writes the company and a department meeting in one commit, which is only atomic
 * if one owner holds both. The link is set when a department meeting is created and never changes, so a key, once
 * known, is kept.
 */
export class LeaseKeys {
  private readonly keys = new Map<string, string>()

  constructor(private readonly loadMeeting: (meetingId: string) => Awaitable<StoredMeeting | null>) {}

  /** The key of a meeting this node has seen (loaded or resolved); undefined otherwise. */
  known(meetingId: string): string | undefined {
    return this.keys.get(meetingId)
  }

  /** Notes a loaded meeting's key from its doc (every room does this as it loads). */
  learnFromDoc(meetingId: string, doc: Y.Doc): string {
    const link = cascadeMaps(doc).cascade.get('link') as CascadeLink | undefined
    const key = link?.companyMeetingId ?? meetingId
    this.keys.set(meetingId, key)
    this.keys.set(key, key)
    return key
  }

  /** The key of any meeting, reading its stored doc the first time; null when the meeting does not exist. */
  async resolve(meetingId: string): Promise<string | null> {
    const known = this.keys.get(meetingId)
    if (known) return known
    const stored = await this.loadMeeting(meetingId)
    if (!stored) return null
    const doc = new Y.Doc()
    try {
      for (const update of stored.updates) Y.applyUpdate(doc, update)
      return this.learnFromDoc(meetingId, doc)
    } finally {
      doc.destroy()
    }
  }
}
