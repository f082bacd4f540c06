import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { cardActionsId, focusSoon, PICKED_HEADING_ID, useBoardUi, type PickedCard } from './boardUiStore.ts'
import { useBoardCommands } from './boardCommands.tsx'

/**
 * Phones, step 2 of "pick, then place": the picked card's choices, docked at the bottom of the screen within thumb
 * reach. The list above offers "Merge here" on every other card and "Add here" on every cluster; these buttons do
 * the same through searchable pickers, plus the moves that have no place in the list (new cluster, take out).
 */
export function PickedCardBar() {
  const picked = useBoardUi((s) => s.picked)
  return picked ? <Choices picked={picked} /> : null
}

function Choices({ picked }: { picked: PickedCard }) {
  const commands = useBoardCommands()
  const hasClusters = useBoardUi((s) => s.hasClusters)
  const isFacilitator = useBoardUi((s) => s.isFacilitator)
  const { pick, openDialog, editCard } = useBoardUi.getState()
  const { t } = useTranslation()
  const pickButtonId = cardActionsId(picked.id)
  useEffect(() => {
    // Screen readers hear what was picked and what comes next; keyboards land on the choices.
    focusSoon(PICKED_HEADING_ID, null)
  }, [picked.id])
  useEffect(() => {
    // Escape puts the card back from anywhere on the page (the list's "Merge here" buttons included).
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return
      e.preventDefault()
      useBoardUi.getState().pick(null)
      focusSoon(pickButtonId)
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [pickButtonId])
  const cancel = () => {
    pick(null)
    focusSoon(pickButtonId)
  }
  const run = (move: () => Promise<unknown>) => {
    pick(null)
    void move()
  }
  return (
    <section className="picked-bar" aria-labelledby={PICKED_HEADING_ID}>
      <h3 id={PICKED_HEADING_ID} tabIndex={-1}>
        <span className="picked-label">{t('board.picked')}</span> {picked.title}
      </h3>
      <p className="hint">{t('board.pickedHint')}</p>
      <div className="picked-choices">
        <button type="button" onClick={() => openDialog({ kind: 'pickMergeTarget', cardId: picked.id }, pickButtonId)}>
          {t('board.mergeInto')}
        </button>
        {hasClusters && (
          <button type="button" onClick={() => openDialog({ kind: 'pickCluster', cardId: picked.id }, pickButtonId)}>
            {t('board.addToCluster')}
          </button>
        )}
        <button type="button" className="secondary" onClick={() => run(() => commands.newCluster(picked.id))}>
          {t('board.newClusterWith')}
        </button>
        {picked.clusterId && (
          <button type="button" className="secondary" onClick={() => run(() => commands.move(picked.id, null))}>
            {t('board.takeOut')}
          </button>
        )}
        <button
          type="button"
          className="secondary"
          onClick={() => {
            pick(null)
            editCard(picked.id)
          }}
        >
          {t('board.renameCard')}
        </button>
        {isFacilitator && (
          <button type="button" className="secondary danger" onClick={() => openDialog({ kind: 'hide', cardId: picked.id }, pickButtonId)}>
            {t('board.hide')}
          </button>
        )}
        <button type="button" className="link" onClick={cancel}>
          {t('common.cancel')}
        </button>
      </div>
    </section>
  )
}

/**
 * Phones, step 1: the card's one button. Nothing picked: "Pick". This card picked: "Picked" (press to put it
 * back). Another card picked: "Merge here", which opens the merge dialog for the two.
 */
export function PickOrPlaceButton({ cardId, title, clusterId }: { cardId: string; title: string; clusterId: string | null }) {
  const picked = useBoardUi((s) => s.picked)
  const { pick, openDialog } = useBoardUi.getState()
  const { t } = useTranslation()
  const id = cardActionsId(cardId)
  if (picked && picked.id !== cardId) {
    return (
      <button
        type="button"
        id={id}
        className="small place-button"
        aria-label={t('board.mergeHereLabel', { source: picked.title, target: title })}
        onClick={() => openDialog({ kind: 'merge', sourceId: picked.id, targetId: cardId }, id)}
      >
        {t('board.mergeHere')}
      </button>
    )
  }
  const isPicked = picked?.id === cardId
  return (
    <button
      type="button"
      id={id}
      className={`small pick-button${isPicked ? '' : ' secondary'}`}
      aria-pressed={isPicked}
      aria-label={t('board.pickLabel', { title })}
      onClick={() => (isPicked ? pick(null) : pick({ id: cardId, title, clusterId }))}
    >
      {isPicked ? t('board.pickedButton') : t('board.pick')}
    </button>
  )
}

/** Phones: "Add here" on a cluster while a card from elsewhere is picked. */
export function AddHereButton({ clusterId, name }: { clusterId: string; name: string }) {
  const picked = useBoardUi((s) => (s.picked && s.picked.clusterId !== clusterId ? s.picked : null))
  const commands = useBoardCommands()
  const { t } = useTranslation()
  if (!picked) return null
  return (
    <button
      type="button"
      className="small place-button"
      aria-label={t('board.addHereLabel', { source: picked.title, name })}
      onClick={() => {
        useBoardUi.getState().pick(null)
        void commands.move(picked.id, clusterId)
      }}
    >
      {t('board.addHere')}
    </button>
  )
}

/** Phones: "Start a new cluster with it" in the New cluster zone while a card is picked. */
export function NewClusterHereButton() {
  const picked = useBoardUi((s) => s.picked)
  const commands = useBoardCommands()
  const { t } = useTranslation()
  if (!picked) return null
  return (
    <button
      type="button"
      className="small place-button"
      aria-label={t('board.newClusterHereLabel', { source: picked.title })}
      onClick={() => {
        useBoardUi.getState().pick(null)
        void commands.newCluster(picked.id)
      }}
    >
      {t('board.newClusterHere')}
    </button>
  )
}
