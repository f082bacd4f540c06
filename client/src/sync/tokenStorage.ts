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

const linkKey = (meetingId: string) => `quarterdeck:linkToken:${meetingId}`

/**
 * The token of a facilitator link, cleaned of what chat apps glue to links (a closing bracket, a full stop), kept for
 * this tab only until the server has accepted it: an unverified token must never replace a working stored identity.
 */
export function adoptFacilitatorLink(meetingId: string, hash: string): void {
  const raw = new URLSearchParams(hash.replace(/^#/, '')).get('token')
  const token = raw?.trim().replace(/[)\]}>.,;:!?'"]+$/, '') ?? ''
  try {
    if (token) window.sessionStorage.setItem(linkKey(meetingId), token)
  } catch {
    // reason: without session storage the link's token is simply not tried; the join form shows instead.
  }
}

/** The facilitator link's token waiting to be checked by the server, if any. */
export function loadLinkToken(meetingId: string): string | null {
  try {
    return window.sessionStorage.getItem(linkKey(meetingId))
  } catch {
    return null // reason: storage disabled; there is nothing to check.
  }
}

export function clearLinkToken(meetingId: string): void {
  try {
    window.sessionStorage.removeItem(linkKey(meetingId))
  } catch {
    // reason: storage disabled; nothing was kept.
  }
}

export function facilitatorLinkFor(meetingId: string, token: string): string {
  return `${window.location.origin}/m/${meetingId}/facilitate#token=${token}`
}

export function joinLinkFor(meetingId: string): string {
  return `${window.location.origin}/m/${meetingId}`
}
