import { describe, expect, it } from 'vitest'
import { defaultWeek, parseTeamPath, shortDate, teamPaths } from './teamPaths.ts'

const ID = 'PXmCKWZE1k3xcLtwaKwwIA'

describe('parseTeamPath', () => {
  it('reads every page of a team space', () => {
    expect(parseTeamPath(`/t/${ID}`)).toEqual({ view: 'week', teamId: ID, weekId: null })
    expect(parseTeamPath(`/t/${ID}/edit`)).toEqual({ view: 'edit', teamId: ID })
    expect(parseTeamPath(`/t/${ID}/week/2027-01-11`)).toEqual({ view: 'week', teamId: ID, weekId: '2027-01-11' })
    expect(parseTeamPath(`/t/${ID}/report/2027-01-11/`)).toEqual({ view: 'report', teamId: ID, weekId: '2027-01-11' })
    expect(parseTeamPath(`/t/${ID}/trends`)).toEqual({ view: 'trends', teamId: ID })
  })

  it('ignores a date that is not a Monday, and refuses other paths', () => {
    expect(parseTeamPath(`/t/${ID}/week/2027-01-12`)).toEqual({ view: 'week', teamId: ID, weekId: null })
    expect(parseTeamPath('/t/short')).toBeNull()
    expect(parseTeamPath(`/t/${ID}/other`)).toBeNull()
    expect(parseTeamPath(`/t/${ID}/week/../../etc`)).toBeNull()
  })

  it('builds the paths it reads', () => {
    expect(parseTeamPath(teamPaths.report(ID, '2027-01-04'))).toEqual({ view: 'report', teamId: ID, weekId: '2027-01-04' })
    expect(parseTeamPath(teamPaths.trends(ID))).toEqual({ view: 'trends', teamId: ID })
  })
})

describe('defaultWeek', () => {
  it('opens on this week inside the quarter, else on the nearest end of it', () => {
    expect(defaultWeek('2027 Q1', new Date('2027-02-03T12:00:00Z'))).toBe('2027-02-01')
    expect(defaultWeek('2027 Q1', new Date('2026-11-25T12:00:00Z'))).toBe('2027-01-04')
    expect(defaultWeek('2027 Q1', new Date('2027-06-01T12:00:00Z'))).toBe('2027-03-22')
  })

  it('names a week by its Monday as a short date', () => {
    expect(shortDate('2027-01-04')).toBe('4 Jan')
  })
})
