import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { meetingMaps } from './meetingDoc.ts'
import { readField, readObjectives, readStage, readVoteRound, writeField } from './meetingFields.ts'

describe('meeting fields', () => {
  it('read what was written, and fall back for an empty or odd meeting', () => {
    const { meeting } = meetingMaps(new Y.Doc())
    expect(readStage(meeting)).toBe('mission')
    expect(readVoteRound(meeting)).toBe(0)
    expect(readObjectives(meeting)).toEqual([])
    expect(readField(meeting, 'timer')).toBeUndefined()
    writeField(meeting, 'stage', { stage: 'vote', startedAt: 5 })
    writeField(meeting, 'timer', { startedAt: 1, durationMs: 60_000 })
    expect(readStage(meeting)).toBe('vote')
    expect(readField(meeting, 'timer')).toEqual({ startedAt: 1, durationMs: 60_000 })
    meeting.set('stage', { stage: 'not a stage', startedAt: 1 })
    expect(readStage(meeting)).toBe('mission')
  })
})
