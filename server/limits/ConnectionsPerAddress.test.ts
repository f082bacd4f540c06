import { describe, expect, it } from 'vitest'
import { ConnectionsPerAddress, normalizeAddress } from './ConnectionsPerAddress.ts'

describe('ConnectionsPerAddress', () => {
  it('refuses the connection over the limit and counts each address apart', () => {
    const limit = new ConnectionsPerAddress(2)
    expect(limit.tryAcquire('10.0.0.1')).not.toBeNull()
    expect(limit.tryAcquire('10.0.0.1')).not.toBeNull()
    expect(limit.tryAcquire('10.0.0.1')).toBeNull()
    expect(limit.tryAcquire('10.0.0.2')).not.toBeNull()
    expect(limit.count('10.0.0.1')).toBe(2)
  })

  it('frees a slot on release, once, however often release is called', () => {
    const limit = new ConnectionsPerAddress(1)
    const release = limit.tryAcquire('127.0.0.1')
    expect(release).not.toBeNull()
    release?.()
    release?.()
    expect(limit.count('127.0.0.1')).toBe(0)
    const again = limit.tryAcquire('127.0.0.1')
    expect(again).not.toBeNull()
    release?.()
    expect(limit.count('127.0.0.1')).toBe(1)
    expect(limit.tryAcquire('127.0.0.1')).toBeNull()
  })

  it('forgets addresses with no connections left', () => {
    const limit = new ConnectionsPerAddress(5)
    const releases = ['a', 'b', 'c'].map((a) => limit.tryAcquire(a))
    expect(limit.addressCount).toBe(3)
    for (const r of releases) r?.()
    expect(limit.addressCount).toBe(0)
  })
})

describe('normalizeAddress', () => {
  it('spells an IPv4 client the same over IPv4 and IPv6 sockets', () => {
    expect(normalizeAddress('::ffff:127.0.0.1')).toBe('127.0.0.1')
    expect(normalizeAddress('127.0.0.1')).toBe('127.0.0.1')
    expect(normalizeAddress('::1')).toBe('::1')
    expect(normalizeAddress('2001:DB8::1')).toBe('2001:db8::1')
    expect(normalizeAddress(undefined)).toBe('unknown')
  })
})
