/** The meeting id in a pasted link (…/p/<id>, …/p/<id>/alignment, …/m/<id>) or a bare id; null otherwise. */
export function meetingIdFromLink(text: string): string | null {
  const t = text.trim()
  const inPath = /\/(?:p|m)\/([A-Za-z0-9_-]{10,64})(?:[/?#]|$)/.exec(t)
  if (inPath) return inPath[1] as string
  if (/^[A-Za-z0-9_-]{10,64}$/.test(t)) return t
  return null
}
