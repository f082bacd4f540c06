import { fileURLToPath } from 'node:url'
import { startServerProcess } from './serverProcess.ts'
import type { RunningTarget, Target, TargetName } from './types.ts'

const ROOM = 'bench-room'

function peer(name: Exclude<TargetName, 'quarterdeck'>, launcher: string): Target {
  const entry = fileURLToPath(new URL(`../peers/${launcher}`, import.meta.url))
  return {
    name,
    async start({ cpuProfDir }) {
      const server = await startServerProcess({
        entry,
        env: { PORT: '0', HOST: '127.0.0.1' },
        readyPattern: /^READY (\d+)/,
        isWarning: (_line, stream) => stream === 'stderr',
        nodeArgs: cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [],
        stopGraceMs: cpuProfDir ? 15_000 : 0,
      })
      const port = server.ready
      const running: RunningTarget = {
        name,
        pid: server.pid,
        // y-websocket takes the room from the path; Hocuspocus from each frame (the path is ignored).
        roomUrl: name === 'hocuspocus' ? `ws://127.0.0.1:${port}` : `ws://127.0.0.1:${port}/${ROOM}`,
        documentName: ROOM,
        wire: name,
        facilitatorToken: null,
        warningCount: server.warningCount,
        logTail: server.logTail,
        exitInfo: server.exitInfo,
        stop: server.stop,
      }
      return running
    },
  }
}

export const yWebsocket = peer('y-websocket', 'yWebsocketServer.ts')
export const hocuspocus = peer('hocuspocus', 'hocuspocusServer.ts')
