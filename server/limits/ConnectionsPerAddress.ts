/**
 * Counts open connections per remote address and refuses one over `max`. Loopback is an address like any
 * other: a bench or a test that opens thousands of sockets from 127.0.0.1 needs a high limit, not an exception.
 */
export class ConnectionsPerAddress {
  private readonly counts = new Map<string, number>()

  constructor(private readonly max: number) {}

  /** Reserves a slot for `address`; returns its release function (safe to call twice), or null when full. */
  tryAcquire(address: string): (() => void) | null {
    const count = this.counts.get(address) ?? 0
    if (count >= this.max) return null
    this.counts.set(address, count + 1)
    let isReleased = false
    return () => {
      if (isReleased) return
      isReleased = true
      const left = (this.counts.get(address) ?? 1) - 1
      if (left > 0) this.counts.set(address, left)
      else this.counts.delete(address)
    }
  }

  count(address: string): number {
    return this.counts.get(address) ?? 0
  }

  /** Addresses with at least one open connection (the map never keeps zeros). */
  get addressCount(): number {
    return this.counts.size
  }
}

/** One spelling per client: `::ffff:10.0.0.1` (IPv4 over an IPv6 socket) is `10.0.0.1`. */
export function normalizeAddress(address: string | undefined): string {
  if (!address) return 'unknown'
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  return mapped ? (mapped[1] as string) : address.toLowerCase()
}
