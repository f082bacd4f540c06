/**
 * Fuzzes the server's frame and command decoders. Usage:
 *   node --import tsx tests/fuzz/fuzzDecoders.ts --runs 100000 [--seed 12345]
 * Exits non-zero with the counterexample (and the seed to replay it) when a property fails.
 */
import { parseArgs } from 'node:util'
import { runDecoderFuzz } from './decoderProperties.ts'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100000' },
    seed: { type: 'string' },
  },
})
const runs = Number(values.runs)
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed)
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('Usage: fuzzDecoders.ts --runs <n> [--seed <integer>]')
  process.exit(2)
}
console.log(`fuzzing decoders: ${runs} cases, seed ${seed}`)
try {
  const report = runDecoderFuzz({ runs, seed, log: (line) => console.log(`  ${line}`) })
  console.log(`ok: ${report.runs} cases in ${(report.durationMs / 1000).toFixed(1)} s`)
  console.log(`verdicts: ${JSON.stringify(report.verdicts)}`)
} catch (error) {
  console.error(`FAILED (replay with --seed ${seed}):`)
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
