import { parseArgs } from 'node:util'
import type { SocketKind } from './loadgen/benchSocket.ts'
import type { ScenarioId } from './scenarios/types.ts'
import { PEER_NAMES, type TargetName } from './targets/types.ts'

export interface BenchOptions {
  ns: number[]
  only: ScenarioId[]
  targets: TargetName[]
  idleSeconds: number
  /** Awareness renewal period of light clients (y-websocket providers renew every 15 s). */
  awarenessIntervalMs: number
  /** Bursts (submit, vote) are spread over this many seconds. */
  burstSeconds: number
  votesPerClient: number
  /** Quarterdeck: full MeetingClients besides the facilitator. */
  fullClients: number
  /** Peers: measuring clients with a real Y.Doc. */
  measurers: number
  /** 0 = 1 worker below N=1000, 2 from there on. */
  workers: number
  rampBatch: number
  repeat: number
  timeoutScale: number
  /** Peers: skip a burst whose fan-out (writes × receivers) exceeds this many deliveries. */
  maxDeliveries: number
  /** Light clients' socket: a minimal RFC 6455 client on node:net (cheap) or the `ws` package. */
  lightSocket: SocketKind
  /** Light clients offer permessage-deflate like browsers (default); --no-deflate turns it off. */
  offerDeflate: boolean
  cpuProf: boolean
  similarity: boolean
  /** Only the similarity bench (quality on the labelled sets and the 5,000-text time), no servers. */
  similarityOnly: boolean
  /** The browser bench (tests/bench/browser): the Group board with 2,000 cards in Chromium. */
  browser: boolean
  isSmoke: boolean
  outDir: string
}

export const ALL_SCENARIOS: ScenarioId[] = ['join', 'submit', 'board', 'tovote', 'vote', 'reveal', 'idle']

const USAGE = `npm run bench -- [options]   (see tests/bench/README.md)
  --n 100,1000,2000,5000     participants per run (default 100,1000,2000,5000)
  --only join,board,idle     scenarios: join, submit, board, tovote, vote, reveal, idle (default all)
  --peers y-websocket,hocuspocus|none   peer servers to compare with (default both)
  --no-ours                  skip Quarterdeck (peers only)
  --idle-seconds 60          idle presence window (default 60)
  --burst-seconds 5          spread of submit/vote bursts (default 5)
  --full 5                   Quarterdeck full clients (default 5)
  --measurers 20             peer measuring clients (default 20)
  --workers 0                load-generator processes (0 = auto: 1 below N=1000, else 2)
  --ramp 200                 connections opened per batch (default 200)
  --repeat 1                 runs per (server, N); medians are reported (default 1)
  --timeout-scale 1          multiply every phase timeout
  --max-deliveries 30000000  peers: skip bursts whose fan-out exceeds this
  --light-socket raw|ws      light clients on a minimal node:net WebSocket (default) or on \`ws\`
  --no-deflate               light clients do not offer permessage-deflate (browsers do; default: offer it)
  --cpu-prof                 write V8 CPU profiles of the server children to <out>/prof
  --no-similarity            do not run tests/bench/similarityBench.ts
  --similarity-only          only the similarity bench: precision/recall/F1 per labelled set + 5,000-text time (~30 s)
  --no-browser               do not run the browser bench (tests/bench/browser; --smoke runs it with 200 cards)
  --smoke                    N=50, idle 3 s, y-websocket only, similarity bench, browser bench with 200 cards (~2 min)
  --out bench-results        output directory`

export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      n: { type: 'string' },
      only: { type: 'string' },
      peers: { type: 'string' },
      'no-ours': { type: 'boolean', default: false },
      'idle-seconds': { type: 'string' },
      'burst-seconds': { type: 'string' },
      full: { type: 'string' },
      measurers: { type: 'string' },
      workers: { type: 'string' },
      ramp: { type: 'string' },
      repeat: { type: 'string' },
      'timeout-scale': { type: 'string' },
      'max-deliveries': { type: 'string' },
      'light-socket': { type: 'string' },
      'no-deflate': { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      'no-similarity': { type: 'boolean', default: false },
      'similarity-only': { type: 'boolean', default: false },
      'no-browser': { type: 'boolean', default: false },
      smoke: { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  })
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  const isSmoke = values.smoke === true
  const num = (raw: string | undefined, fallback: number, name: string): number => {
    if (raw === undefined) return fallback
    const v = Number(raw)
    if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} must be a non-negative number, got "${raw}"`)
    return v
  }
  const list = (raw: string | undefined): string[] | null =>
    raw === undefined
      ? null
      : raw
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s.length > 0)

  const ns = (list(values.n) ?? (isSmoke ? ['50'] : ['100', '1000', '2000', '5000'])).map((s) => num(s, 0, 'n'))
  if (ns.some((n) => n < 2 || !Number.isInteger(n))) throw new Error('--n takes integers ≥ 2')
  const only = (list(values.only) ?? ALL_SCENARIOS) as ScenarioId[]
  for (const s of only) if (!ALL_SCENARIOS.includes(s)) throw new Error(`unknown scenario "${s}" (${ALL_SCENARIOS.join(', ')})`)
  const peerList = list(values.peers) ?? (isSmoke ? ['y-websocket'] : [...PEER_NAMES])
  const peers = peerList.includes('none') ? [] : peerList
  for (const p of peers) if (!(PEER_NAMES as readonly string[]).includes(p)) throw new Error(`unknown peer "${p}" (${PEER_NAMES.join(', ')}, none)`)
  const targets: TargetName[] = [...(values['no-ours'] ? [] : (['quarterdeck'] as const)), ...(peers as TargetName[])]
  if (targets.length === 0) throw new Error('nothing to run: --no-ours with --peers none')

  const lightSocket = values['light-socket'] ?? 'raw'
  if (lightSocket !== 'raw' && lightSocket !== 'ws') throw new Error('--light-socket is raw or ws')

  return {
    ns,
    only,
    targets,
    idleSeconds: num(values['idle-seconds'], isSmoke ? 3 : 60, 'idle-seconds'),
    awarenessIntervalMs: 15_000,
    burstSeconds: num(values['burst-seconds'], isSmoke ? 2 : 5, 'burst-seconds'),
    votesPerClient: 5,
    fullClients: Math.max(1, num(values.full, isSmoke ? 3 : 5, 'full')),
    measurers: Math.max(2, num(values.measurers, isSmoke ? 5 : 20, 'measurers')),
    workers: num(values.workers, isSmoke ? 1 : 0, 'workers'),
    rampBatch: Math.max(1, num(values.ramp, 200, 'ramp')),
    repeat: Math.max(1, num(values.repeat, 1, 'repeat')),
    timeoutScale: num(values['timeout-scale'], 1, 'timeout-scale') || 1,
    maxDeliveries: num(values['max-deliveries'], 30_000_000, 'max-deliveries'),
    lightSocket,
    offerDeflate: values['no-deflate'] !== true,
    cpuProf: values['cpu-prof'] === true,
    similarity: values['no-similarity'] !== true,
    similarityOnly: values['similarity-only'] === true,
    browser: values['no-browser'] !== true,
    isSmoke,
    outDir: values.out ?? 'bench-results',
  }
}
