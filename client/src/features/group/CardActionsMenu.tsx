import { useEffect, useRef, type KeyboardEvent } from 'react'
import type { CardRecord } from '../../../../shared/board/boardTypes.ts'
import { cardActionsId, focusSoon, useBoardUi } from './boardUiStore.ts'
import { useBoardCommands } from './boardCommands.tsx'
import { useTranslation } from 'react-i18next'

interface MenuItem {
  label: string
  run(): void
  isDanger?: boolean
}

/**
 * "⋯ Actions": every drag-and-drop move as a menu, for phones, keyboards and screen readers
 * (WAI-ARIA menu button: arrow keys move, Escape closes and returns to the button).
 */
export function CardActionsButton({ card, menuId }: { card: CardRecord; menuId: string }) {
  const isOpen = useBoardUi((s) => s.openMenuCardId === card.id)
  const openMenu = useBoardUi((s) => s.openMenu)
  const buttonId = cardActionsId(card.id)
  const { t } = useTranslation()
  return (
    <div className="card-actions">
      <button
        type="button"
        id={buttonId}
        className="secondary small actions-button"
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-controls={isOpen ? menuId : undefined}
        aria-label={t('board.actionsFor', { title: card.title })}
        onClick={() => openMenu(isOpen ? null : card.id)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !isOpen) {
            e.preventDefault()
            openMenu(card.id)
          }
        }}
      >
        <span aria-hidden="true">⋯</span>
        <span className="actions-text"> {t('board.actions')}</span>
      </button>
    </div>
  )
}

/** The open menu, under the card's top row (inline, so a scrolling column never clips it). */
export function CardActionsMenu({ card, menuId }: { card: CardRecord; menuId: string }) {
  const isOpen = useBoardUi((s) => s.openMenuCardId === card.id)
  return isOpen ? <ActionsList card={card} menuId={menuId} buttonId={cardActionsId(card.id)} /> : null
}

function ActionsList({ card, menuId, buttonId }: { card: CardRecord; menuId: string; buttonId: string }) {
  const commands = useBoardCommands()
  const { t } = useTranslation()
  const isFacilitator = useBoardUi((s) => s.isFacilitator)
  const hasClusters = useBoardUi((s) => s.hasClusters)
  const { openMenu, openDialog, editCard } = useBoardUi.getState()
  const ref = useRef<HTMLUListElement>(null)
  const close = (returnFocus: boolean) => {
    openMenu(null)
    if (returnFocus) focusSoon(buttonId)
  }
  const items: MenuItem[] = [
    { label: t('menu.mergeInto'), run: () => openDialog({ kind: 'pickMergeTarget', cardId: card.id }, buttonId) },
    ...(hasClusters ? [{ label: t('menu.moveToCluster'), run: () => openDialog({ kind: 'pickCluster', cardId: card.id }, buttonId) }] : []),
    {
      label: t('menu.newCluster'),
      run: () => {
        close(false)
        void commands.newCluster(card.id)
      },
    },
    ...(card.clusterId
      ? [
          {
            label: t('menu.takeOut'),
            run: () => {
              close(false)
              void commands.move(card.id, null)
            },
          },
        ]
      : []),
    { label: t('menu.rename'), run: () => editCard(card.id) },
    ...(isFacilitator ? [{ label: t('menu.hide'), isDanger: true, run: () => openDialog({ kind: 'hide', cardId: card.id }, buttonId) }] : []),
  ]
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus()
    const onPointerDown = (e: PointerEvent) => {
      const root = ref.current?.closest('.board-card')
      if (root && e.target instanceof Node && !root.contains(e.target)) openMenu(null)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [openMenu])
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])]
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement)
    const focusAt = (i: number) => buttons[(i + buttons.length) % buttons.length]?.focus()
    if (e.key === 'ArrowDown') focusAt(index + 1)
    else if (e.key === 'ArrowUp') focusAt(index - 1)
    else if (e.key === 'Home') focusAt(0)
    else if (e.key === 'End') focusAt(buttons.length - 1)
    else if (e.key === 'Escape') close(true)
    else if (e.key === 'Tab') {
      close(false)
      return
    } else return
    e.preventDefault()
    e.stopPropagation()
  }
  return (
    <ul ref={ref} id={menuId} className="actions-menu" role="menu" aria-labelledby={buttonId} onKeyDown={onKeyDown}>
      {items.map((item) => (
        <li key={item.label} role="none">
          <button type="button" role="menuitem" tabIndex={-1} className={item.isDanger ? 'menu-danger' : undefined} onClick={item.run}>
            {item.label}
          </button>
        </li>
      ))}
    </ul>
  )
}
