import { create } from 'zustand'

export type BoardDialog =
  | { kind: 'merge'; sourceId: string; targetId: string }
  | { kind: 'pickMergeTarget'; cardId: string }
  | { kind: 'pickCluster'; cardId: string }
  | { kind: 'hide'; cardId: string }

export interface PickedCard {
  id: string
  title: string
  clusterId: string | null
}

export type MoveStatus = { phase: 'idle' } | { phase: 'saving'; text: string } | { phase: 'saved'; text: string } | { phase: 'failed'; text: string }

/** Local UI state of the Group board (the board itself lives in the shared doc). */
interface BoardUiState {
  query: string
  /** May this person move cards now (canGroup)? */
  canMove: boolean
  isFacilitator: boolean
  hasClusters: boolean
  /** Phone width: cards are picked and placed with buttons (list-first) instead of handles and menus. */
  isCompact: boolean
  /** The card picked on a phone, waiting for the person to say where it goes. */
  picked: PickedCard | null
  openMenuCardId: string | null
  editingCardId: string | null
  editingClusterId: string | null
  expandedClusterIds: Record<string, true>
  dialog: BoardDialog | null
  /** The id of the element to focus when the dialog closes. */
  returnFocusId: string | null
  /** Cards and clusters with a command on its way to the server. */
  savingIds: Record<string, true>
  status: MoveStatus
  statusSeq: number
  /** After a move: where the moved card now is, for its column to scroll it into view (then cleared). */
  reveal: { cardId: string; clusterId: string | null } | null
  /** After a move: the card whose handle takes focus when it renders, if the move took focus away. */
  focusCardId: string | null
  revealCard(cardId: string, clusterId: string | null): void
  clearReveal(): void
  clearFocusCard(): void
  setQuery(query: string): void
  setFacts(facts: { canMove: boolean; isFacilitator: boolean; hasClusters: boolean; isCompact: boolean }): void
  pick(card: PickedCard | null): void
  openMenu(cardId: string | null): void
  editCard(cardId: string | null): void
  editCluster(clusterId: string | null): void
  toggleCluster(clusterId: string): void
  openDialog(dialog: BoardDialog, returnFocusId: string | null): void
  closeDialog(focusId?: string | null): void
  markSaving(ids: readonly string[], isSaving: boolean): void
  setStatus(status: MoveStatus): number
  clearStatus(): void
  reset(): void
}

const INITIAL = {
  query: '',
  canMove: false,
  isFacilitator: false,
  hasClusters: false,
  isCompact: false,
  picked: null,
  openMenuCardId: null,
  editingCardId: null,
  editingClusterId: null,
  expandedClusterIds: {},
  dialog: null,
  returnFocusId: null,
  savingIds: {},
  status: { phase: 'idle' } as MoveStatus,
  statusSeq: 0,
  reveal: null,
  focusCardId: null,
}

export const useBoardUi = create<BoardUiState>((set, get) => ({
  ...INITIAL,
  setQuery: (query) => set({ query }),
  setFacts: (facts) => set(facts.isCompact ? facts : { ...facts, picked: null }),
  pick: (picked) => set({ picked, openMenuCardId: null }),
  openMenu: (cardId) => set({ openMenuCardId: cardId }),
  editCard: (cardId) => set({ editingCardId: cardId, openMenuCardId: null }),
  editCluster: (clusterId) => set({ editingClusterId: clusterId }),
  toggleCluster: (clusterId) =>
    set((s) => {
      const next = { ...s.expandedClusterIds }
      if (next[clusterId]) delete next[clusterId]
      else next[clusterId] = true
      return { expandedClusterIds: next }
    }),
  // A dialog carries the picked card's move from here on (it has its own Cancel).
  openDialog: (dialog, returnFocusId) => set({ dialog, returnFocusId, openMenuCardId: null, picked: null }),
  closeDialog: (focusId) => {
    const target = focusId === undefined ? get().returnFocusId : focusId
    set({ dialog: null, returnFocusId: null })
    if (target) focusSoon(target)
  },
  markSaving: (ids, isSaving) =>
    set((s) => {
      const next = { ...s.savingIds }
      for (const id of ids) {
        if (isSaving) next[id] = true
        else delete next[id]
      }
      return { savingIds: next }
    }),
  setStatus: (status) => {
    const seq = get().statusSeq + 1
    set({ status, statusSeq: seq })
    return seq
  },
  clearStatus: () => set({ status: { phase: 'idle' } }),
  revealCard: (cardId, clusterId) => set({ reveal: { cardId, clusterId }, focusCardId: cardId }),
  clearReveal: () => set({ reveal: null }),
  clearFocusCard: () => set({ focusCardId: null }),
  reset: () => set(INITIAL),
}))

/** Focuses an element by id once React has rendered it; falls back to the board's search box. */
export function focusSoon(id: string, fallbackId: string | null = BOARD_SEARCH_ID): void {
  requestAnimationFrame(() => {
    const el = document.getElementById(id) ?? (fallbackId ? document.getElementById(fallbackId) : null)
    el?.focus()
  })
}

/** True when nothing useful has focus (a moved card re-rendered elsewhere and its old handle is gone). */
export function isFocusLost(): boolean {
  const active = document.activeElement
  return !active || active === document.body || !active.isConnected
}

export const BOARD_SEARCH_ID = 'qd-board-search'
export const cardHandleId = (cardId: string) => `qd-card-handle-${cardId}`
export const cardActionsId = (cardId: string) => `qd-card-actions-${cardId}`
export const PICKED_HEADING_ID = 'qd-picked-heading'
export const clusterRenameId = (clusterId: string) => `qd-cluster-rename-${clusterId}`
