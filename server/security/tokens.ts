import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** 128 bits: unguessable meeting ids. */
export function newMeetingId(): string {
  return randomBytes(16).toString('base64url')
}

/** Participant ids are public (they are in the shared doc); they only need to be unique. */
export function newParticipantId(): string {
  return randomBytes(9).toString('base64url')
}

/** A token is `<participantId>.<secret>`: the id finds the credential, the 256-bit secret proves it. */
export function newToken(participantId: string): { token: string; tokenHash: string } {
  const secret = randomBytes(32).toString('base64url')
  return { token: `${participantId}.${secret}`, tokenHash: hashSecret(secret) }
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

export function splitToken(token: string): { participantId: string; secret: string } | null {
  const dot = token.indexOf('.')
  if (dot <= 0 || dot === token.length - 1) return null
  return { participantId: token.slice(0, dot), secret: token.slice(dot + 1) }
}

/** Constant-time comparison of a presented secret with a stored hash. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex')
  const stored = Buffer.from(storedHash, 'hex')
  return presented.length === stored.length && timingSafeEqual(presented, stored)
}
