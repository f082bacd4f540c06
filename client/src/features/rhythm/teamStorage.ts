const editorKey = (teamId: string) => `quarterdeck:team-editor:${teamId}`
const VIEWER_KEY = 'quarterdeck:viewer'

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key)
  } catch {
    return null // reason: storage can be disabled (private mode); the page then works read-only for this tab.
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value) window.localStorage.setItem(key, value)
    else window.localStorage.removeItem(key)
  } catch {
    // reason: without storage the editor link must be opened again in each tab; nothing else to do.
  }
}

export const loadEditorToken = (teamId: string) => read(editorKey(teamId))
export const saveEditorToken = (teamId: string, token: string | null) => write(editorKey(teamId), token)

/** Keeps the editor link's secret (from the fragment, never sent to a server in the URL). */
export function adoptEditorLink(teamId: string, hash: string): void {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token')
  if (token) saveEditorToken(teamId, token)
}

/** This browser's own random secret: one reaction of each kind per win, without an account. */
export function viewerSecret(): string {
  const existing = read(VIEWER_KEY)
  if (existing) return existing
  const bytes = new Uint8Array(24)
  crypto.getRandomValues(bytes)
  const secret = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  write(VIEWER_KEY, secret)
  return secret
}

let reactorKey: Promise<string | null> | null = null

/**
 * The anonymous key the server files this browser's reactions under (sha256 of the viewer secret, first 24 hex
 * digits), so the page can show which reactions are its own. Null where the browser has no SubtleCrypto.
 */
export function ownReactorKey(): Promise<string | null> {
  reactorKey ??= (async () => {
    try {
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(viewerSecret()))
      return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0'))
        .join('')
        .slice(0, 24)
    } catch {
      return null // reason: plain-http pages on another host have no SubtleCrypto; reactions still work, unmarked.
    }
  })()
  return reactorKey
}
