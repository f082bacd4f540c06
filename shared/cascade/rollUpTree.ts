import type { ConfidenceBand } from '../keyResults/confidenceBand.ts'
import type { AlignmentNode } from './alignmentTree.ts'

const SEVERITY: Record<ConfidenceBand, number> = { red: 0, yellow: 1, green: 2 }

/** The worse of two colours (null: no confidence, which never hides a colour). */
export function worseBand(a: ConfidenceBand | null, b: ConfidenceBand | null): ConfidenceBand | null {
  if (a === null) return b
  if (b === null) return a
  return SEVERITY[a] <= SEVERITY[b] ? a : b
}

/**
 * The worst colour among everything that supports a node (its children, their children…), or null when nothing
 * below has a confidence. A company objective whose own key results look fine but whose supporting department OKRs
 * are red is in trouble too: the view shows both, the node's own colour and this one.
 */
export function worstBelow(node: AlignmentNode): ConfidenceBand | null {
  let worst: ConfidenceBand | null = null
  for (const child of node.children) worst = worseBand(worseBand(worst, child.colour), worstBelow(child))
  return worst
}
