/** The WebSocket base URL on the page's own origin (the server serves both). */
export function socketBaseUrl(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${protocol}//${window.location.host}/ws`
}
