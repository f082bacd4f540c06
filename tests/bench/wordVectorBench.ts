/**
 * Issues 18b and 18: the same labelled sets grouped with and without the committed word vectors
 * (server/similarity/vectors/wordVectors.bin; "Suggest clusters" uses them on the server), with and
 * without the mutual-neighbour gate, and the 5,000- and 2,000-text times of both paths measured in
 * alternation. Printed by similarityBench.ts.
 */
import { loadavg } from 'node:os'
import { DEFAULT_SIMILARITY_THRESHOLD, groupSimilar, type WordVectorBoost } from '../../shared/similarity.ts'
import { scoreGrouping } from '../../shared/similarityQuality.ts'
import { wordVectorBoost } from '../../server/similarity/wordVectorTable.ts'

interface Item {
  text: string
  group: string
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7)
const median = (v: readonly number[]) => [...v].sort((a, b) => a - b)[v.length >> 1] as number

function prf(set: readonly Item[], wordVectors?: WordVectorBoost): string {
  const s = scoreGrouping(
    set.map((i) => i.group),
    groupSimilar(
      set.map((i) => i.text),
      DEFAULT_SIMILARITY_THRESHOLD,
      wordVectors ? { wordVectors } : {},
    ),
  )
  return `${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}`
}

export function wordVectorReport(sets: ReadonlyArray<readonly [string, readonly Item[]]>, synthetic: readonly string[], runs: number): string {
  const boost = wordVectorBoost()
  if (!boost) return 'Word vectors: server/similarity/vectors/wordVectors.bin is missing or broken (run scripts/deriveWordVectors.ts).'
  const lines = [
    `Word vectors at ${DEFAULT_SIMILARITY_THRESHOLD}: lexical only vs lexical + word-vector boost (weight ${boost.weight}, floor ${boost.floor}, min ${boost.minKnown} known words, lift only mutual ${boost.neighbours}-nearest neighbours); last column: the same boost without the neighbour gate`,
    'set                          items |    lexical: P       R      F1 | + word vectors: P       R      F1 |      no gate: P       R      F1',
  ]
  const ungated = { ...boost, neighbours: undefined }
  for (const [name, set] of sets) lines.push(`${name.padEnd(28)} ${String(set.length).padStart(5)} | ${prf(set)} | ${prf(set, boost)} | ${prf(set, ungated)}`)
  // 5,000 texts (the target, lexical) and 2,000 (the most "Suggest clusters" boosts on the server).
  for (const texts of [synthetic, synthetic.slice(0, 2_000)]) {
    const wall: Record<'lexical' | 'vectors', number[]> = { lexical: [], vectors: [] }
    const cpu: Record<'lexical' | 'vectors', number[]> = { lexical: [], vectors: [] }
    for (let r = 0; r < runs; r++) {
      for (const kind of ['lexical', 'vectors'] as const) {
        const start = performance.now()
        const used = process.cpuUsage()
        groupSimilar(texts, DEFAULT_SIMILARITY_THRESHOLD, kind === 'vectors' ? { wordVectors: boost } : {})
        const spent = process.cpuUsage(used)
        wall[kind].push(Math.round(performance.now() - start))
        cpu[kind].push(Math.round((spent.user + spent.system) / 1000))
      }
    }
    for (const kind of ['lexical', 'vectors'] as const) {
      lines.push(
        `${texts.length.toLocaleString('en')} texts, ${kind.padEnd(7)}: median wall ${median(wall[kind])} ms (${wall[kind].join(', ')}), median CPU ${median(cpu[kind])} ms (${cpu[kind].join(', ')})`,
      )
    }
    lines.push(
      `CPU ratio vectors / lexical at ${texts.length.toLocaleString('en')}: ${(median(cpu.vectors) / median(cpu.lexical)).toFixed(2)}; load average ${loadavg()[0]?.toFixed(1)}`,
    )
  }
  return lines.join('\n')
}
