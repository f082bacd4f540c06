import { createConnection, createServer, type Server, type Socket } from 'node:net'

type LinkState = 'open' | 'paused' | 'cut'

/**
 * A TCP proxy standing for one network link (say node ↔ Postgres) that a test can break on purpose:
 * - `pause()`: a partition that TCP sees as silence. Bytes stop moving both ways (they wait in the kernel
 *   buffers), connections stay up, new connections hang. `resume()` lets the old bytes through late, as a
 *   healed network would, so a stale write arriving after the fact is exercised too.
 * - `cut()`: every connection is reset and new ones are reset on arrival until `resume()`.
 */
export class LinkProxy {
  private state: LinkState = 'open'
  private readonly pairs = new Set<{ client: Socket; upstream: Socket }>()
  private readonly waiting = new Set<Socket>()

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  static async start(target: { host: string; port: number }): Promise<LinkProxy> {
    const server = createServer()
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => resolve())
    })
    const address = server.address()
    if (typeof address !== 'object' || address === null) throw new Error('proxy has no port')
    const proxy = new LinkProxy(server, address.port, target)
    server.on('connection', (client) => proxy.accept(client))
    return proxy
  }

  /** Rewrites a URL's host:port to go through this proxy. */
  proxiedUrl(url: string): string {
    const parsed = new URL(url)
    parsed.hostname = '127.0.0.1'
    parsed.port = String(this.port)
    return parsed.toString()
  }

  get connectionCount(): number {
    return this.pairs.size
  }

  pause(): void {
    this.state = 'paused'
    for (const { client, upstream } of this.pairs) {
      client.unpipe(upstream)
      upstream.unpipe(client)
      client.pause()
      upstream.pause()
    }
  }

  cut(): void {
    this.state = 'cut'
    for (const { client, upstream } of this.pairs) {
      client.resetAndDestroy()
      upstream.resetAndDestroy()
    }
    this.pairs.clear()
    for (const client of this.waiting) client.resetAndDestroy()
    this.waiting.clear()
  }

  resume(): void {
    this.state = 'open'
    for (const { client, upstream } of this.pairs) {
      client.pipe(upstream)
      upstream.pipe(client)
    }
    const waiting = [...this.waiting]
    this.waiting.clear()
    for (const client of waiting) this.connect(client)
  }

  async close(): Promise<void> {
    this.cut()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private accept(client: Socket): void {
    client.on('error', () => undefined) // reason: a reset link is the point of this class
    if (this.state === 'cut') return void client.resetAndDestroy()
    if (this.state === 'paused') {
      client.pause()
      this.waiting.add(client)
      client.once('close', () => this.waiting.delete(client))
      return
    }
    this.connect(client)
  }

  private connect(client: Socket): void {
    const upstream = createConnection(this.target)
    upstream.on('error', () => client.destroy())
    const pair = { client, upstream }
    this.pairs.add(pair)
    const forget = () => {
      this.pairs.delete(pair)
      client.destroy()
      upstream.destroy()
    }
    client.once('close', forget)
    upstream.once('close', forget)
    client.pipe(upstream)
    upstream.pipe(client)
    client.resume()
  }
}
