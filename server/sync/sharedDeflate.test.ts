import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import { DEFLATE_MIN_BYTES, PER_MESSAGE_DEFLATE, deflateFrame, sendDeflated } from './sharedDeflate.ts'

const servers: WebSocketServer[] = []
const clients: WebSocket[] = []
afterEach(() => {
  for (const c of clients.splice(0)) c.terminate()
  for (const s of servers.splice(0)) s.close()
})

/** A server with the production options and one client; resolves with both ends once open. */
async function pair(clientDeflate: boolean): Promise<{ server: WebSocket; client: WebSocket; received: Buffer[]; extensions: string }> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: PER_MESSAGE_DEFLATE })
  servers.push(wss)
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()))
  const port = (wss.address() as { port: number }).port
  const serverSide = new Promise<WebSocket>((resolve) => wss.once('connection', (ws) => resolve(ws)))
  const client = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: clientDeflate })
  clients.push(client)
  const received: Buffer[] = []
  client.on('message', (data: Buffer) => received.push(data))
  await new Promise<void>((resolve) => client.once('open', () => resolve()))
  return { server: await serverSide, client, received, extensions: client.extensions }
}

/** Text-like bytes that compress (like a board of cards). */
function boardLike(bytes: number): Uint8Array {
  const words = ['grow', 'revenue', 'in', 'new', 'markets', 'reduce', 'churn', 'ship', 'the', 'mobile', 'app', 'hire']
  let text = ''
  for (let i = 0; text.length < bytes; i++) text += `${words[(i * 7) % words.length]} ${words[(i * 11) % words.length]} ${i} `
  return new TextEncoder().encode(text.slice(0, bytes))
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10))
}

describe('sendDeflated', () => {
  it('sends a large frame compressed to a client that negotiated permessage-deflate; it arrives unchanged', async () => {
    const { server, received, extensions } = await pair(true)
    expect(extensions).toBe('permessage-deflate')
    const big = boardLike(200_000)
    const small = boardLike(100)
    expect(sendDeflated(server, big)).toBe(true)
    expect(sendDeflated(server, small)).toBe(false) // below DEFLATE_MIN_BYTES: the caller sends it plainly
    server.send(small)
    expect(sendDeflated(server, big)).toBe(true) // the same frame object again: compressed once, sent twice
    await until(() => received.length === 3)
    expect(received.map((b) => b.length)).toEqual([big.length, small.length, big.length])
    expect(Buffer.compare(received[0] as Buffer, Buffer.from(big))).toBe(0)
    expect(Buffer.compare(received[2] as Buffer, Buffer.from(big))).toBe(0)
  })

  it('leaves a client without the extension to the plain path', async () => {
    const { server } = await pair(false)
    expect(sendDeflated(server, boardLike(DEFLATE_MIN_BYTES * 2))).toBe(false)
  })

  it('does not compress what does not shrink', () => {
    const noise = new Uint8Array(randomBytes(DEFLATE_MIN_BYTES * 2))
    expect(deflateFrame(noise)).toBeNull()
    const board = boardLike(DEFLATE_MIN_BYTES * 2)
    expect((deflateFrame(board) as Buffer).length).toBeLessThan(board.length / 2)
  })
})
