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

  it('says "maybe" while an asynchronous list is on its way, and keeps what was remembered meanwhile', async () => {
    let resolve: (rows: { actorKey: string; commandId: string }[]) => void = () => {}
    const seen = new SeenCommandIds(() => new Promise((r) => (resolve = r)))
    expect(seen.mightBeLogged('p1', 'fresh')).toBe(true)
    seen.remember('p1', 'during')
    resolve([{ actorKey: 'p1', commandId: 'old' }])
    await Promise.resolve()
    expect(seen.mightBeLogged('p1', 'fresh')).toBe(false)
    expect(seen.mightBeLogged('p1', 'old')).toBe(true)
    expect(seen.mightBeLogged('p1', 'during')).toBe(true)
  })

  it('says "maybe" to everything when the store cannot list its log or the list fails', async () => {
    const none = new SeenCommandIds(() => null)
    none.remember('p1', 'c1')
    expect(none.mightBeLogged('p1', 'c9')).toBe(true)
    const failing = new SeenCommandIds(() => Promise.reject(new Error('disk')))
    expect(failing.mightBeLogged('p1', 'c9')).toBe(true)
    await new Promise((r) => setTimeout(r, 0))
    expect(failing.mightBeLogged('p1', 'c9')).toBe(true)
  })
})
