import { describe, expect, it } from 'vitest'
import { meetingIdFromLink } from './meetingIdFromLink.ts'

describe('meetingIdFromLink', () => {
  it('finds the id in the links people paste', () => {
    for (const link of [
      'https://okr.example.com/p/JHPB02jIVSmE9Y4mCKZ0DQ',
      '  https://okr.example.com/p/JHPB02jIVSmE9Y4mCKZ0DQ/alignment ',
      'http://localhost:3000/p/JHPB02jIVSmE9Y4mCKZ0DQ?x=1',
      'https://okr.example.com/m/JHPB02jIVSmE9Y4mCKZ0DQ#token=secret',
      'JHPB02jIVSmE9Y4mCKZ0DQ',
    ])
      expect(meetingIdFromLink(link)).toBe('JHPB02jIVSmE9Y4mCKZ0DQ')
  })

  it('refuses what is not a meeting link', () => {
    for (const text of [
      '',
      'Sales',
      'https://okr.example.com/',
      'https://okr.example.com/p/short',
      'https://okr.example.com/x/JHPB02jIVSmE9Y4mCKZ0DQ',
      'has spaces in it',
    ])
      expect(meetingIdFromLink(text)).toBeNull()
  })
})
