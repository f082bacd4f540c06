import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { TargetName } from './types.ts'

const PACKAGES: Record<Exclude<TargetName, 'quarterdeck'>, string> = {
  'y-websocket': '@y/websocket-server',
  hocuspocus: '@hocuspocus/server',
}

/** The installed version of each server, so every table says which peer release it measured. */
export function serverVersions(targets: readonly TargetName[]): Record<string, string> {
  const versions: Record<string, string> = {}
  for (const target of targets) {
    if (target === 'quarterdeck') {
      versions[target] = 'this checkout'
      continue
    }
    const name = PACKAGES[target]
    // The package.json itself: not every package lists it in `exports`, so read it from node_modules.
    const file = fileURLToPath(new URL(`../../../node_modules/${name}/package.json`, import.meta.url))
    try {
      versions[target] = `${name} ${(JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? '?'}`
    } catch {
      versions[target] = `${name} (not installed)`
    }
  }
  return versions
}
