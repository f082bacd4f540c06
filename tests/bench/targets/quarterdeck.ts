import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CreateMeetingResponse } from '../../../shared/protocol/messages.ts'
import { startServerProcess } from './serverProcess.ts'
import type { RunningTarget, Target } from './types.ts'

const MAIN = fileURLToPath(new URL('../../../server/main.ts', import.meta.url))
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

const BENCH_MEETING = {
  title: 'Load test OKRs',
  quarter: '2027 Q1',
  mission: { value: 'help teams decide', field: 'software', impact: 'so work means something' },
  objectiveCount: 3,
}

/** Our server exactly as `npm start` runs it (server/main.ts), on a fresh data directory. */
export const quarterdeck: Target = {
  name: 'quarterdeck',
  async start({ cpuProfDir }) {
    const dataDir = mkdtempSync(join(tmpdir(), 'qd-bench-'))
    const server = await startServerProcess({
      entry: MAIN,
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        MEETING_CREATION_BURST: '100000',
        JOIN_BURST_PER_ADDRESS: '100000',
        STATIC_DIR: join(REPO_ROOT, 'dist/client'),
      },
      readyPattern: /running at (http:\/\/\S+)/,
      // pino writes JSON lines; level 40 is warn, 50 error, 60 fatal.
      isWarning: (line) => /"level":(4|5|6)\d/.test(line),
      nodeArgs: cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [],
      stopGraceMs: cpuProfDir ? 15_000 : 0,
    })
    const httpUrl = server.ready
    try {
      const res = await fetch(`${httpUrl}/api/meetings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(BENCH_MEETING),
        signal: AbortSignal.timeout(10_000),
      })
      if (res.status !== 201) throw new Error(`creating the meeting failed: ${res.status} ${await res.text()}`)
      const meeting = (await res.json()) as CreateMeetingResponse
      const running: RunningTarget = {
        name: 'quarterdeck',
        pid: server.pid,
        roomUrl: `${httpUrl.replace(/^http/, 'ws')}/ws/${meeting.meetingId}`,
        documentName: meeting.meetingId,
        wire: 'quarterdeck',
        facilitatorToken: meeting.facilitatorToken,
        warningCount: server.warningCount,
        logTail: server.logTail,
        exitInfo: server.exitInfo,
        async stop() {
          await server.stop()
          rmSync(dataDir, { recursive: true, force: true })
        },
      }
      return running
    } catch (error) {
      await server.stop()
      rmSync(dataDir, { recursive: true, force: true })
      throw error
    }
  },
}
