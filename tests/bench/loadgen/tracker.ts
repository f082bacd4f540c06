import type { BurstResult, Failures } from './workerProtocol.ts'

/**
 * Counts answers (command replies, update echoes) to a known number of requests. `done` resolves once every
 * request is answered or failed; `finish()` turns whatever is still open into `timeout` failures.
 */
export class Tracker {
  private answered = 0
  private readonly sentAt: number[] = []
  private readonly latencyMs: number[] = []
  private readonly failures: Failures = { byCode: {}, total: 0 }
  private readonly writes: [number, number][] = []
  private lastAnswerAt = 0
  private resolveDone: () => void = () => {}
  readonly done: Promise<void>

  constructor(private readonly expected: number) {
    this.done = new Promise((resolve) => (this.resolveDone = resolve))
    this.check()
  }

  answer(sentAt: number, at: number): void {
    this.answered++
    this.sentAt.push(sentAt)
    this.latencyMs.push(at - sentAt)
    if (at > this.lastAnswerAt) this.lastAnswerAt = at
    this.check()
  }

  fail(code: string): void {
    this.failures.byCode[code] = (this.failures.byCode[code] ?? 0) + 1
    this.failures.total++
    this.check()
  }

  recordWrite(key: number, sentAt: number): void {
    this.writes.push([key, sentAt])
  }

  finish(): BurstResult {
    const open = this.expected - this.answered - this.failures.total
    if (open > 0) {
      this.failures.byCode.timeout = (this.failures.byCode.timeout ?? 0) + open
      this.failures.total += open
    }
    this.resolveDone()
    return {
      sentAt: this.sentAt,
      latencyMs: this.latencyMs,
      failures: this.failures,
      writes: this.writes,
      lastAnswerAt: this.lastAnswerAt,
    }
  }

  private check(): void {
    if (this.answered + this.failures.total >= this.expected) this.resolveDone()
  }
}

export function mergeFailures(parts: readonly Failures[]): Failures {
  const merged: Failures = { byCode: {}, total: 0 }
  for (const part of parts) {
    merged.total += part.total
    for (const [code, n] of Object.entries(part.byCode)) merged.byCode[code] = (merged.byCode[code] ?? 0) + n
  }
  return merged
}
