export interface GroupingScore {
  /** Share of predicted same-group pairs that truly are the same objective (1 when none predicted). */
  precision: number
  /** Share of true same-objective pairs that were grouped together (1 when there are none). */
  recall: number
  f1: number
  /** Pairs whose labels are equal. */
  truePairs: number
  /** Pairs placed in one predicted group. */
  predictedPairs: number
  /** Predicted pairs whose labels are equal. */
  correctPairs: number
}

const pairsIn = (n: number) => (n * (n - 1)) / 2

/**
 * Pairwise precision / recall / F1 of a grouping against labels: labels[i] names item i's true
 * group; groups lists predicted groups of indices (items in no group are singletons).
 */
export function scoreGrouping(labels: readonly string[], groups: readonly (readonly number[])[]): GroupingScore {
  const labelSizes = new Map<string, number>()
  for (const label of labels) labelSizes.set(label, (labelSizes.get(label) ?? 0) + 1)
  let truePairs = 0
  for (const n of labelSizes.values()) truePairs += pairsIn(n)

  const seen = new Set<number>()
  let predictedPairs = 0
  let correctPairs = 0
  for (const group of groups) {
    const inGroup = new Map<string, number>()
    for (const i of group) {
      const label = labels[i]
      if (!Number.isInteger(i) || label === undefined) throw new RangeError(`Index ${i} is not an item (0–${labels.length - 1}).`)
      if (seen.has(i)) throw new RangeError(`Index ${i} is in more than one group.`)
      seen.add(i)
      inGroup.set(label, (inGroup.get(label) ?? 0) + 1)
    }
    predictedPairs += pairsIn(group.length)
    for (const n of inGroup.values()) correctPairs += pairsIn(n)
  }
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { precision, recall, f1, truePairs, predictedPairs, correctPairs }
}
