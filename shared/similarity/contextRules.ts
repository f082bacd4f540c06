import { CONCEPT_PREFIX } from './termPrefixes.ts'

/**
 * Verbs whose meaning depends on what they act on. "Raise", "close" and "complete" a round are the
 * same objective, but "raise prices" is not "close the Barcelona office"; "win" a market is to lead
 * it, "win" a deal is to sign it. Each rule applies when the text holds one of its context concepts
 * and rewrites the verbs it lists (as concepts, stems of either language, or exact words).
 */
interface ContextRule {
  /** Concept ids (without "#") that switch the rule on. */
  when: readonly string[]
  /** Terms (as analyzeText produced them) rewritten to `to`; `to` empty drops them. */
  terms: readonly string[]
  to: string
}

const concept = (id: string) => CONCEPT_PREFIX + id

const RULES: readonly ContextRule[] = [
  // Raising, closing, completing or securing a round: the round is the objective, the verb says nothing more.
  {
    when: ['funding'],
    terms: [
      concept('up'),
      concept('g-finish'),
      'close',
      'complet',
      'secur',
      'land',
      'get',
      'finish',
      concept('build'),
      'levant',
      'cerr',
      'cerrar',
      'complet',
      'consegu',
      'reach',
      'termin',
      'obten',
    ],
    to: '',
  },
  // Winning, capturing or dominating a market is becoming its leader.
  {
    when: ['market', 'marketleader'],
    terms: ['win', 'captur', 'domin', 'dominat', 'conquer', 'own', 'lead', 'gan', 'ganar', 'conquist', 'lider', 'liderar', 'captar', 'capt', 'attract'],
    to: concept('marketleader'),
  },
  // Winning, landing, signing or closing deals, accounts or customers is acquiring them.
  {
    when: ['deal', 'customer', 'partner', 'enterprise'],
    terms: [
      'win',
      'land',
      'sign',
      'close',
      'gan',
      'ganar',
      'firm',
      'firmar',
      'cerr',
      'cerrar',
      'capt',
      'captar',
      'attract',
      'acquir',
      'acquisi',
      'acquisition',
    ],
    to: concept('acquire'),
  },
  // Raising, growing or collecting donations, grants or money is fundraising.
  {
    when: ['g-donor', 'g-grant', 'g-money'],
    terms: [concept('up'), 'get', 'reach', 'collect'],
    to: concept('g-raisefunds'),
  },
]

/** Rewrites context-dependent verbs in a list of terms; the list is not changed in place. */
export function applyContextRules(terms: readonly string[]): string[] {
  let out = [...terms]
  for (const rule of RULES) {
    if (!rule.when.some((id) => out.includes(concept(id)))) continue
    const targets = new Set(rule.terms)
    out = out.flatMap((t) => (targets.has(t) ? (rule.to === '' ? [] : [rule.to]) : [t]))
  }
  return out
}
