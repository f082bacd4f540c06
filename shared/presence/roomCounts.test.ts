import { describe, expect, it } from 'vitest'
import type { Stage } from '../stages/stages.ts'
import type { RosterEntry } from './presenceTypes.ts'
import {
  countPresence,
  doneProgress,
  filterParticipants,
  notDone,
  notVoted,
  foldName,
  samePresence,
  searchPeople,
  summarisePresence,
  votedProgress,
} from './roomCounts.ts'

let nextJoin = 0
function person(name: string, overrides: Partial<RosterEntry> = {}): RosterEntry {
  nextJoin++
  return {
    id: `id-${name.toLowerCase().replace(/\W/g, '')}`,
    name,
    role: 'participant',
    joinedAt: nextJoin,
    isOnline: true,
    doneStage: null,
    votedRound: 0,
    ...overrides,
  }
}

/** What a client sees: the stage and the counts the server summarised from everyone's states. */
function meeting(stage: Stage, people: RosterEntry[], round = 0) {
  return { stage, presence: summarisePresence(people, stage, round) }
}

describe('countPresence', () => {
  it('counts joined, online and away participants', () => {
    const view = meeting('submit', [person('Ana'), person('Ben', { isOnline: false }), person('Chloé'), person('Dev', { isOnline: false }), person('Eve')])
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
    expect(notDone([ana, ben, cy], 'vote').map((p) => p.name)).toEqual(['Ben', 'Cy'])
  })

  it('resets when the stage moves on: done in submit is not done in group', () => {
    const people = [person('Ana', { doneStage: 'submit' }), person('Ben', { doneStage: 'submit' })]
    expect(doneProgress(meeting('submit', people)).done).toBe(2)
    expect(doneProgress(meeting('group', people)).done).toBe(0)
  })

  it('leaves facilitators out of done and total', () => {
    const people = [person('Facilitator', { role: 'facilitator' }), person('Ana', { doneStage: 'submit' })]
    expect(doneProgress(meeting('submit', people))).toMatchObject({ done: 1, total: 1 })
    expect(notDone(people, 'submit')).toEqual([])
  })

  it('counts people who are away too: leaving the room does not make you done', () => {
    const people = [person('Ana', { isOnline: false }), person('Ben', { doneStage: 'submit' })]
    const result = doneProgress(meeting('submit', people))
    expect(result.done).toBe(1)
    expect(result.total).toBe(2)
    expect(notDone(people, 'submit').map((p) => p.name)).toEqual(['Ana'])
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
  const names = (list: RosterEntry[]) => list.map((p) => p.name)

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

describe('done counts across stages', () => {
  it('a summary made for an earlier stage counts nobody as done in the current one', () => {
    const summary = summarisePresence([person('Ana', { doneStage: 'submit' })], 'submit', 0)
    expect(doneProgress({ stage: 'group', presence: summary }).done).toBe(0)
  })
})

describe('votedProgress and notVoted', () => {
  it('counts voters of the current round only', () => {
    const people = [person('Ana', { votedRound: 2 }), person('Ben', { votedRound: 1 }), person('Cy'), person('Fac', { role: 'facilitator', votedRound: 2 })]
    const view = meeting('vote', people, 2)
    expect(votedProgress(view, 2)).toEqual({ voted: 1, total: 3 })
    expect(votedProgress(view, 3)).toEqual({ voted: 0, total: 3 })
    expect(notVoted(people, 2).map((p) => p.name)).toEqual(['Ben', 'Cy'])
  })

  it('counts nobody as voted when there is no vote (round 0)', () => {
    expect(summarisePresence([person('Ana', { votedRound: 0 })], 'vote', 0).voted).toBe(0)
  })
})

describe('samePresence', () => {
  it('tells an unchanged summary from a changed one', () => {
    const a = summarisePresence([person('Ana')], 'submit', 0)
    expect(samePresence(a, { ...a })).toBe(true)
    expect(samePresence(a, { ...a, online: 0 })).toBe(false)
    expect(samePresence(undefined, a)).toBe(false)
  })
})

describe('searchPeople', () => {
  it('puts names that start with the query before names that contain it, each in joining order', () => {
    const people = ['Mara Ana', 'Ana B', 'Bo', 'Anaïs'].map((name, i) => ({ id: `p${i}`, name, folded: foldName(name), joinedAt: i }))
    expect(searchPeople(people, 'ANA').map((p) => p.name)).toEqual(['Ana B', 'Anaïs', 'Mara Ana'])
    expect(searchPeople(people, '  ').map((p) => p.name)).toEqual(['Mara Ana', 'Ana B', 'Bo', 'Anaïs'])
  })
})
