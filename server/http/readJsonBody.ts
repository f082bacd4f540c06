import type { IncomingMessage } from 'node:http'

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** Reads a JSON body of at most `limitBytes`, refusing early (413) rather than buffering a huge one. */
export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  const type = req.headers['content-type'] ?? ''
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'bad_content_type', 'Send JSON (Content-Type: application/json).')
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > limitBytes) throw new HttpError(413, 'too_large', `Bodies are at most ${limitBytes} bytes.`)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limitBytes) throw new HttpError(413, 'too_large', `Bodies are at most ${limitBytes} bytes.`)
    chunks.push(chunk)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown
  } catch {
    throw new HttpError(400, 'bad_json', 'The body is not valid JSON.')
  }
}
