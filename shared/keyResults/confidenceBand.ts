export type ConfidenceBand = 'red' | 'yellow' | 'green'

export interface ConfidenceBands {
  /** At or below: red. */
  redMax: number
  /** At or above: green. */
  greenMin: number
}

/** DOMAIN.md: red at 3 or below, green at 7 or above, yellow between. */
export const DEFAULT_BANDS: ConfidenceBands = { redMax: 3, greenMin: 7 }

export function confidenceBand(confidence: number, bands: ConfidenceBands = DEFAULT_BANDS): ConfidenceBand {
  if (confidence <= bands.redMax) return 'red'
  if (confidence >= bands.greenMin) return 'green'
  return 'yellow'
}

export const BAND_LABELS: Record<ConfidenceBand, string> = { red: 'at risk', yellow: 'uncertain', green: 'on track' }
