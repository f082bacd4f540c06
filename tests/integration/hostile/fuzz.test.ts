import { describe, expect, it } from 'vitest'
import { runDecoderFuzz } from '../../fuzz/decoderProperties.ts'

// A fixed seed keeps the suite deterministic; `FUZZ_SEED=<n>` explores others, and
// `node --import tsx tests/fuzz/fuzzDecoders.ts --runs 100000` runs the long version.
const SEED = Number(process.env.FUZZ_SEED ?? 20_270_101)

describe('fuzzing the frame and command decoders against a real meeting room', () => {
  it('never throws, and changes nothing on any invalid frame or command (2,000 cases)', () => {
    const report = runDecoderFuzz({ runs: 2_000, seed: SEED })
    expect(report.runs).toBeGreaterThanOrEqual(2_000)
    // The generators reach every outcome: refusals, closes, handled frames and some valid commands.
    expect(report.verdicts['refused']).toBeGreaterThan(0)
    expect(report.verdicts['broken 1007']).toBeGreaterThan(0)
    expect(report.verdicts['valid command']).toBeGreaterThan(0)
  })
})
