/**
 * A bare Hocuspocus server (no extensions, no persistence, no auth hook) on 127.0.0.1. Prints
 * `READY <port>` once it listens.
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
