import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { cascadeMaps } from '../../../shared/cascade/cascadeDoc.ts'
import type { StoredMeeting } from '../../persistence/MeetingStore.ts'
import { LeaseKeys } from './LeaseKeys.ts'

function storedMeeting(id: string, companyMeetingId: string | null): StoredMeeting {
  const doc = new Y.Doc()
  if (companyMeetingId) cascadeMaps(doc).cascade.set('link', { companyMeetingId, department: 'Sales', company: {} })
  return { id, createdAt: 1, updates: [Y.encodeStateAsUpdate(doc)], vaultUpdates: [], extraDocs: {}, credentials: [] }
}

describe('LeaseKeys', () => {
  it('files a department meeting under its company meeting, a company meeting under itself', async () => {
    const stored = new Map([
      ['company', storedMeeting('company', null)],
      ['sales', storedMeeting('sales', 'company')],
    ])
    let loads = 0
    const keys = new LeaseKeys((id) => (loads++, stored.get(id) ?? null))
    expect(await keys.resolve('sales')).toBe('company')
    expect(keys.known('company')).toBe('company')
    expect(await keys.resolve('company')).toBe('company')
    expect(loads).toBe(1)
    expect(await keys.resolve('missing')).toBeNull()
    expect(keys.known('missing')).toBeUndefined()
  })

  it('learns the key of a room from its doc as it loads', () => {
    const keys = new LeaseKeys(() => null)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, storedMeeting('ops', 'company').updates[0] as Uint8Array)
    expect(keys.learnFromDoc('ops', doc)).toBe('company')
    expect(keys.known('ops')).toBe('company')
  })
})
