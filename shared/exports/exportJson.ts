import { confidenceBand } from '../keyResults/confidenceBand.ts'
import type { PublishedSet } from './publishedSet.ts'

/** A stable, documented shape for integrations (format version 1). */
export function exportJson(set: PublishedSet): string {
  return JSON.stringify(
    {
      format: 'quarterdeck.okrs/1',
      title: set.title,
      quarter: set.quarter,
      mission: set.mission,
      publishedAt: new Date(set.publishedAt).toISOString(),
      objectives: set.objectives.map((o) => ({
        title: o.title,
        whyNow: o.whyNow,
        owner: o.team,
        deadline: o.deadline,
        keyResults: o.keyResults.map((kr) => ({
          statement: kr.statement,
          metric: kr.metric,
          baseline: kr.baseline,
          target: kr.target,
          unit: kr.unit,
          owner: kr.owner,
          confidence: kr.confidence,
          confidenceBand: confidenceBand(kr.confidence),
        })),
      })),
      summary: set.summary,
    },
    null,
    2,
  )
}
