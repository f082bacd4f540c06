import type { PointerEvent as ReactPointerEvent, TouchEvent as ReactTouchEvent } from 'react'
import {
  KeyboardCode,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type ClientRect,
  type CollisionDescriptor,
  type CollisionDetection,
  type DroppableContainer,
  type KeyboardCoordinateGetter,
  type KeyboardSensorProps,
  type PointerSensorOptions,
  type TouchSensorOptions,
  type ScreenReaderInstructions,
  type UniqueIdentifier,
} from '@dnd-kit/core'
import type { BoardLookup } from './boardCommands.tsx'
import { cardTitle, clusterName } from './boardCommands.tsx'
import i18next from '../../i18n/i18n.ts'

/** What a drop lands on. Cards and clusters are both drop places; a card is also what is dragged. */
export type DropTarget = { kind: 'card'; id: string } | { kind: 'cluster'; id: string } | { kind: 'newCluster' } | { kind: 'unclustered' }

export const NEW_CLUSTER_ZONE = 'zone:new-cluster'
export const UNCLUSTER_ZONE = 'zone:unclustered'
/** Empty space of a column: a pointer drop there counts, but the keyboard never stops on it. */
export const CLUSTER_SPACE = 'space:clusters'
export const UNCLUSTERED_SPACE = 'space:unclustered'

export const cardDndId = (cardId: string) => `card:${cardId}`
export const clusterDndId = (clusterId: string) => `cluster:${clusterId}`

export function parseDropId(id: UniqueIdentifier): DropTarget | null {
  const s = String(id)
  if (s.startsWith('card:')) return { kind: 'card', id: s.slice(5) }
  if (s.startsWith('cluster:')) return { kind: 'cluster', id: s.slice(8) }
  if (s === NEW_CLUSTER_ZONE || s === CLUSTER_SPACE) return { kind: 'newCluster' }
  if (s === UNCLUSTER_ZONE || s === UNCLUSTERED_SPACE) return { kind: 'unclustered' }
  return null
}

export const cardIdOf = (id: UniqueIdentifier) => String(id).replace(/^card:/, '')

const isSpace = (id: UniqueIdentifier) => String(id).startsWith('space:')

/** The most specific place wins: a card (merge) over a cluster (move) over a zone over a column's empty space. */
function priority(id: UniqueIdentifier): number {
  const s = String(id)
  if (s.startsWith('card:')) return 0
  if (s.startsWith('cluster:')) return 1
  if (s.startsWith('zone:')) return 2
  return 3
}

const centerOf = (rect: ClientRect) => ({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 })

/** Where the keyboard puts a held card over a place: a cluster's heading, since its middle is one of its cards. */
function anchorOf(id: UniqueIdentifier, rect: ClientRect) {
  return String(id).startsWith('cluster:') ? { x: rect.left + rect.width / 2, y: rect.top + Math.min(CLUSTER_ANCHOR_PX, rect.height / 2) } : centerOf(rect)
}
const CLUSTER_ANCHOR_PX = 18
const contains = (rect: ClientRect, p: { x: number; y: number }) =>
  p.x >= rect.left && p.x <= rect.left + rect.width && p.y >= rect.top && p.y <= rect.top + rect.height

/**
 * The drop place the keyboard is on. The columns are virtualised and scroll under a held card, so pixel
 * positions measured at pick-up go stale; the keyboard therefore says where the card is explicitly (this id),
 * and walks from place to place on live positions read at each key press.
 */
let keyboardTarget: UniqueIdentifier | null = null
export function resetKeyboardDrag(): void {
  keyboardTarget = null
}
const COLUMN = '.column-scroll'
/** Room kept between a place the keyboard brings into view and its column's (or the window's) edge. */
const REVEAL_MARGIN_PX = 24

const liveRect = (container: DroppableContainer, measured: ReadonlyMap<UniqueIdentifier, ClientRect>): ClientRect | undefined =>
  container.node.current?.isConnected ? container.node.current.getBoundingClientRect() : measured.get(container.id)

/**
 * Auto-scroll while a card is held: only a board column scrolls, and only when the pointer is in the last tenth of
 * it. The window never scrolls under a held card: it used to, by ~60 px when a card was held low in the window,
 * and the drop places measured before the scroll then pointed at the neighbour of the card under the pointer.
 */
export const BOARD_AUTO_SCROLL = {
  canScroll: (element: Element) => element.classList.contains('column-scroll'),
  threshold: { x: 0, y: 0.1 },
}

/**
 * The drop place under the pointer, most specific first; for the keyboard, the place it walked to. Nested places
 * (a card inside a cluster box inside a column) all contain the point, so priority decides; the dragged card
 * never collides with itself.
 */
export const boardCollisionDetection: CollisionDetection = ({ active, collisionRect, droppableRects, droppableContainers, pointerCoordinates }) => {
  const isKeyboard = pointerCoordinates === null
  if (isKeyboard && keyboardTarget !== null) {
    const target = droppableContainers.find((c) => c.id === keyboardTarget)
    if (target) return [{ id: target.id, data: { droppableContainer: target, value: 0 } }]
  }
  const point = pointerCoordinates ?? centerOf(collisionRect)
  const hits: CollisionDescriptor[] = []
  for (const container of droppableContainers) {
    if (container.id === active.id || (isKeyboard && isSpace(container.id))) continue
    // Live positions for the pointer: whatever scrolled since the last measurement (a column auto-scrolling, a
    // wheel), the place that wins is the one under the pointer now. Only the ~40 rendered places are read.
    const rect = isKeyboard ? droppableRects.get(container.id) : liveRect(container, droppableRects)
    if (!rect || !contains(rect, point)) continue
    const c = centerOf(rect)
    hits.push({ id: container.id, data: { droppableContainer: container, value: Math.hypot(c.x - point.x, c.y - point.y) } })
  }
  return hits.sort((a, b) => priority(a.id) - priority(b.id) || (a.data?.value as number) - (b.data?.value as number)).slice(0, 1)
}

const ARROWS: string[] = [KeyboardCode.Down, KeyboardCode.Up, KeyboardCode.Left, KeyboardCode.Right]
/** Page Down / Page Up: from cluster to cluster, past the cards inside them. */
const PAGE_KEYS: Record<string, string> = { PageDown: KeyboardCode.Down, PageUp: KeyboardCode.Up }

/** How far `y` is outside [top + margin, bottom - margin] (negative above, positive below, 0 inside). */
function overflowOf(y: number, top: number, bottom: number): number {
  return y < top + REVEAL_MARGIN_PX ? y - top - REVEAL_MARGIN_PX : y > bottom - REVEAL_MARGIN_PX ? y - bottom + REVEAL_MARGIN_PX : 0
}

/**
 * Scrolls the place the keyboard moved to into view, in its column and in the window, so the next press finds
 * the place after it (only places near the visible part of a virtualised column exist). Returns its fresh anchor.
 */
function bringIntoView(node: HTMLElement, id: UniqueIdentifier): { x: number; y: number } {
  let anchor = anchorOf(id, node.getBoundingClientRect())
  const column = node.closest(COLUMN)
  if (column) {
    const view = column.getBoundingClientRect()
    const dy = overflowOf(anchor.y, view.top, view.bottom)
    if (dy !== 0) {
      column.scrollTop += dy
      anchor = anchorOf(id, node.getBoundingClientRect())
    }
  }
  const dy = overflowOf(anchor.y, 0, window.innerHeight)
  if (dy !== 0) {
    window.scrollBy(0, dy)
    anchor = anchorOf(id, node.getBoundingClientRect())
  }
  return anchor
}

/**
 * Arrow keys move the held card to the nearest drop place in that direction (card, cluster or zone), so every
 * press lands on something the announcements can name; the place is scrolled into view, so the keyboard reaches
 * every card and cluster of a 2,000-card board, rendered or not when the card was picked up.
 */
export const boardKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const clustersOnly = Object.hasOwn(PAGE_KEYS, event.code)
  const code = clustersOnly ? (PAGE_KEYS[event.code] as string) : event.code
  if (!ARROWS.includes(code)) return undefined
  event.preventDefault()
  const { active, collisionRect, droppableRects, droppableContainers } = context
  if (!active || !collisionRect) return undefined
  const current = keyboardTarget === null ? undefined : droppableContainers.get(keyboardTarget)
  const currentRect = current ? liveRect(current, droppableRects) : undefined
  const from = current && currentRect ? anchorOf(current.id, currentRect) : centerOf(collisionRect)
  let best: { container: DroppableContainer; node: HTMLElement } | null = null
  let bestScore = Infinity
  for (const container of droppableContainers.getEnabled()) {
    if (container.id === active.id || container.id === keyboardTarget || isSpace(container.id)) continue
    if (clustersOnly && !String(container.id).startsWith('cluster:')) continue
    const node = container.node.current
    const rect = node?.isConnected ? liveRect(container, droppableRects) : undefined
    if (!node || !rect) continue
    const to = anchorOf(container.id, rect)
    const dx = to.x - from.x
    const dy = to.y - from.y
    const [along, across] = code === KeyboardCode.Down ? [dy, dx] : code === KeyboardCode.Up ? [-dy, dx] : code === KeyboardCode.Right ? [dx, dy] : [-dx, dy]
    // Only places within a cone around the arrow's direction: a column heading a few pixels to the right of a
    // card is not "to the right" of it.
    if (along < 2 || Math.abs(across) > 2 * along) continue
    const score = along + 3 * Math.abs(across)
    if (score < bestScore) {
      bestScore = score
      best = { container, node }
    }
  }
  if (!best) return undefined
  keyboardTarget = best.container.id
  const to = bringIntoView(best.node, best.container.id)
  const held = centerOf(collisionRect)
  return { x: currentCoordinates.x + to.x - held.x, y: currentCoordinates.y + to.y - held.y }
}

/**
 * dnd-kit's keyboard sensor, minus its own scrolling: it scrolls the held card's column when the card moves
 * below its middle, which fights the virtualised columns (a move to the other column scrolled this one). The
 * coordinate getter above scrolls the place it moves to into view instead.
 */
class BoardKeyboardSensor extends KeyboardSensor {
  constructor(props: KeyboardSensorProps) {
    super(props)
    // reason: the base class keeps these private; its constructor reads `this.handleKeyDown` in a setTimeout,
    // so replacing it here is the supported-by-construction way to change the key handling alone.
    const self = this as unknown as KeyboardSensorInternals
    self.handleKeyDown = (event: Event) => {
      if (!(event instanceof KeyboardEvent)) return
      const { active, context, options, onMove } = self.props
      const codes = options.keyboardCodes ?? { start: [], cancel: [KeyboardCode.Esc], end: [KeyboardCode.Space, KeyboardCode.Enter, KeyboardCode.Tab] }
      if (codes.end.includes(event.code)) return self.handleEnd(event)
      if (codes.cancel.includes(event.code)) return self.handleCancel(event)
      const { collisionRect } = context.current
      const currentCoordinates = collisionRect ? { x: collisionRect.left, y: collisionRect.top } : { x: 0, y: 0 }
      self.referenceCoordinates ??= currentCoordinates
      const next = options.coordinateGetter?.(event, { active, context: context.current, currentCoordinates })
      if (!next) return
      event.preventDefault()
      onMove({ x: next.x - self.referenceCoordinates.x, y: next.y - self.referenceCoordinates.y })
    }
  }
}

interface KeyboardSensorInternals {
  props: KeyboardSensorProps
  referenceCoordinates: { x: number; y: number } | undefined
  handleKeyDown(event: Event): void
  handleEnd(event: Event): void
  handleCancel(event: Event): void
}

/** Buttons, fields and menus inside a card keep their clicks and text selection; the drag handle is the exception. */
function startsOnControl(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false
  if (target.closest('.card-handle')) return false
  return target.closest('button, a, input, textarea, select, summary, label, [role="menu"], dialog') !== null
}

/** Mouse and pen: the whole card drags after a few pixels; touch is left to the TouchSensor's long press. */
class BoardPointerSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: ({ nativeEvent: event }: ReactPointerEvent, { onActivation }: PointerSensorOptions) => {
        if (!event.isPrimary || event.button !== 0 || event.pointerType === 'touch' || startsOnControl(event.target)) return false
        onActivation?.({ event })
        return true
      },
    },
  ]
}

class BoardTouchSensor extends TouchSensor {
  static override activators = [
    {
      eventName: 'onTouchStart' as const,
      handler: ({ nativeEvent: event }: ReactTouchEvent, { onActivation }: TouchSensorOptions) => {
        if (event.touches.length > 1 || startsOnControl(event.target)) return false
        onActivation?.({ event })
        return true
      },
    },
  ]
}

/** A moved pointer starts a drag; a press-and-hold on a phone does, so a swipe still scrolls the board. */
export const POINTER_ACTIVATION_DISTANCE_PX = 6
export const TOUCH_ACTIVATION_DELAY_MS = 250
export const TOUCH_TOLERANCE_PX = 8

export function useBoardSensors() {
  return useSensors(
    useSensor(BoardPointerSensor, { activationConstraint: { distance: POINTER_ACTIVATION_DISTANCE_PX } }),
    useSensor(BoardTouchSensor, { activationConstraint: { delay: TOUCH_ACTIVATION_DELAY_MS, tolerance: TOUCH_TOLERANCE_PX } }),
    useSensor(BoardKeyboardSensor, { coordinateGetter: boardKeyboardCoordinates }),
  )
}

// Announcements are made by dnd-kit outside React's render, so they read the current language from i18next.
const t = i18next.t.bind(i18next)

export function boardInstructions(): ScreenReaderInstructions {
  return { draggable: t('dnd.instructions') }
}

/** Says where a drop would land, in the board's words. */
export function describeTarget(lookup: BoardLookup, activeCardId: string, overId: UniqueIdentifier): string {
  const target = parseDropId(overId)
  const card = lookup.card(activeCardId)
  if (!target) return t('dnd.notOver')
  switch (target.kind) {
    case 'card':
      return t('dnd.overCard', { title: cardTitle(lookup, target.id) })
    case 'cluster':
      return card?.clusterId === target.id
        ? t('dnd.overOwnCluster', { name: clusterName(lookup, target.id) })
        : t('dnd.overCluster', { name: clusterName(lookup, target.id) })
    case 'newCluster':
      return t('dnd.overNew')
    case 'unclustered':
      return card?.clusterId ? t('dnd.overUnclusteredOut') : t('dnd.overUnclusteredSame')
  }
}

/** What a drop did (or will do, for a merge that asks which title stays). */
export function describeDrop(lookup: BoardLookup, activeCardId: string, overId: UniqueIdentifier | null): string {
  const title = cardTitle(lookup, activeCardId)
  const card = lookup.card(activeCardId)
  const target = overId === null ? null : parseDropId(overId)
  if (!target) return t('dnd.putBack', { title })
  switch (target.kind) {
    case 'card':
      return t('dnd.droppedOnCard', { title, target: cardTitle(lookup, target.id) })
    case 'cluster':
      return card?.clusterId === target.id
        ? t('dnd.staysIn', { title, name: clusterName(lookup, target.id) })
        : t('dnd.movingTo', { title, name: clusterName(lookup, target.id) })
    case 'newCluster':
      return t('dnd.startingNew', { title })
    case 'unclustered':
      return card?.clusterId ? t('dnd.takingOut', { title }) : t('dnd.putBack', { title })
  }
}

export function boardAnnouncements(lookup: BoardLookup): Announcements {
  return {
    onDragStart: ({ active }) => t('dnd.pickedUp', { title: cardTitle(lookup, cardIdOf(active.id)) }),
    onDragOver: ({ active, over }) =>
      over ? describeTarget(lookup, cardIdOf(active.id), over.id) : t('dnd.notOverTitle', { title: cardTitle(lookup, cardIdOf(active.id)) }),
    onDragEnd: ({ active, over }) => describeDrop(lookup, cardIdOf(active.id), over?.id ?? null),
    onDragCancel: ({ active }) => t('dnd.putBack', { title: cardTitle(lookup, cardIdOf(active.id)) }),
  }
}
