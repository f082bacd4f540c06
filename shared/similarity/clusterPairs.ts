import type { ScoredPair } from './similarityIndex.ts'

/**
 * 'average': merge two groups only while the mean similarity over all their cross pairs (pairs not
 * given count as 0) stays at or above the threshold, so "revenue in Europe" ~ "revenue" ~ "revenue
 * in Asia" does not chain into one group. 'single': connected components of pairs at or above it.
 */
export type Linkage = 'average' | 'single'

/** Groups of 2+ item indices, each ascending, ordered by their smallest index. */
export function clusterPairs(
  size: number,
  pairs: readonly ScoredPair[],
  threshold: number,
  linkage: Linkage,
): number[][] {
  const root = linkage === 'single' ? singleLinkage(size, pairs, threshold) : averageLinkage(size, pairs, threshold)
  const members = new Map<number, number[]>()
  for (let i = 0; i < size; i++) {
    const r = root(i)
    const list = members.get(r)
    if (list) list.push(i)
    else members.set(r, [i])
  }
  return [...members.values()].filter((g) => g.length > 1).sort((x, y) => (x[0] as number) - (y[0] as number))
}

function makeUnionFind(size: number) {
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
  // The smaller index becomes the root, so results never depend on merge order.
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

function singleLinkage(size: number, pairs: readonly ScoredPair[], threshold: number) {
  const uf = makeUnionFind(size)
  for (const p of pairs) if (p.score >= threshold) uf.union(p.a, p.b)
  return uf.find
}

interface HeapEntry {
  score: number
  a: number
  b: number
  /** Versions of both clusters when pushed: a merge since then makes the entry stale. */
  va: number
  vb: number
}

/** Higher score first; ties by smaller a, then smaller b, so the merge order is deterministic. */
function isBefore(x: HeapEntry, y: HeapEntry): boolean {
  return x.score > y.score || (x.score === y.score && (x.a < y.a || (x.a === y.a && x.b < y.b)))
}

class MaxHeap {
  private readonly items: HeapEntry[] = []
  get size() {
    return this.items.length
  }
  push(e: HeapEntry) {
    const items = this.items
    items.push(e)
    let i = items.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!isBefore(items[i] as HeapEntry, items[parent] as HeapEntry)) break
      ;[items[i], items[parent]] = [items[parent] as HeapEntry, items[i] as HeapEntry]
      i = parent
    }
  }
  pop(): HeapEntry | undefined {
    const items = this.items
    const top = items[0]
    const last = items.pop()
    if (items.length > 0 && last) {
      items[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let best = i
        if (l < items.length && isBefore(items[l] as HeapEntry, items[best] as HeapEntry)) best = l
        if (r < items.length && isBefore(items[r] as HeapEntry, items[best] as HeapEntry)) best = r
        if (best === i) break
        ;[items[i], items[best]] = [items[best] as HeapEntry, items[i] as HeapEntry]
        i = best
      }
    }
    return top
  }
}

function averageLinkage(size: number, pairs: readonly ScoredPair[], threshold: number) {
  const uf = makeUnionFind(size)
  const count = new Int32Array(size).fill(1)
  const version = new Int32Array(size)
  /** For each live cluster root, the summed similarity to each neighbouring cluster root. */
  const links: Array<Map<number, number>> = Array.from({ length: size }, () => new Map())
  const heap = new MaxHeap()
  for (const { a, b, score } of pairs) {
    ;(links[a] as Map<number, number>).set(b, score)
    ;(links[b] as Map<number, number>).set(a, score)
    if (score >= threshold) heap.push({ score, a, b, va: 0, vb: 0 })
  }
  while (heap.size > 0) {
    const e = heap.pop() as HeapEntry
    if (version[e.a] !== e.va || version[e.b] !== e.vb) continue
    const keep = uf.union(e.a, e.b)
    const drop = keep === e.a ? e.b : e.a
    const keepLinks = links[keep] as Map<number, number>
    const dropLinks = links[drop] as Map<number, number>
    keepLinks.delete(drop)
    dropLinks.delete(keep)
    for (const [other, sum] of dropLinks) {
      keepLinks.set(other, (keepLinks.get(other) ?? 0) + sum)
      const otherLinks = links[other] as Map<number, number>
      otherLinks.delete(drop)
    }
    links[drop] = new Map()
    count[keep] = (count[keep] as number) + (count[drop] as number)
    version[keep] = (version[keep] as number) + 1
    version[drop] = (version[drop] as number) + 1
    for (const [other, sum] of keepLinks) {
      ;(links[other] as Map<number, number>).set(keep, sum)
      const score = sum / ((count[keep] as number) * (count[other] as number))
      if (score < threshold) continue
      const [a, b] = keep < other ? [keep, other] : [other, keep]
      heap.push({ score, a, b, va: version[a] as number, vb: version[b] as number })
    }
  }
  return uf.find
}
