/**
 * A bare Hocuspocus server (no extensions, no persistence, no auth hook) on 127.0.0.1. Prints
 * `READY <port>` once it listens. The bench uses the current major, 4.x, which merges a tick's updates into one
 * broadcast (3.x relayed each update alone). 4.x declares Node ≥ 22 but runs unchanged on this Node 20: the
 * bench's sessions check that its measuring clients converge.
 */
import { Server } from '@hocuspocus/server'

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
})
await server.listen()
console.log(`READY ${server.address.port}`)
