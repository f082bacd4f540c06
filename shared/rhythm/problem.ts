/**
 * A specific, friendly problem a rule found. Never blocking by itself: the edge decides whether a problem refuses a
 * save or is only shown as a hint.
 */
export interface Problem<Code extends string = string> {
  code: Code
  message: string
  /** What the problem is about (a priority, key result, objective… id), or null when it is about the whole thing. */
  subjectId: string | null
}

const QUOTE_MAX_CHARS = 60

/** People's text inside a message: trimmed, quoted, shortened when long, with a fallback when empty. */
export function quoted(text: string, fallback: string): string {
  const t = text.trim().replace(/\s+/g, ' ')
  if (!t) return fallback
  return `“${t.length > QUOTE_MAX_CHARS ? `${t.slice(0, QUOTE_MAX_CHARS - 1)}…` : t}”`
}
