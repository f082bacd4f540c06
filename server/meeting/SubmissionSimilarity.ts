import { buildSimilarityIndex, type SimilarityIndex } from '../../shared/similarity.ts'
import type { VaultMaps } from './vaultDoc.ts'

const SIMILARITY_REBUILD_MS = 1000
/** Below this many proposals a rebuild costs little: hints are always current. */
const SIMILARITY_THROTTLE_ABOVE = 1000

/** The similarity index over active proposals, rebuilt lazily when asked for after a change. */
export class SubmissionSimilarity {
  private built: { index: SimilarityIndex; ids: string[]; builtAt: number } | null = null
  private isStale = true

  constructor(
    private readonly vault: VaultMaps,
    private readonly now: () => number,
  ) {}

  markStale(): void {
    this.isStale = true
  }

  /** The index with the submission id of each entry. */
  index(): { index: SimilarityIndex; ids: string[] } {
    const now = this.now()
    // Hints while typing may be a second stale in a big room; rebuilding on every keystroke of a 5,000-person burst cannot.
    const isLarge = (this.built?.ids.length ?? 0) >= SIMILARITY_THROTTLE_ABOVE
    if (!this.built || (this.isStale && (!isLarge || now - this.built.builtAt >= SIMILARITY_REBUILD_MS))) {
      const ids: string[] = []
      const texts: string[] = []
      for (const s of this.vault.submissions.values()) {
        if (s.status !== 'active') continue
        ids.push(s.id)
        texts.push(s.title)
      }
      this.built = { index: buildSimilarityIndex(texts), ids, builtAt: now }
      this.isStale = false
    }
    return { index: this.built.index, ids: this.built.ids }
  }
}
