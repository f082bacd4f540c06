import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket, { WebSocketServer } from 'ws'
import { CLIENT_ADDRESS_HEADER, INTERNAL_HEADER } from './ClusterMembership.ts'
import { proxySocket } from './proxySocket.ts'

// A passing node in miniature: the client's socket arrives at `edge`, which passes it on to `owner`.

const servers: WebSocketServer[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) {
    for (const c of s.clients) c.terminate()
    await new Promise((resolve) => s.close(resolve))
  }
})

async function listen(onConnection: (ws: WebSocket, headers: Record<string, unknown>) => void): Promise<string> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' })
  servers.push(server)
  server.on('connection', (ws, req) => onConnection(ws, req.headers))
  await new Promise((resolve) => server.once('listening', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

async function edgeTo(ownerUrl: string, pingEveryMs = 5_000): Promise<WebSocket> {
  const edge = await listen((ws) =>
    proxySocket(ws, { ownerUrl, path: '/ws/meeting-1', clientAddress: '203.0.113.9', secret: 's3cret', maxBufferedBytes: 1 << 20, pingEveryMs }),
  )
  return new WebSocket(`${edge.replace('http', 'ws')}/ws/meeting-1`)
}

const closed = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))

describe('proxySocket', () => {
  it('passes frames both ways, with the client address vouched for by the secret', async () => {
    let seen: Record<string, unknown> = {}
    const owner = await listen((ws, headers) => {
      seen = headers
      ws.on('message', (data) => ws.send(Buffer.concat([Buffer.from('echo:'), data as Buffer])))
    })
    const client = await edgeTo(owner)
    client.once('open', () => client.send(Buffer.from('hello')))
    const reply = await new Promise<string>((resolve) => client.once('message', (data) => resolve(String(data))))
    expect(reply).toBe('echo:hello')
    expect(seen[INTERNAL_HEADER]).toBe('s3cret')
    expect(seen[CLIENT_ADDRESS_HEADER]).toBe('203.0.113.9')
    client.close()
  })

  it("passes the owner's own close codes on (4404 ends the client's retries) and turns a dead owner into 1012", async () => {
    const missing = await listen((ws) => ws.close(4404, 'No such meeting.'))
    expect(await closed(await edgeTo(missing))).toBe(4404)
    const dying = await listen((ws) => ws.terminate())
    expect(await closed(await edgeTo(dying))).toBe(1012)
    expect(await closed(await edgeTo('http://127.0.0.1:1'))).toBe(1012)
  })

  it('tells the client to reconnect (1012) when the owner stops answering pings', async () => {
    const owner = await listen(() => undefined)
    // A frozen process answers no pings; here the owner's socket simply stops reading.
    servers.at(-1)?.on('connection', (ws) => (ws as unknown as { _socket: { pause(): void } })._socket.pause())
    expect(await closed(await edgeTo(owner, 100))).toBe(1012)
  })
})
