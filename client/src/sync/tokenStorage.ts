const key = (meetingId: string) => `quarterdeck:token:${meetingId}`

/** The participant or facilitator token for a meeting, kept by this browser (shared by its tabs). */
export function loadToken(meetingId: string): string | null {
  try {
    return window.localStorage.getItem(key(meetingId))
  } catch {
    return null // reason: storage can be disabled (private mode); the person then joins again.
  }
}

export function saveToken(meetingId: string, token: string | null): void {
  try {
    if (token) window.localStorage.setItem(key(meetingId), token)
    else window.localStorage.removeItem(key(meetingId))
  } catch {
    // reason: without storage the identity lasts only as long as the tab; nothing else to do.
  }
}

export function adoptFacilitatorLink(meetingId: string, hash: string): void {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token')
  if (token) saveToken(meetingId, token)
}

export function facilitatorLinkFor(meetingId: string, token: string): string {
  return `${window.location.origin}/m/${meetingId}/facilitate#token=${token}`
}

export function joinLinkFor(meetingId: string): string {
  return `${window.location.origin}/m/${meetingId}`
}
