/**
 * Quality and speed of shared/similarity.ts.
 *   node --import tsx tests/bench/similarityBench.ts
 * Quality: pairwise precision / recall / F1 of groupSimilar on tests/fixtures/similarity-labelled.json
 * ("tune" items were used to write the OKR vocabulary and pick the defaults; "holdout" items were
 * written afterwards and say more about unseen wording). Speed: groupSimilar on 5,000 submissions
 * recombined from the fixture with typos, accents dropped, time boxes and prefixes (fixed seed).
 */
import { pathToFileURL } from 'node:url'
import fixture from '../fixtures/similarity-labelled.json' with { type: 'json' }
import { DEFAULT_SIMILARITY_THRESHOLD, groupSimilar, type Linkage } from '../../shared/similarity.ts'
import { scoreGrouping, type GroupingScore } from '../../shared/similarityQuality.ts'

interface LabelledItem {
  text: string
  group: string
  split?: string
}

const items: readonly LabelledItem[] = fixture.items
const SYNTHETIC_SIZE = 5_000
const TIMING_RUNS = 5
const SEED = 20_240_601

export interface SimilarityBenchResult {
  precision: number
  recall: number
  f1: number
  threshold: number
  groupMs5000: { median: number; runs: number[] }
  /** The same figures on the holdout items alone. */
  holdout: { precision: number; recall: number; f1: number }
}

function score(selected: readonly LabelledItem[], threshold: number, linkage: Linkage = 'average'): GroupingScore {
  const groups = groupSimilar(
    selected.map((i) => i.text),
    threshold,
    { linkage },
  )
  return scoreGrouping(
    selected.map((i) => i.group),
    groups,
  )
}

/** mulberry32: small, fast, and the same sequence on every machine. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const PREFIXES = ['', '', '', 'Objective: ', 'Q3: ', 'We should ', 'Objetivo: ', 'Team goal - ']
const SUFFIXES = ['', '', '', ' by Q4', ' this quarter', ' este trimestre', ' by end of year', ' (stretch)', ' antes de diciembre', '!']

function withTypo(text: string, random: () => number): string {
  const words = text.split(' ')
  const k = Math.floor(random() * words.length)
  const word = words[k] ?? ''
  if (word.length < 5) return text
  const i = 1 + Math.floor(random() * (word.length - 2))
  const kind = random()
  words[k] =
    kind < 0.4
      ? word.slice(0, i) + (word[i + 1] ?? '') + word[i] + word.slice(i + 2) // swap neighbours
      : kind < 0.7
        ? word.slice(0, i) + word.slice(i + 1) // drop a letter
        : word.slice(0, i) + word[i] + word.slice(i) // double a letter
  return words.join(' ')
}

/** Realistic meeting input: fixture objectives re-typed by many people, some joined ("X and Y"). */
export function syntheticSubmissions(count: number, seed: number = SEED): string[] {
  const random = seededRandom(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const out: string[] = []
  for (let n = 0; n < count; n++) {
    let text = pick(items).text
    if (random() < 0.08) text = `${text} ${random() < 0.5 ? 'and' : 'y'} ${pick(items).text.toLowerCase()}`
    if (random() < 0.3) text = withTypo(text, random)
    if (random() < 0.2) text = text.normalize('NFKD').replace(/\p{M}+/gu, '')
    if (random() < 0.15) text = text.toLowerCase()
    out.push(pick(PREFIXES) + text + pick(SUFFIXES))
  }
  return out
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

export async function runSimilarityBench(): Promise<SimilarityBenchResult> {
  const threshold = DEFAULT_SIMILARITY_THRESHOLD
  const all = score(items, threshold)
  const holdout = score(
    items.filter((i) => i.split === 'holdout'),
    threshold,
  )
  const texts = syntheticSubmissions(SYNTHETIC_SIZE)
  const runs: number[] = []
  for (let r = 0; r < TIMING_RUNS; r++) {
    const start = performance.now()
    groupSimilar(texts, threshold)
    runs.push(Math.round((performance.now() - start) * 10) / 10)
  }
  return {
    precision: all.precision,
    recall: all.recall,
    f1: all.f1,
    threshold,
    groupMs5000: { median: median(runs), runs },
    holdout: { precision: holdout.precision, recall: holdout.recall, f1: holdout.f1 },
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7)

async function main() {
  const tune = items.filter((i) => i.split !== 'holdout')
  const holdout = items.filter((i) => i.split === 'holdout')
  console.log(`Fixture: ${items.length} items (${tune.length} tune, ${holdout.length} holdout), pairwise metrics`)
  console.log('threshold  linkage  | all: precision recall     F1 | tune F1 | holdout F1')
  const rows: Array<[number, Linkage]> = [
    [0.3, 'average'],
    [0.35, 'average'],
    [DEFAULT_SIMILARITY_THRESHOLD, 'average'],
    [0.45, 'average'],
    [0.5, 'average'],
    [0.6, 'average'],
    [0.5, 'single'],
  ]
  for (const [t, linkage] of rows) {
    const a = score(items, t, linkage)
    const mark = t === DEFAULT_SIMILARITY_THRESHOLD && linkage === 'average' ? '*' : ' '
    console.log(
      `${t.toFixed(3)}${mark}     ${linkage.padEnd(8)} |  ${pct(a.precision)} ${pct(a.recall)} ${pct(a.f1)} | ${pct(score(tune, t, linkage).f1)} | ${pct(score(holdout, t, linkage).f1)}`,
    )
  }
  console.log('* default')
  const result = await runSimilarityBench()
  console.log(
    `groupSimilar on ${SYNTHETIC_SIZE.toLocaleString('en')} submissions: median ${result.groupMs5000.median} ms over ${TIMING_RUNS} runs (${result.groupMs5000.runs.join(', ')} ms)`,
  )
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
