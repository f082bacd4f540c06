import { createHash } from 'node:crypto'

/** The key under which a command-log row keeps the fingerprint of the command that produced it. */
const FINGERPRINT_KEY = '$fp'

/**
 * What a command asked for, without its id: the parsed command (zod's output has a fixed key order, so equal commands
 * give equal JSON). A resend with the same id and the same body is the same command; anything else is a different one.
 */
export function commandFingerprint(command: { id: string; type: string }): string {
  const { id: _id, ...body } = command
  return createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 22)
}

/**
 * The command log keeps results as JSON objects; the fingerprint rides along inside, so the storage schema (and rows
 * logged before fingerprints existed, which simply have none) stay as they are.
 */
export function withFingerprint(result: unknown, fingerprint: string): string {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return JSON.stringify(result)
  return JSON.stringify({ ...result, [FINGERPRINT_KEY]: fingerprint })
}

/** The logged result as it was first answered, and the fingerprint of the command that produced it (null: unknown). */
export function readLogged(logged: string): { result: unknown; fingerprint: string | null } {
  const value = JSON.parse(logged) as unknown
  if (typeof value !== 'object' || value === null || !(FINGERPRINT_KEY in value)) return { result: value, fingerprint: null }
  const { [FINGERPRINT_KEY]: fingerprint, ...result } = value as Record<string, unknown>
  return { result, fingerprint: typeof fingerprint === 'string' ? fingerprint : null }
}

export function idReusedMessage(commandId: string): string {
  return `Command id ${commandId} was already used for a different command; nothing was applied. Send it with a new id.`
}
