/**
 * Names that would pass for the meeting's staff or the product itself in the people list, a card or the audit trail.
 * Folded before comparing, so case, spacing, punctuation, full-width letters and the usual Cyrillic and Greek
 * look-alikes do not get round it.
 */
const RESERVED_ANYWHERE_AT_ENDS = ['facilitator', 'facilitador', 'facilitatrice', 'moderator', 'administrator', 'organizer', 'organiser', 'quarterdeck']
/** Short words that are parts of ordinary names ("Hostetler", "Systemaker"): refused only on their own. */
const RESERVED_EXACT = ['admin', 'host', 'system', 'server', 'moderador', 'organizador']

/** Cyrillic and Greek letters that look like Latin ones in most fonts. */
const LOOK_ALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ӏ: 'l',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ϲ: 'c',
  '0': 'o',
  '1': 'l',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '|': 'l',
  '!': 'i',
}

export function foldForImpersonation(name: string): string {
  const lower = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
  let folded = ''
  for (const ch of lower) folded += LOOK_ALIKES[ch] ?? ch
  return folded.replace(/[^\p{L}\p{N}]/gu, '')
}

/** "Facilitator", "FACILITATOR", "Ana (facilitator)", "Fаcilitator" with a Cyrillic а, "Admin" … */
export function isImpersonatingName(name: string): boolean {
  const folded = foldForImpersonation(name)
  if (RESERVED_EXACT.includes(folded)) return true
  return RESERVED_ANYWHERE_AT_ENDS.some((word) => folded.startsWith(word) || folded.endsWith(word))
}
