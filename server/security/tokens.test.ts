import { createHash } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'

// Spy on the one comparison the module may use, so the test can tell it compares in constant time.
const timingSafeEqualSpy = vi.hoisted(() => ({ calls: 0 }))
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>()
  return {
    ...actual,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      timingSafeEqualSpy.calls++
      return actual.timingSafeEqual(a, b)
    },
  }
})

const { hashSecret, newMeetingId, newParticipantId, newToken, secretMatches, splitToken } = await import('./tokens.ts')
const { Command } = await import('../../shared/protocol/messages.ts')

const BASE64URL = /^[A-Za-z0-9_-]+$/

describe('newToken', () => {
  it('is "<participantId>.<secret>" with a secret of at least 128 random bits', () => {
    const { token } = newToken('p1')
    const parts = splitToken(token)
    expect(parts?.participantId).toBe('p1')
    expect(parts?.secret).toMatch(BASE64URL)
    expect(Buffer.from(parts?.secret ?? '', 'base64url').length * 8).toBeGreaterThanOrEqual(128)
  })

  it('never repeats a secret', () => {
    const secrets = new Set(Array.from({ length: 1000 }, () => splitToken(newToken('p1').token)?.secret))
    expect(secrets.size).toBe(1000)
  })

  it('returns the SHA-256 hash of the secret for storage, never the secret itself', () => {
    const { token, tokenHash } = newToken('p1')
    const secret = splitToken(token)?.secret ?? ''
    expect(tokenHash).toBe(createHash('sha256').update(secret).digest('hex'))
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/)
    expect(tokenHash).not.toContain(secret)
    expect(token).not.toContain(tokenHash)
  })

  it('passes the hello command schema, so a real token can always be presented', () => {
    const { token } = newToken(newParticipantId())
    expect(Command.safeParse({ id: 'c1', type: 'hello', token }).success).toBe(true)
  })
})

describe('secretMatches', () => {
  it('accepts the secret whose hash was stored', () => {
    const { token, tokenHash } = newToken('p1')
    expect(secretMatches(splitToken(token)?.secret ?? '', tokenHash)).toBe(true)
  })

  it('refuses another secret, a near miss and an empty one', () => {
    const { token, tokenHash } = newToken('p1')
    const secret = splitToken(token)?.secret ?? ''
    const other = splitToken(newToken('p1').token)?.secret ?? ''
    const nearMiss = secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A')
    for (const presented of [other, nearMiss, '', secret + 'x']) expect(secretMatches(presented, tokenHash)).toBe(false)
  })

  it('refuses a stored hash that is malformed instead of throwing', () => {
    const { token } = newToken('p1')
    const secret = splitToken(token)?.secret ?? ''
    expect(secretMatches(secret, '')).toBe(false)
    expect(secretMatches(secret, 'abc')).toBe(false)
    expect(secretMatches(secret, hashSecret(secret).slice(0, 62))).toBe(false)
  })

  it('compares in constant time with timingSafeEqual', () => {
    const { token, tokenHash } = newToken('p1')
    const before = timingSafeEqualSpy.calls
    secretMatches(splitToken(token)?.secret ?? '', tokenHash)
    secretMatches('wrong-secret', tokenHash)
    expect(timingSafeEqualSpy.calls - before).toBe(2)
  })
})

describe('splitToken', () => {
  it('splits at the first dot', () => {
    expect(splitToken('abc.def.ghi')).toEqual({ participantId: 'abc', secret: 'def.ghi' })
  })

  it.each(['', 'nodot', '.secret', 'id.', '.'])('refuses %j', (token) => {
    expect(splitToken(token)).toBeNull()
  })
})

describe('ids', () => {
  it('makes meeting ids of 128 random bits that the socket path accepts', () => {
    const id = newMeetingId()
    expect(Buffer.from(id, 'base64url').length).toBe(16)
    expect(id).toMatch(/^[A-Za-z0-9_-]{10,64}$/)
    const ids = new Set(Array.from({ length: 1000 }, newMeetingId))
    expect(ids.size).toBe(1000)
  })

  it('makes participant ids without dots, so a token splits unambiguously', () => {
    for (let i = 0; i < 200; i++) expect(newParticipantId()).toMatch(BASE64URL)
    const ids = new Set(Array.from({ length: 1000 }, newParticipantId))
    expect(ids.size).toBe(1000)
  })
})
