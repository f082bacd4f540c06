import { normalizeText } from './normalizeText.ts'

/** The words of normalizeText's output; empty for empty or punctuation-only text. */
export function tokenize(text: string): string[] {
  const normalized = normalizeText(text)
  return normalized === '' ? [] : normalized.split(' ')
}
