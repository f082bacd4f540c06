import * as decoding from 'lib0/decoding'
import { MESSAGE_APP } from '../../shared/protocol/wire.ts'
import { MAX_COMMAND_BYTES, MAX_COMMAND_ID_LENGTH } from '../../shared/protocol/limits.ts'

const COMMAND_ID = new RegExp(`^[A-Za-z0-9_-]{1,${MAX_COMMAND_ID_LENGTH}}$`)

/**
 * The command id of an app frame, if it has a readable one, so a refusal that happens before the command is
 * handled (a rate limit) can still name the command it refuses. Never throws.
 */
export function commandIdOf(frame: Uint8Array): string | null {
  if (frame.byteLength > MAX_COMMAND_BYTES + 8) return null
  try {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== MESSAGE_APP) return null
    const parsed = JSON.parse(decoding.readVarString(decoder)) as unknown
    const id = typeof parsed === 'object' && parsed !== null ? (parsed as { id?: unknown }).id : undefined
    return typeof id === 'string' && COMMAND_ID.test(id) ? id : null
  } catch {
    // reason: an unreadable frame simply has no id; the refusal then goes out as a notice.
    return null
  }
}
