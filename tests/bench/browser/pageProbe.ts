/**
 * Code that runs inside the page (passed to `page.evaluate`, so every function here is self-contained: no
 * imports, no closures over Node values). Times are `performance.now()` in the page, so Playwright's own round
 * trips never count.
 */

/** What the page should show once a drop has rendered. */
export type DropExpectation =
  | { kind: 'inList'; listLabel: string; title: string }
  | { kind: 'notInList'; listLabel: string; title: string }
  | { kind: 'listExists'; listLabel: string }

export interface DragTiming {
  /** dnd-kit's drag start (the board's mark) → the next frame after the floating preview is in the DOM. */
  pickUpMs: number | null
  /** pointerup → the next frame after the DOM shows the drop (card in its new place). */
  dropRenderedMs: number | null
  /** pointerup → the DOM shows the drop (script and React work; the rest of dropRenderedMs is style, layout, paint). */
  dropInDomMs: number | null
  /** pointerup → the server's acknowledgement (the board's `qd-board:confirmed` mark). */
  dropConfirmedMs: number | null
  /** Main-thread tasks over 50 ms between pointerdown and the rendered drop. */
  longTasksMs: number[]
}

interface ProbeWindow {
  qdProbe?: {
    armed: boolean
    downAt: number | null
    upAt: number | null
    dragStartAt: number | null
    previewAt: number | null
    renderedAt: number | null
    inDomAt: number | null
    confirmedAt: number | null
    longTasks: { start: number; duration: number }[]
  }
}

/** Installs listeners once per page: pointer events, User Timing marks and long tasks. */
export function installProbe(): void {
  const w = window as unknown as ProbeWindow
  if (w.qdProbe) return
  const probe: NonNullable<ProbeWindow['qdProbe']> = {
    armed: false,
    downAt: null,
    upAt: null,
    dragStartAt: null,
    previewAt: null,
    renderedAt: null,
    inDomAt: null,
    confirmedAt: null,
    longTasks: [],
  }
  w.qdProbe = probe
  window.addEventListener(
    'pointerdown',
    (e) => {
      if (probe.armed) probe.downAt = e.timeStamp
    },
    true,
  )
  window.addEventListener(
    'pointerup',
    (e) => {
      if (probe.armed) probe.upAt = e.timeStamp
    },
    true,
  )
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!probe.armed) continue
      if (entry.name === 'qd-board:drag-start') probe.dragStartAt = entry.startTime
      if (entry.name === 'qd-board:confirmed' && probe.upAt !== null && probe.confirmedAt === null) probe.confirmedAt = entry.startTime
    }
  }).observe({ type: 'mark' })
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask' })
}

/**
 * Arms the probe for one drag: resolves (in the page) the moment the preview shows and the moment the drop is
 * on screen, each taken in the frame after the DOM changed (rAF, then a task: after that frame's paint).
 */
export function armProbe(expectation: DropExpectation): void {
  const probe = (window as unknown as ProbeWindow).qdProbe
  if (!probe) throw new Error('installProbe first')
  Object.assign(probe, { armed: true, downAt: null, upAt: null, dragStartAt: null, previewAt: null, renderedAt: null, inDomAt: null, confirmedAt: null })
  const afterPaint = (set: (t: number) => void) => requestAnimationFrame(() => setTimeout(() => set(performance.now()), 0))
  const titlesIn = (label: string) => {
    const list = document.querySelector(`ul[aria-label="${CSS.escape(label)}"]`)
    return list ? [...list.querySelectorAll('.card-title')].map((p) => p.textContent) : null
  }
  const isDropShown = () => {
    switch (expectation.kind) {
      case 'inList':
        return titlesIn(expectation.listLabel)?.includes(expectation.title) === true
      case 'notInList':
        return !(titlesIn(expectation.listLabel) ?? []).includes(expectation.title)
      case 'listExists':
        return titlesIn(expectation.listLabel) !== null
    }
  }
  const observer = new MutationObserver(() => {
    if (probe.previewAt === null && probe.dragStartAt !== null && document.querySelector('.board-card.is-preview')) {
      probe.previewAt = -1
      afterPaint((t) => (probe.previewAt = t))
    }
    if (probe.upAt !== null && probe.renderedAt === null && isDropShown()) {
      probe.renderedAt = -1
      probe.inDomAt = performance.now()
      afterPaint((t) => {
        probe.renderedAt = t
        observer.disconnect()
      })
    }
  })
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class'] })
}

/** True once the drop has rendered and the server has answered (or `timeoutMs` after the drop). */
export function probeDone(timeoutMs: number): boolean {
  const p = (window as unknown as ProbeWindow).qdProbe
  if (!p || p.upAt === null) return false
  const rendered = p.renderedAt !== null && p.renderedAt > 0
  return (rendered && p.confirmedAt !== null) || performance.now() - p.upAt > timeoutMs
}

export function readProbe(): DragTiming {
  const p = (window as unknown as ProbeWindow).qdProbe
  if (!p) throw new Error('installProbe first')
  p.armed = false
  const since = (from: number | null, to: number | null) => (from !== null && to !== null && to > 0 ? Math.round((to - from) * 10) / 10 : null)
  const end = p.renderedAt !== null && p.renderedAt > 0 ? p.renderedAt : performance.now()
  return {
    pickUpMs: since(p.dragStartAt, p.previewAt),
    dropRenderedMs: since(p.upAt, p.renderedAt),
    dropInDomMs: since(p.upAt, p.inDomAt),
    dropConfirmedMs: since(p.upAt, p.confirmedAt),
    longTasksMs: p.longTasks.filter((t) => p.downAt !== null && t.start >= p.downAt && t.start <= end).map((t) => Math.round(t.duration)),
  }
}

export interface ScrollTiming {
  frames: number
  /** Time between consecutive frames while the column scrolls (16.7 ms at 60 Hz is perfect). */
  frameMs: number[]
  longTasksMs: number[]
}

/**
 * Scrolls a column by `stepPx` every frame for `frames` frames (as a fast flick or a held arrow key would) and
 * records the frame-to-frame times; every scroll makes the virtualised list mount and unmount rows.
 */
export function scrollColumn(args: { regionLabel: string; frames: number; stepPx: number }): Promise<ScrollTiming> {
  const el = document.querySelector<HTMLElement>(`[role="region"][aria-label="${CSS.escape(args.regionLabel)}"]`)
  if (!el) return Promise.reject(new Error(`no region ${args.regionLabel}`))
  const probe = (window as unknown as ProbeWindow).qdProbe
  const startedAt = performance.now()
  return new Promise((resolve) => {
    const stamps: number[] = []
    let direction = 1
    const step = (t: number) => {
      stamps.push(t)
      if (stamps.length > args.frames) {
        const frameMs = stamps.slice(1).map((s, i) => Math.round((s - (stamps[i] as number)) * 10) / 10)
        const longTasksMs = (probe?.longTasks ?? []).filter((lt) => lt.start >= startedAt).map((lt) => Math.round(lt.duration))
        resolve({ frames: frameMs.length, frameMs, longTasksMs })
        return
      }
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) direction = -1
      else if (el.scrollTop <= 0) direction = 1
      el.scrollTop += direction * args.stepPx
      requestAnimationFrame(step)
    }
    requestAnimationFrame(step)
  })
}
