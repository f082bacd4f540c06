import { MAX_REASON_CHARS } from './rhythmTypes.ts'

/** A reason fits on one line: no line breaks, and short enough to read at a glance. */
export function isOneLine(text: string, maxChars: number = MAX_REASON_CHARS): boolean {
  const t = text.trim()
  return !/[\r\n]/.test(t) && t.length <= maxChars
}
