import { describe, expect, it } from 'vitest'
import { SeenCommandIds } from './SeenCommandIds.ts'

describe('SeenCommandIds', () => {
  it('says "maybe" for every logged key and for every key remembered since, "no" for a fresh one', () => {
    let loads = 0
    const seen = new SeenCommandIds(() => {
      loads++
      return [{ actorKey: 'p1', commandId: 'c1' }]
    })
    expect(loads).toBe(0) // nothing is read until the first command
    expect(seen.mightBeLogged('p1', 'c1')).toBe(true)
    expect(seen.mightBeLogged('p1', 'c2')).toBe(false)
    expect(seen.mightBeLogged('p2', 'c1')).toBe(false) // the same id from someone else is another command
    seen.remember('p2', 'c1')
    expect(seen.mightBeLogged('p2', 'c1')).toBe(true)
    expect(loads).toBe(1)
    expect(seen.size).toBe(2)
  })

  it('says "maybe" to everything when the store cannot list its log', () => {
    const seen = new SeenCommandIds(() => null)
    seen.remember('p1', 'c1')
    expect(seen.mightBeLogged('p1', 'c9')).toBe(true)
  })

  it('does not mix actor and id across the separator', () => {
    const seen = new SeenCommandIds(() => [{ actorKey: 'a', commandId: 'b' }])
    expect(seen.mightBeLogged('a\u0000b', '')).toBe(false)
  })
})
