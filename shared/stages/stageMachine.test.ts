import { describe, expect, it } from 'vitest'
import { transitionStage } from './stageMachine.ts'
import { STAGES, isStage, isWorkingStage, nextStage, previousStage, type Stage } from './stages.ts'

const ORDER: Stage[] = ['mission', 'submit', 'group', 'vote', 'keyResults', 'review', 'published']

describe('stage order', () => {
  it('runs the stages in the order the meeting runs them', () => {
    expect([...STAGES]).toEqual(ORDER)
  })

  it('knows which stages ask participants to finish their own work', () => {
    expect(STAGES.filter(isWorkingStage)).toEqual(['submit', 'group', 'vote', 'keyResults'])
  })

  it('recognises stage names and nothing else', () => {
    for (const stage of ORDER) expect(isStage(stage)).toBe(true)
    for (const value of ['Mission', 'done', '', null, 3, undefined, { stage: 'vote' }]) expect(isStage(value)).toBe(false)
  })

  it('has no stage before the mission and none after publishing', () => {
    expect(previousStage('mission')).toBeNull()
    expect(nextStage('published')).toBeNull()
  })
})

describe('transitionStage', () => {
  const advances = ORDER.slice(0, -1).map((from, i) => [from, ORDER[i + 1] as Stage] as const)
  it.each(advances)('advances from %s to %s', (from, to) => {
    expect(transitionStage(from, 'advance', from)).toEqual({ ok: true, from, to })
  })

  // Going back out of "published" is refused, so the back moves run from submit to review.
  const backs = ORDER.slice(1, -1).map((from, i) => [from, ORDER[i] as Stage] as const)
  it.each(backs)('goes back from %s to %s', (from, to) => {
    expect(transitionStage(from, 'back', from)).toEqual({ ok: true, from, to })
  })

  it('refuses to go back from the first stage', () => {
    expect(transitionStage('mission', 'back', 'mission')).toMatchObject({ ok: false, code: 'no_previous_stage' })
  })

  it('refuses to advance past the last stage', () => {
    expect(transitionStage('published', 'advance', 'published')).toMatchObject({ ok: false, code: 'no_next_stage' })
  })

  it('treats published as final: there is no way back to review', () => {
    const result = transitionStage('published', 'back', 'published')
    expect(result).toMatchObject({ ok: false, code: 'published_is_final' })
  })

  it('refuses a move made while looking at an older stage, so two clicks move the meeting once', () => {
    const first = transitionStage('vote', 'advance', 'vote')
    expect(first).toEqual({ ok: true, from: 'vote', to: 'keyResults' })
    const second = transitionStage('keyResults', 'advance', 'vote')
    expect(second).toMatchObject({ ok: false, code: 'stale_stage' })
  })

  it.each(ORDER)('checks the expected stage before anything else (current: %s)', (current) => {
    const other = ORDER.find((s) => s !== current) as Stage
    for (const move of ['advance', 'back'] as const) {
      const result = transitionStage(current, move, other)
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.code).toBe('stale_stage')
        expect(result.reason).toContain(current)
      }
    }
  })

  it('explains every refusal in a sentence', () => {
    const refusals = [
      transitionStage('mission', 'back', 'mission'),
      transitionStage('published', 'advance', 'published'),
      transitionStage('published', 'back', 'published'),
      transitionStage('vote', 'advance', 'group'),
    ]
    for (const r of refusals) {
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.reason).toMatch(/^[A-Z].*\.$/)
    }
  })
})
