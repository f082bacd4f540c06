/** 128 random bits, URL-safe: unguessable, so a command id can double as a replay key (see join). */
export function newCommandId(): string {
  const bytes = new Uint8Array(16)
  globalThis.crypto.getRandomValues(bytes)
  let out = ''
  for (const b of bytes) out += b.toString(16).padStart(2, '0')
  return out
}
