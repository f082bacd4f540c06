import type { UnitPairs } from './similarityIndex.ts'

/**
 * 'average': merge two groups only while the mean similarity over all their cross pairs (pairs not
 * given count as 0) stays at or above the threshold, so "revenue in Europe" ~ "revenue" ~ "revenue
 * in Asia" does not chain into one group. 'single': connected components of pairs at or above it.
 */
export type Linkage = 'average' | 'single'

/**
 * Clusters weighted nodes (a node of weight 3 stands for 3 identical texts) from their scored pairs.
 * Returns each node's cluster label: the smallest node in its cluster. Deterministic: ties are
 * broken by node numbers, never by input order.
 */
export function clusterPairs(weights: ArrayLike<number>, pairs: UnitPairs, threshold: number, linkage: Linkage): Int32Array {
  const uf = makeUnionFind(weights.length)
  if (linkage === 'single') {
    for (let k = 0; k < pairs.length; k++) if ((pairs.score[k] as number) >= threshold) uf.union(pairs.a[k] as number, pairs.b[k] as number)
  } else {
    averageLinkage(weights, pairs, threshold, uf)
  }
  return Int32Array.from({ length: weights.length }, (_, i) => uf.find(i))
}

interface UnionFind {
  find(i: number): number
  /** Joins two clusters; the smaller root survives, so labels never depend on merge order. */
  union(a: number, b: number): number
}

function makeUnionFind(size: number): UnionFind {
  const parent = Int32Array.from({ length: size }, (_, i) => i)
  const find = (i: number): number => {
    let r = i
    while (parent[r] !== r) r = parent[r] as number
    while (parent[i] !== r) {
      const next = parent[i] as number
      parent[i] = r
      i = next
    }
    return r
  }
  const union = (a: number, b: number): number => {
    const ra = find(a)
    const rb = find(b)
    if (ra === rb) return ra
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra]
    parent[drop] = keep
    return keep
  }
  return { find, union }
}

/**
 * A max-heap of candidate merges in parallel typed arrays (hundreds of thousands of entries would
 * otherwise be as many objects). Higher score first; ties by smaller a, then smaller b.
 */
class MergeHeap {
  size = 0
  private score = new Float64Array(1024)
  private a = new Int32Array(1024)
  private b = new Int32Array(1024)
  /** Cluster versions when pushed: a merge since then makes the entry stale. */
  private va = new Int32Array(1024)
  private vb = new Int32Array(1024)

  private isBefore(i: number, j: number): boolean {
    const si = this.score[i] as number
    const sj = this.score[j] as number
    if (si !== sj) return si > sj
    const ai = this.a[i] as number
    const aj = this.a[j] as number
    return ai !== aj ? ai < aj : (this.b[i] as number) < (this.b[j] as number)
  }

  private swap(i: number, j: number) {
    const s = this.score[i] as number
    this.score[i] = this.score[j] as number
    this.score[j] = s
    for (const arr of [this.a, this.b, this.va, this.vb]) {
      const x = arr[i] as number
      arr[i] = arr[j] as number
      arr[j] = x
    }
  }

  push(score: number, a: number, b: number, va: number, vb: number) {
    if (this.size === this.score.length) this.grow()
    let i = this.size++
    this.score[i] = score
    this.a[i] = a
    this.b[i] = b
    this.va[i] = va
    this.vb[i] = vb
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.isBefore(i, parent)) break
      this.swap(i, parent)
      i = parent
    }
  }

  /** Removes the top entry and returns [a, b, va, vb]; call only when size > 0. */
  pop(): [number, number, number, number] {
    const top: [number, number, number, number] = [this.a[0] as number, this.b[0] as number, this.va[0] as number, this.vb[0] as number]
    this.size--
    if (this.size > 0) {
      this.swap(0, this.size)
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let best = i
        if (l < this.size && this.isBefore(l, best)) best = l
        if (r < this.size && this.isBefore(r, best)) best = r
        if (best === i) break
        this.swap(i, best)
        i = best
      }
    }
    return top
  }

  private grow() {
    const capacity = this.score.length * 2
    const score = new Float64Array(capacity)
    score.set(this.score)
    this.score = score
    const widen = (arr: Int32Array) => {
      const next = new Int32Array(capacity)
      next.set(arr)
      return next
    }
    this.a = widen(this.a)
    this.b = widen(this.b)
    this.va = widen(this.va)
    this.vb = widen(this.vb)
  }
}

function averageLinkage(weights: ArrayLike<number>, pairs: UnitPairs, threshold: number, uf: UnionFind) {
  const size = weights.length
  const count = Float64Array.from(weights)
  const version = new Int32Array(size)
  /** For each live cluster root, the summed similarity (over all text pairs) to each neighbouring root. */
  const links: Array<Map<number, number>> = Array.from({ length: size }, () => new Map())
  const heap = new MergeHeap()
  for (let k = 0; k < pairs.length; k++) {
    const a = pairs.a[k] as number
    const b = pairs.b[k] as number
    const score = pairs.score[k] as number
    const sum = score * (count[a] as number) * (count[b] as number)
    ;(links[a] as Map<number, number>).set(b, sum)
    ;(links[b] as Map<number, number>).set(a, sum)
    if (score >= threshold) heap.push(score, Math.min(a, b), Math.max(a, b), 0, 0)
  }
  while (heap.size > 0) {
    const [a, b, va, vb] = heap.pop()
    if (version[a] !== va || version[b] !== vb) continue
    const keep = uf.union(a, b)
    const drop = keep === a ? b : a
    // Fold the smaller neighbour map into the larger one; the survivor takes the larger map.
    let into = links[keep] as Map<number, number>
    let from = links[drop] as Map<number, number>
    if (from.size > into.size) [into, from] = [from, into]
    into.delete(keep)
    into.delete(drop)
    from.delete(keep)
    from.delete(drop)
    for (const [other, sum] of from) into.set(other, (into.get(other) ?? 0) + sum)
    links[keep] = into
    links[drop] = new Map()
    count[keep] = (count[keep] as number) + (count[drop] as number)
    version[keep] = (version[keep] as number) + 1
    version[drop] = (version[drop] as number) + 1
    for (const [other, sum] of into) {
      const otherLinks = links[other] as Map<number, number>
      otherLinks.delete(drop)
      otherLinks.set(keep, sum)
      const score = sum / ((count[keep] as number) * (count[other] as number))
      if (score < threshold) continue
      const [x, y] = keep < other ? [keep, other] : [other, keep]
      heap.push(score, x, y, version[x] as number, version[y] as number)
    }
  }
}
