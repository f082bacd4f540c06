import { memo, useCallback, useEffect, useId } from 'react'
import { useDraggable, useDroppable, type DraggableAttributes } from '@dnd-kit/core'
import type { CardRecord } from '../../../../shared/board/boardTypes.ts'
import { MAX_OBJECTIVE_TITLE_LENGTH } from '../../../../shared/submissions/submissionTypes.ts'
import { cardActionsId, cardHandleId, focusSoon, isFocusLost, useBoardUi } from './boardUiStore.ts'
import { useBoardCommands } from './boardCommands.tsx'
import { cardDndId } from './boardDnd.ts'
import { peopleCount } from '../../../../shared/board/boardModel.ts'
import { CardActionsButton, CardActionsMenu } from './CardActionsMenu.tsx'
import { InlineRenameForm } from './InlineRenameForm.tsx'
import { PickOrPlaceButton } from './PickedCardBar.tsx'
import { useTranslation } from 'react-i18next'
import i18next from '../../i18n/i18n.ts'

/** Merged texts shown right under a card before the rest fold away. */
const MERGED_SHOWN = 3

/**
 * One card on the board: draggable (whole card with a mouse, long press on a phone, the handle with a keyboard),
 * a drop place for merging, and an Actions menu that does every move without dragging.
 */
export const BoardCard = memo(function BoardCard({ card }: { card: CardRecord }) {
  const canMove = useBoardUi((s) => s.canMove)
  const isSaving = useBoardUi((s) => s.savingIds[card.id] === true)
  const isFocusTarget = useBoardUi((s) => s.focusCardId === card.id)
  useEffect(() => {
    // The card a move just put somewhere else: its handle takes the focus the move took away.
    if (!isFocusTarget) return
    const frame = requestAnimationFrame(() => {
      // On a phone the card has no handle: its Pick button takes the focus instead.
      if (isFocusLost()) (document.getElementById(cardHandleId(card.id)) ?? document.getElementById(cardActionsId(card.id)))?.focus()
      useBoardUi.getState().clearFocusCard()
    })
    return () => cancelAnimationFrame(frame)
  }, [isFocusTarget, card.id])
  const id = cardDndId(card.id)
  const drag = useDraggable({ id, disabled: !canMove })
  const drop = useDroppable({ id, disabled: !canMove })
  const setRef = useCallback(
    (node: HTMLElement | null) => {
      drag.setNodeRef(node)
      drop.setNodeRef(node)
    },
    [drag.setNodeRef, drop.setNodeRef],
  )
  const titleId = useId()
  const isOver = drop.isOver && !drag.isDragging
  const isPicked = useBoardUi((s) => s.picked?.id === card.id)
  // A phone card has no handle, so dnd-kit would take Enter on its Pick button as "pick up": keys stay with the
  // buttons there (the long press still drags).
  const isCompact = useBoardUi((s) => s.isCompact)
  const listeners = isCompact ? withoutKeys(drag.listeners) : drag.listeners
  const className = ['board-card', drag.isDragging && 'is-dragging', isOver && 'is-over', isSaving && 'is-saving', isPicked && 'is-picked']
    .filter(Boolean)
    .join(' ')
  // reason: dnd-kit re-renders every draggable when the drag state changes (pick-up, each new place under the
  // pointer, drop); only this shell follows it, the card's contents are memoised below.
  return (
    <article ref={setRef} className={className} aria-labelledby={titleId} aria-busy={isSaving || undefined} {...(canMove ? listeners : {})}>
      <CardBody card={card} canMove={canMove} titleId={titleId} setHandleRef={drag.setActivatorNodeRef} handleAttributes={drag.attributes} />
      {isOver && <DropToMerge />}
      {isSaving && <p className="card-saving">Saving…</p>}
    </article>
  )
})

function withoutKeys(listeners: ReturnType<typeof useDraggable>['listeners']) {
  if (!listeners) return listeners
  const { onKeyDown: _keys, ...rest } = listeners
  return rest
}

const CardBody = memo(function CardBody({
  card,
  canMove,
  titleId,
  setHandleRef,
  handleAttributes,
}: {
  card: CardRecord
  canMove: boolean
  titleId: string
  setHandleRef(node: HTMLElement | null): void
  handleAttributes: DraggableAttributes
}) {
  const isEditing = useBoardUi((s) => s.editingCardId === card.id)
  const isCompact = useBoardUi((s) => s.isCompact)
  const isPicked = useBoardUi((s) => s.picked?.id === card.id)
  const menuId = useId()
  const { t } = useTranslation()
  return (
    <>
      <div className="card-top">
        {canMove && !isCompact && (
          <button
            type="button"
            id={cardHandleId(card.id)}
            ref={setHandleRef}
            className="card-handle"
            {...handleAttributes}
            aria-label={t('board.move', { title: card.title })}
          >
            <span aria-hidden="true">⠿</span>
          </button>
        )}
        {isEditing ? (
          <RetitleForm card={card} />
        ) : (
          <p className="card-title" id={titleId}>
            {card.title}
          </p>
        )}
        {canMove && !isEditing && !isCompact && <CardActionsButton card={card} menuId={menuId} />}
        {canMove && !isEditing && isCompact && <PickOrPlaceButton cardId={card.id} title={card.title} clusterId={card.clusterId} />}
      </div>
      {canMove && !isCompact && <CardActionsMenu card={card} menuId={menuId} />}
      {isPicked && <p className="visually-hidden">{t('board.pickedNote')}</p>}
      {isEditing && (
        <p className="visually-hidden" id={titleId}>
          {card.title}
        </p>
      )}
      <CardDetails card={card} />
    </>
  )
})

/** The parts of a card that only change with its record (kept out of the drag re-renders). */
const CardDetails = memo(function CardDetails({ card }: { card: CardRecord }) {
  const people = peopleCount(card)
  const { t } = useTranslation()
  const shown = card.merged.slice(0, MERGED_SHOWN)
  const folded = card.merged.slice(MERGED_SHOWN)
  return (
    <>
      <p className="card-meta">
        <span className="people-count">{t('board.people', { count: people })}</span>
      </p>
      {card.why && (
        <details className="card-why">
          <summary>{t('board.whyMatters')}</summary>
          <p>{card.why}</p>
        </details>
      )}
      {card.merged.length > 0 && (
        <div className="also-said">
          <p className="also-said-label">{t('board.alsoSaid')}</p>
          <ul>
            {shown.map((m, i) => (
              <li key={i}>{m.title}</li>
            ))}
          </ul>
          {folded.length > 0 && (
            <details>
              <summary>{t('board.moreTexts', { count: folded.length })}</summary>
              <ul>
                {folded.map((m, i) => (
                  <li key={i}>{m.title}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </>
  )
})

function RetitleForm({ card }: { card: CardRecord }) {
  const commands = useBoardCommands()
  const editCard = useBoardUi((s) => s.editCard)
  const close = () => {
    editCard(null)
    focusSoon(cardActionsId(card.id))
  }
  return (
    <InlineRenameForm
      label={i18next.t('dnd.cardTitle')}
      isLabelHidden
      initial={card.title}
      maxLength={MAX_OBJECTIVE_TITLE_LENGTH}
      saveLabel={i18next.t('common.save')}
      onSave={(title) => void commands.retitle(card.id, title)}
      onClose={close}
    />
  )
}

/** The card as it follows the pointer (no hooks: it is a picture of the card, not the card). */
export function CardPreview({ card }: { card: CardRecord }) {
  return (
    <div className="board-card is-preview">
      <p className="card-title">{card.title}</p>
      <p className="card-meta">{i18next.t('board.people', { count: peopleCount(card) })}</p>
    </div>
  )
}

function DropToMerge() {
  const { t } = useTranslation()
  return (
    <p className="drop-hint" aria-hidden="true">
      {t('board.dropToMerge')}
    </p>
  )
}
