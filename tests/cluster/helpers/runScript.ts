import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/**
 * Runs one of the repo's `scripts/*.sh` and returns its stdout. Daemons started by them get no pipe of ours
 * (they log to files), so the call returns as soon as the script does.
 */
export function runScript(script: string, args: readonly string[], timeoutMs = 90_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('bash', [`${REPO_ROOT}scripts/${script}`, ...args], { timeout: timeoutMs }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${script} ${args.join(' ')} failed: ${error.message}\n${stderr}`))
      else resolve(stdout.trim())
    })
  })
}
