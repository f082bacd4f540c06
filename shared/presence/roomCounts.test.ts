import { describe, expect, it } from 'vitest'
import type { MeetingView, ParticipantView } from '../meeting/meetingView.ts'
import type { Stage } from '../stages/stages.ts'
import { DEFAULT_SETTINGS } from '../meeting/settings.ts'
import { countPresence, doneProgress, filterParticipants } from './roomCounts.ts'

let nextJoin = 0
function person(name: string, overrides: Partial<ParticipantView> = {}): ParticipantView {
  nextJoin++
  return {
    id: `id-${name.toLowerCase().replace(/\W/g, '')}`,
    name,
    role: 'participant',
    joinedAt: nextJoin,
    isOnline: true,
    doneStage: null,
    ...overrides,
  }
}

function meeting(stage: Stage, participants: ParticipantView[]): MeetingView {
  return {
    id: 'm1',
    title: 'Company OKRs',
    quarter: '2027 Q1',
    mission: { value: 'help teams decide', field: 'software', impact: '' },
    objectiveCount: 3,
    createdAt: 0,
    stage,
    stageStartedAt: 0,
    timer: null,
    participants,
    settings: DEFAULT_SETTINGS,
    submissionCount: 0,
    openSubmissions: [],
    cards: [],
    clusters: [],
    suggestions: [],
    vote: null,
    votedIds: [],
    objectives: [],
    keyResults: [],
    objectiveDetails: {},
    published: null,
    previous: null,
  }
}

describe('countPresence', () => {
  it('counts joined, online and away participants', () => {
    const view = meeting('submit', [
      person('Ana'),
      person('Ben', { isOnline: false }),
      person('Chloé'),
      person('Dev', { isOnline: false }),
      person('Eve'),
    ])
    expect(countPresence(view)).toEqual({ joined: 5, online: 3, away: 2 })
  })

  it('leaves the facilitator out of the counts, online or not', () => {
    const view = meeting('submit', [
      person('Facilitator', { role: 'facilitator' }),
      person('Other facilitator', { role: 'facilitator', isOnline: false }),
      person('Ana'),
    ])
    expect(countPresence(view)).toEqual({ joined: 1, online: 1, away: 0 })
  })

  it('counts a person once however many tabs they have (the doc holds one record per person)', () => {
    // Two tabs of Ana share one participant id, so the view has one Ana.
    const view = meeting('submit', [person('Ana'), person('Ben')])
    expect(countPresence(view).online).toBe(2)
  })

  it('counts nobody in an empty room', () => {
    expect(countPresence(meeting('mission', []))).toEqual({ joined: 0, online: 0, away: 0 })
  })
})

describe('doneProgress', () => {
  it('counts only participants who said they are done with the current stage', () => {
    const ana = person('Ana', { doneStage: 'vote' })
    const ben = person('Ben', { doneStage: 'group' })
    const cy = person('Cy')
    const result = doneProgress(meeting('vote', [ana, ben, cy]))
    expect(result.done).toBe(1)
    expect(result.total).toBe(3)
    expect(result.notDone.map((p) => p.name)).toEqual(['Ben', 'Cy'])
  })

  it('resets when the stage moves on: done in submit is not done in group', () => {
    const people = [person('Ana', { doneStage: 'submit' }), person('Ben', { doneStage: 'submit' })]
    expect(doneProgress(meeting('submit', people)).done).toBe(2)
    expect(doneProgress(meeting('group', people)).done).toBe(0)
  })

  it('leaves facilitators out of done and total', () => {
    const result = doneProgress(
      meeting('submit', [person('Facilitator', { role: 'facilitator' }), person('Ana', { doneStage: 'submit' })]),
    )
    expect(result).toMatchObject({ done: 1, total: 1, notDone: [] })
  })

  it('counts people who are away too: leaving the room does not make you done', () => {
    const result = doneProgress(meeting('submit', [person('Ana', { isOnline: false }), person('Ben', { doneStage: 'submit' })]))
    expect(result.done).toBe(1)
    expect(result.total).toBe(2)
    expect(result.notDone.map((p) => p.name)).toEqual(['Ana'])
  })

  it.each([
    ['mission', false],
    ['submit', true],
    ['group', true],
    ['vote', true],
    ['keyResults', true],
    ['review', false],
    ['published', false],
  ] as const)('tracks done in %s: %s', (stage, isTracked) => {
    expect(doneProgress(meeting(stage, [person('Ana')])).isTracked).toBe(isTracked)
  })
})

describe('filterParticipants', () => {
  const people = [person('José Álvarez'), person('Zoë Müller'), person('JOHN smith'), person('Ångström Lab'), person('Chloé')]
  const names = (list: ParticipantView[]) => list.map((p) => p.name)

  it('finds a name regardless of accents in the query or the name', () => {
    expect(names(filterParticipants(people, 'jose'))).toEqual(['José Álvarez'])
    expect(names(filterParticipants(people, 'álvarez'))).toEqual(['José Álvarez'])
    expect(names(filterParticipants(people, 'zoe mu'))).toEqual(['Zoë Müller'])
    expect(names(filterParticipants(people, 'angstrom'))).toEqual(['Ångström Lab'])
  })

  it('ignores case', () => {
    expect(names(filterParticipants(people, 'John SMITH'))).toEqual(['JOHN smith'])
    expect(names(filterParticipants(people, 'CHLOE'))).toEqual(['Chloé'])
  })

  it('matches inside names, not only at the start', () => {
    expect(names(filterParticipants(people, 'lö'))).toEqual(['Chloé'])
    expect(names(filterParticipants(people, 'varez'))).toEqual(['José Álvarez'])
  })

  it('returns everyone, as a copy, for an empty or blank query', () => {
    const all = filterParticipants(people, '   ')
    expect(names(all)).toEqual(names(people))
    expect(all).not.toBe(people)
  })

  it('returns nobody when nothing matches', () => {
    expect(filterParticipants(people, 'xavier')).toEqual([])
  })

  it('trims the query', () => {
    expect(names(filterParticipants(people, '  zoë  '))).toEqual(['Zoë Müller'])
  })
})
