/**
 * Whether a similarity result used the meeting's sentence model, for the facilitator to see:
 * 'off' (none configured: lexical matching), 'used' (every title embedded), or 'fallback' (the model
 * was slow or failing for some titles, which were matched lexically, and why).
 */
export type SemanticUse =
  | { state: 'off' }
  | { state: 'used'; model: string; embedded: number; total: number }
  | { state: 'fallback'; model: string; embedded: number; total: number; reason: string }
