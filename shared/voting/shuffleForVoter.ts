/**
 * The candidates in an order of this voter's own, the same on every reload (seeded by their id), so the first
 * card on everyone's screen does not collect dots for being first.
 */
export function shuffleForVoter<T>(items: readonly T[], voterId: string): T[] {
  const out = [...items]
  let seed = hashString(voterId)
  for (let i = out.length - 1; i > 0; i--) {
    seed = mulberry32(seed)
    const j = seed % (i + 1)
    const tmp = out[i] as T
    out[i] = out[j] as T
    out[j] = tmp
  }
  return out
}

function hashString(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return h >>> 0
}

function mulberry32(state: number): number {
  let t = (state + 0x6d2b79f5) >>> 0
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return (t ^ (t >>> 14)) >>> 0
}
