import type { WebsocketProvider } from 'y-websocket'

/**
 * When the browser says it is offline, drop the socket at once (it may otherwise look open for half a minute)
 * so the page shows it and queues changes; reconnect as soon as the browser is back online.
 */
export function followConnectivity(provider: WebsocketProvider): () => void {
  const goOffline = () => provider.disconnect()
  const goOnline = () => provider.connect()
  window.addEventListener('offline', goOffline)
  window.addEventListener('online', goOnline)
  return () => {
    window.removeEventListener('offline', goOffline)
    window.removeEventListener('online', goOnline)
  }
}
