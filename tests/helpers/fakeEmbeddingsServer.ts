import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface EmbeddingsRequest {
  path: string
  authorization: string | undefined
  body: { model?: unknown; input?: unknown }
}

export interface FakeEmbeddingsServer {
  url: string
  requests: EmbeddingsRequest[]
  /** Change how it answers from now on. */
  behave(next: Partial<Behaviour>): void
  close(): Promise<void>
}

interface Behaviour {
  delayMs: number
  status: number
  /** Answer in reverse order with `index` set, as some servers do. */
  shuffle: boolean
}

/**
 * An OpenAI-compatible /v1/embeddings server on 127.0.0.1 whose vectors come from `embed`, a function
 * the test computes: the tests know exactly which cosine the model "says" for any pair.
 */
export async function startFakeEmbeddingsServer(embed: (text: string) => number[]): Promise<FakeEmbeddingsServer> {
  const requests: EmbeddingsRequest[] = []
  const behaviour: Behaviour = { delayMs: 0, status: 200, shuffle: false }
  const pending = new Set<NodeJS.Timeout>()
  const server: Server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const body = JSON.parse(raw) as EmbeddingsRequest['body']
      requests.push({ path: req.url ?? '', authorization: req.headers.authorization, body })
      const answer = () => {
        if (behaviour.status !== 200) {
          res.writeHead(behaviour.status, { 'content-type': 'application/json' }).end('{"error":"model not loaded"}')
          return
        }
        const input = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)]
        const data = input.map((text, index) => ({ object: 'embedding', index, embedding: embed(text) }))
        if (behaviour.shuffle) data.reverse()
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data, model: body.model }))
      }
      if (behaviour.delayMs === 0) answer()
      else {
        const timer = setTimeout(() => {
          pending.delete(timer)
          if (!res.destroyed) answer()
        }, behaviour.delayMs)
        pending.add(timer)
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    behave: (next) => Object.assign(behaviour, next),
    close: async () => {
      for (const t of pending) clearTimeout(t)
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (data += chunk))
    req.on('end', () => resolve(data))
  })
}

/**
 * A stand-in "meaning" model for tests: each topic is one axis; a text points along the topics whose
 * keywords it contains (plus a small private axis so unrelated texts are not identical).
 */
export function topicEmbedding(topics: ReadonlyArray<readonly string[]>): (text: string) => number[] {
  return (text) => {
    const lower = text.toLowerCase()
    const v: number[] = topics.map((words) => (words.some((w) => lower.includes(w)) ? 1 : 0))
    v.push(0.15)
    return v
  }
}
