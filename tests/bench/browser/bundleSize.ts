import { readFileSync } from 'node:fs'
import { dirname, join, posix } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface FirstLoadSize {
  /** The entry chunk and every chunk it imports statically, as the browser fetches them on first load. */
  files: { file: string; bytes: number; gzipBytes: number }[]
  jsBytes: number
  jsGzipBytes: number
  cssGzipBytes: number
}

const SCRIPT_SRC = /<script[^>]+type="module"[^>]+src="([^"]+)"/g
const PRELOAD = /<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g
const CSS = /<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g
/** Static imports in a minified ES chunk: `import"./x.js"`, `import{a}from"./x.js"`, `export*from"./x.js"`. */
const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{},\s]*?from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g

/**
 * What a participant's phone downloads before the page works: the entry script named in index.html plus its
 * static imports (followed recursively; dynamic `import()` chunks are left out), gzipped as a server would send
 * them (zlib level 6, as Vite's own report).
 */
export function firstLoadSize(distDir: string): FirstLoadSize {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  const toFile = (url: string) => url.replace(/^\//, '')
  const queue = [...html.matchAll(SCRIPT_SRC), ...html.matchAll(PRELOAD)].map((m) => toFile(m[1] as string))
  const seen = new Set<string>()
  const files: FirstLoadSize['files'] = []
  while (queue.length > 0) {
    const file = queue.shift() as string
    if (seen.has(file)) continue
    seen.add(file)
    const source = readFileSync(join(distDir, file))
    files.push({ file, bytes: source.length, gzipBytes: gzipSync(source, { level: 6 }).length })
    for (const m of source.toString('utf8').matchAll(STATIC_IMPORT)) queue.push(posix.normalize(posix.join(dirname(file), m[1] as string)))
  }
  const cssGzipBytes = [...html.matchAll(CSS)].reduce((sum, m) => sum + gzipSync(readFileSync(join(distDir, toFile(m[1] as string))), { level: 6 }).length, 0)
  return {
    files,
    jsBytes: files.reduce((s, f) => s + f.bytes, 0),
    jsGzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0),
    cssGzipBytes,
  }
}
