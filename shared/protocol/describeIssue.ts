/**
 * The sentence a refused command shows. Our schemas' messages already name the field ("Name is required."), so
 * the field path is added only to zod's own terse messages ("Invalid input: expected string, received number").
 */
export function describeIssue(issue: { message: string; path: readonly PropertyKey[] } | undefined, fallback = 'Invalid command.'): string {
  if (!issue) return fallback
  const isSentence = /[.!?]$/.test(issue.message.trim())
  if (isSentence || issue.path.length === 0) return issue.message
  return `${issue.message} (${issue.path.map(String).join('.')})`
}
