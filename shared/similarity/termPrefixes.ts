/** Term prefixes of analyzeText's output; the index weighs them differently. */
export const CONCEPT_PREFIX = '#'
export const NUMBER_PREFIX = '='
