/**
 * The y-websocket reference server (@y/websocket-server 0.1.1) as its own `bin` starts it, with two changes
 * for the bench: it listens on the port the bench asks for (0 = any free one) and prints `READY <port>`.
 * It uses the `ws` version the package itself depends on, so it behaves as shipped. In-memory docs, no
 * persistence (YPERSISTENCE unset), like the bin's default.
 */
import http from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { setupWSConnection } from '@y/websocket-server/utils'

const requireFromPackage = createRequire(import.meta.resolve('@y/websocket-server/utils'))
// ws 6 (the package's own dependency) exports the server class as `WebSocket.Server`.
const WebSocket = requireFromPackage('ws') as { Server: typeof import('ws').WebSocketServer }

const wss = new WebSocket.Server({ noServer: true })
wss.on('connection', setupWSConnection)

const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' })
  response.end('okay')
})
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => {
    wss.emit('connection', ws, request)
  })
})
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  console.log(`READY ${(server.address() as AddressInfo).port}`)
})
