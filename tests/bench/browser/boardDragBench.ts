/**
 * Browser bench: the Group board with 2,000 cards in Debian's Chromium, driven by Playwright like a person with
 * a mouse. Run by `npm run bench` (skip with `--no-browser`; `--smoke` uses 200 cards), or alone:
 *
 *   node --import tsx tests/bench/browser/boardDragBench.ts [--cards 2000] [--drags 20] [--no-build] [--cpu-prof out.cpuprofile]
 *
 * Measures, inside the page (performance.now, not Node round trips): drag pick-up, drop → rendered, drop →
 * server-confirmed, long tasks, and frame times while scrolling each column; plus the participant page's
 * first-load JS, gzipped, from the Vite build.
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type Browser, type Page } from '@playwright/test'
import { CHROMIUM_ARGS } from '../../../playwright.config.ts'
import { ServerProcess } from '../../e2e/helpers/serverProcess.ts'
import { seedBoard } from '../../e2e/helpers/seedBoard.ts'
import { percentile } from '../stats.ts'
import { firstLoadSize, type FirstLoadSize } from './bundleSize.ts'
import { armProbe, installProbe, probeDone, readProbe, scrollColumn, type DragTiming, type DropExpectation, type ScrollTiming } from './pageProbe.ts'

export interface BrowserBenchOptions {
  cards: number
  drags: number
  /** Run `vite build` first (the bench measures what is in dist/). */
  build: boolean
  /** Write a Chrome CPU profile of the drags and the scrolling to this file (for tests/bench/profileTop.ts). */
  cpuProfile?: string
  log(message: string): void
}

export interface Summary {
  n: number
  median: number | null
  p95: number | null
  max: number | null
}

export interface BrowserBenchResult {
  cards: number
  clusters: number
  firstLoad: FirstLoadSize
  boardLoadMs: number
  renderedCards: number
  drags: (DragTiming & { kind: DragKind })[]
  pickUp: Summary
  dropRendered: Summary
  dropInDom: Summary
  dropConfirmed: Summary
  longTasksDuringDrags: number[]
  scroll: Record<'unclustered' | 'clusters', ScrollTiming & { frameSummary: Summary; over33ms: number; over50ms: number }>
}

type DragKind = 'move' | 'newCluster' | 'takeOut'
const KINDS: DragKind[] = ['move', 'newCluster', 'takeOut']
const CLUSTERS = 40
const RATE_ENV = 'RATE_LIMIT_MESSAGES_PER_SECOND'
const SCROLL_FRAMES = 180

function summarize(values: readonly (number | null)[]): Summary {
  const v = values.filter((x): x is number => x !== null).sort((a, b) => a - b)
  const round = (x: number | null | undefined) => (x === undefined || x === null ? null : Math.round(x * 10) / 10)
  return { n: v.length, median: round(percentile(v, 50)), p95: round(percentile(v, 95)), max: round(v[v.length - 1]) }
}

const title = (i: number) =>
  `Objective ${i + 1}: ${['grow', 'cut', 'ship', 'hire', 'launch'][i % 5]} ${['revenue', 'costs', 'the app', 'engineers', 'in Brazil'][(i * 7) % 5]} by Q${(i % 4) + 1}`

/** The first card title rendered in a list (the top of a virtualised column). */
async function firstTitleIn(page: Page, listLabel: string): Promise<string> {
  const text = await page.locator(`ul[aria-label="${listLabel}"] .card-title`).first().textContent()
  if (!text) throw new Error(`no card in ${listLabel}`)
  return text
}

async function visibleClusterNames(page: Page): Promise<string[]> {
  return page.locator('ul[aria-label="Clusters"] h4.cluster-name').allTextContents()
}

/** Both columns scrolled to their top and the board on screen, so sources and targets are visible. */
async function settleView(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (const el of document.querySelectorAll('.column-scroll')) el.scrollTop = 0
    // Columns' tops at 260 px: clear of the window's auto-scroll band (dnd-kit scrolls within 20% of an edge).
    const top = document.querySelector('.board-columns')?.getBoundingClientRect().top ?? 0
    window.scrollBy(0, top - 260)
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  })
}

/** One mouse drag, measured in the page; the mouse moves in steps as a hand would. */
async function drag(page: Page, kind: DragKind): Promise<DragTiming & { kind: DragKind }> {
  await settleView(page)
  let sourceTitle: string
  let target: { x: number; y: number }
  let expectation: DropExpectation
  const center = async (selector: string) => {
    const box = await page.locator(selector).first().boundingBox()
    if (!box) throw new Error(`${selector} not on screen`)
    return { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 14) }
  }
  if (kind === 'takeOut') {
    const name = (await visibleClusterNames(page))[0] as string
    const list = `Cards in “${name}”`
    sourceTitle = await firstTitleIn(page, list)
    target = await center('.board-column .column-head:has(h3:text-is("Unclustered"))')
    expectation = { kind: 'notInList', listLabel: list, title: sourceTitle }
  } else {
    sourceTitle = await firstTitleIn(page, 'Unclustered cards')
    if (kind === 'newCluster') {
      target = await center('.new-cluster-zone')
      expectation = { kind: 'listExists', listLabel: `Cards in “${sourceTitle}”` }
    } else {
      const name = (await visibleClusterNames(page))[0] as string
      target = await center(`ul[aria-label="Clusters"] section.cluster-box:has(h4.cluster-name:text-is("${name}")) .cluster-head`)
      expectation = { kind: 'inList', listLabel: `Cards in “${name}”`, title: sourceTitle }
    }
  }
  const source = page.locator(`.board-card:has(> .card-top .card-title:text-is("${sourceTitle}")) .card-title`).first()
  const from = await source.boundingBox()
  if (!from) throw new Error(`card “${sourceTitle}” not on screen`)
  await page.evaluate(armProbe, expectation)
  const start = { x: from.x + 8, y: from.y + from.height / 2 }
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  await page.mouse.move(start.x + 12, start.y + 12, { steps: 3 })
  await page.mouse.move(target.x, target.y, { steps: 10 })
  await page.mouse.up()
  await page.waitForFunction(probeDone, 10_000, { polling: 50 })
  const timing = await page.evaluate(readProbe)
  // Let the status settle so the next drag starts from a quiet page.
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 10_000 })
  return { ...timing, kind }
}

export async function runBrowserBench(options: BrowserBenchOptions): Promise<BrowserBenchResult> {
  const { log } = options
  const root = process.cwd()
  if (options.build) {
    log('browser bench: vite build…')
    execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], { stdio: 'inherit' })
  }
  const firstLoad = firstLoadSize(join(root, 'dist/client'))
  log(`browser bench: first-load JS ${(firstLoad.jsGzipBytes / 1000).toFixed(1)} kB gzipped (${firstLoad.files.length} file(s))`)

  const previousRate = process.env[RATE_ENV]
  // Seeding sends thousands of commands over a few sockets; the per-connection limit is for people.
  process.env[RATE_ENV] = '5000'
  let server: ServerProcess | null = null
  let browser: Browser | null = null
  let seeded: Awaited<ReturnType<typeof seedBoard>> | null = null
  try {
    server = await ServerProcess.start()
    log(`browser bench: seeding ${options.cards} cards and ${CLUSTERS} clusters…`)
    const titles = Array.from({ length: options.cards }, (_, i) => title(i))
    seeded = await seedBoard(server.url, titles, { perPerson: 10 })
    const f = seeded.facilitator
    const cards = seeded.view().cards
    const clusterCount = Math.min(CLUSTERS, Math.floor(cards.length / 10))
    const firstClustered = Math.floor(cards.length / 2)
    for (let c = 0; c < clusterCount; c++) {
      const group = cards.slice(firstClustered + c * 5, firstClustered + c * 5 + 5)
      const { clusterId } = await f.send({ type: 'createCluster', cardId: group[0]!.id, name: `Theme ${c + 1}` })
      await Promise.all(group.slice(1).map((card) => f.send({ type: 'moveCard', cardId: card.id, clusterId })))
    }

    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } })
    const page = await context.newPage()
    // tsx compiles with keepNames; functions sent to the page may call esbuild's __name helper.
    await page.addInitScript('window.__name = (f) => f')
    const t0 = Date.now()
    await page.goto(seeded.meeting.facilitatorUrl)
    await page.getByText(`${options.cards.toLocaleString('en')} cards`, { exact: true }).waitFor()
    const boardLoadMs = Date.now() - t0
    const renderedCards = await page.locator('article.board-card').count()
    await page.evaluate(installProbe)

    log(`browser bench: ${options.drags} drags…`)
    const drags: BrowserBenchResult['drags'] = []
    const cdp = options.cpuProfile ? await context.newCDPSession(page) : null
    await cdp?.send('Profiler.enable')
    await cdp?.send('Profiler.start')
    for (let i = 0; i < options.drags; i++) drags.push(await drag(page, KINDS[i % KINDS.length] as DragKind))

    log('browser bench: scrolling…')
    const scroll = {} as BrowserBenchResult['scroll']
    for (const [key, regionLabel] of [
      ['unclustered', 'Unclustered cards (scrollable)'],
      ['clusters', 'Clusters (scrollable)'],
    ] as const) {
      const timing = await page.evaluate(scrollColumn, { regionLabel, frames: SCROLL_FRAMES, stepPx: 90 })
      scroll[key] = {
        ...timing,
        frameSummary: summarize(timing.frameMs),
        over33ms: timing.frameMs.filter((ms) => ms > 33.4).length,
        over50ms: timing.frameMs.filter((ms) => ms > 50).length,
      }
    }
    if (cdp && options.cpuProfile) {
      const { profile } = await cdp.send('Profiler.stop')
      writeFileSync(options.cpuProfile, JSON.stringify(profile))
      log(`browser bench: CPU profile of the drags and the scrolling in ${options.cpuProfile}`)
    }
    return {
      cards: options.cards,
      clusters: clusterCount,
      firstLoad,
      boardLoadMs,
      renderedCards,
      drags,
      pickUp: summarize(drags.map((d) => d.pickUpMs)),
      dropRendered: summarize(drags.map((d) => d.dropRenderedMs)),
      dropInDom: summarize(drags.map((d) => d.dropInDomMs)),
      dropConfirmed: summarize(drags.map((d) => d.dropConfirmedMs)),
      longTasksDuringDrags: drags.flatMap((d) => d.longTasksMs),
      scroll,
    }
  } finally {
    seeded?.close()
    await browser?.close()
    await server?.stop()
    if (previousRate === undefined) delete process.env[RATE_ENV]
    else process.env[RATE_ENV] = previousRate
  }
}

export function formatBrowserBench(r: BrowserBenchResult): string {
  const ms = (s: Summary) => `${s.median ?? '–'} | ${s.p95 ?? '–'} | ${s.max ?? '–'}`
  // kB = 1,000 bytes, as Vite's build report.
  const kb = (b: number) => `${(b / 1000).toFixed(1)} kB`
  const lines = [
    `Browser bench — Group board with ${r.cards.toLocaleString('en')} cards, ${r.clusters} clusters, Chromium ${CHROMIUM_ARGS.includes('--disable-gpu') ? '(no GPU)' : ''}, 1280×1000`,
    '',
    '| measure (ms, in the page) | median | p95 | max | n |',
    '|---|---|---|---|---|',
    `| drag pick-up → preview painted | ${ms(r.pickUp)} | ${r.pickUp.n} |`,
    `| drop → rendered (optimistic) | ${ms(r.dropRendered)} | ${r.dropRendered.n} |`,
    `| drop → in the DOM (script + React part of it) | ${ms(r.dropInDom)} | ${r.dropInDom.n} |`,
    `| drop → server-confirmed | ${ms(r.dropConfirmed)} | ${r.dropConfirmed.n} |`,
    `| scroll Unclustered: frame time | ${ms(r.scroll.unclustered.frameSummary)} | ${r.scroll.unclustered.frames} |`,
    `| scroll Clusters: frame time | ${ms(r.scroll.clusters.frameSummary)} | ${r.scroll.clusters.frames} |`,
    '',
    `long tasks (>50 ms) during the drags: ${r.longTasksDuringDrags.length ? r.longTasksDuringDrags.join(', ') + ' ms' : 'none'}; ` +
      `frames over 33 ms while scrolling: ${r.scroll.unclustered.over33ms}/${r.scroll.unclustered.frames} (Unclustered), ${r.scroll.clusters.over33ms}/${r.scroll.clusters.frames} (Clusters)`,
    `board load (navigation → "${r.cards.toLocaleString('en')} cards" shown, wall clock): ${r.boardLoadMs} ms; cards rendered: ${r.renderedCards}`,
    `participant page first-load JS: ${kb(r.firstLoad.jsGzipBytes)} gzipped (${kb(r.firstLoad.jsBytes)} raw, ${r.firstLoad.files.map((f) => f.file).join(' + ')}); CSS ${kb(r.firstLoad.cssGzipBytes)} gzipped`,
  ]
  return lines.join('\n')
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      cards: { type: 'string', default: '2000' },
      drags: { type: 'string', default: '20' },
      'no-build': { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
    },
  })
  const log = (m: string) => console.error(m)
  log(
    `browser bench: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  )
  const result = await runBrowserBench({
    cards: Number(values.cards),
    drags: Number(values.drags),
    build: !values['no-build'],
    ...(values['cpu-prof'] ? { cpuProfile: values['cpu-prof'] } : {}),
    log,
  })
  console.log(formatBrowserBench(result))
  console.log(`\n${JSON.stringify({ drags: result.drags }, null, 0)}`)
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
