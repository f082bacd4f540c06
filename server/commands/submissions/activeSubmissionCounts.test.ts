import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { countActiveBy } from '../../../shared/submissions/submissionRules.ts'
import type { SubmissionRecord, SubmissionStatus } from '../../../shared/submissions/submissionTypes.ts'
import { activeSubmissionsBy } from './activeSubmissionCounts.ts'

const record = (id: string, authorId: string, status: SubmissionStatus): SubmissionRecord => ({
  id,
  title: id,
  why: '',
  authorId,
  supporterIds: [],
  status,
  createdAt: 0,
  updatedAt: 0,
  cardId: null,
})

describe('activeSubmissionsBy', () => {
  it('agrees with a full scan through adds, status changes, re-authoring and deletes', () => {
    const doc = new Y.Doc()
    const map = doc.getMap<SubmissionRecord>('submissions')
    map.set('s0', record('s0', 'ana', 'active'))
    const authors = ['ana', 'ben', 'cy']
    const statuses: SubmissionStatus[] = ['active', 'withdrawn', 'hidden']
    let seed = 7
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n
    expect(activeSubmissionsBy(map, 'ana')).toBe(1) // builds the counts from what is already there
    for (let step = 0; step < 400; step++) {
      const id = `s${random(30)}`
      doc.transact(() => {
        if (random(5) === 0) map.delete(id)
        else map.set(id, record(id, authors[random(3)] as string, statuses[random(3)] as SubmissionStatus))
      })
      for (const author of authors) expect(activeSubmissionsBy(map, author)).toBe(countActiveBy(map.values(), author))
    }
  })

  it('counts each map on its own', () => {
    const a = new Y.Doc().getMap<SubmissionRecord>('submissions')
    const b = new Y.Doc().getMap<SubmissionRecord>('submissions')
    a.set('x', record('x', 'ana', 'active'))
    expect(activeSubmissionsBy(a, 'ana')).toBe(1)
    expect(activeSubmissionsBy(b, 'ana')).toBe(0)
  })
})
