import { createContext, useContext } from 'react'
import type { MeetingClient } from '../../../../shared/client/MeetingClient.ts'
import { describeFailure } from '../../i18n/describeFailure.ts'
import i18next from '../../i18n/i18n.ts'
import { translateServerLabel } from '../../i18n/serverMessages.ts'
import type { CardRecord, ClusterRecord } from '../../../../shared/board/boardTypes.ts'
import { useBoardUi } from './boardUiStore.ts'
import { pendingClusterId, usePendingMoves } from './pendingMoves.ts'
import { BOARD_MARKS } from './boardMarks.ts'

/** How a command shows before its reply, and what the board says if it is refused. */
interface Optimistic<R> {
  seq: number
  realClusterId?: (result: R) => string
  rolledBack: string
  afterRollback?: () => void
}

/** The board's latest records by id, read when a command or an announcement needs a title. */
export interface BoardLookup {
  card(id: string): CardRecord | undefined
  cluster(id: string): ClusterRecord | undefined
}

/** Every board move, with its saving state and the server's sentence on refusal shown in the board status. */
export interface BoardCommands {
  lookup: BoardLookup
  merge(sourceId: string, targetId: string, title: string): Promise<boolean>
  move(cardId: string, clusterId: string | null): Promise<boolean>
  newCluster(cardId: string, name?: string): Promise<boolean>
  renameCluster(clusterId: string, name: string): Promise<boolean>
  retitle(cardId: string, title: string): Promise<boolean>
  hide(cardId: string): Promise<boolean>
  undo(): Promise<boolean>
}

// Statuses are made outside React (after a reply), so they read the current language from i18next directly.
const t = i18next.t.bind(i18next)

export const cardTitle = (lookup: BoardLookup, id: string) => lookup.card(id)?.title ?? t('status.thisCard')
export const clusterName = (lookup: BoardLookup, id: string) => lookup.cluster(id)?.name ?? t('status.thisCluster')

export function makeBoardCommands(client: MeetingClient, lookup: BoardLookup): BoardCommands {
  const ui = () => useBoardUi.getState()
  const pending = () => usePendingMoves.getState()

  /**
   * Runs one command: marks what it touches as saving, then reports saved or the server's refusal. An optimistic
   * move is already on screen; it is confirmed by the reply, or rolled back (with the reason) by a refusal.
   */
  async function run<R>(
    ids: string[],
    saving: string,
    send: () => Promise<R>,
    saved: (result: R) => string | null,
    optimistic?: Optimistic<R>,
  ): Promise<R | null> {
    const seq = ui().setStatus({ phase: 'saving', text: saving })
    ui().markSaving(ids, true)
    try {
      const result = await send()
      if (optimistic) {
        pending().confirm(optimistic.seq, optimistic.realClusterId?.(result))
        performance.mark(BOARD_MARKS.confirmed)
      }
      const text = saved(result)
      if (ui().statusSeq === seq && text) ui().setStatus({ phase: 'saved', text })
      return result
    } catch (error) {
      const reason = describeFailure(error, true)
      if (optimistic) {
        pending().drop(optimistic.seq)
        performance.mark(BOARD_MARKS.rolledBack)
        ui().setStatus({ phase: 'failed', text: t('status.notSavedRolledBack', { reason, rolledBack: optimistic.rolledBack }) })
        optimistic.afterRollback?.()
      } else {
        ui().setStatus({ phase: 'failed', text: t('status.notSaved', { reason }) })
      }
      return null
    } finally {
      ui().markSaving(ids, false)
    }
  }

  /** After a rollback the card is back where it was: scroll it into view and give its handle the focus. */
  const revealAt = (cardId: string, clusterId: string | null) => () => ui().revealCard(cardId, clusterId)

  return {
    lookup,
    async merge(sourceId, targetId, title) {
      const source = cardTitle(lookup, sourceId)
      const target = cardTitle(lookup, targetId)
      const clusterId = lookup.card(targetId)?.clusterId ?? null
      const sourceClusterId = lookup.card(sourceId)?.clusterId ?? null
      const seq = pending().add({ kind: 'merge', sourceId, targetId, title })
      ui().revealCard(targetId, clusterId)
      const result = await run(
        [targetId],
        t('status.saving', { done: t('status.merged', { source, title }) }),
        () => client.send({ type: 'mergeCards', sourceId, targetId, title }),
        () => t('status.merged', { source, title }),
        { seq, rolledBack: t('status.notMerged', { source, target }), afterRollback: revealAt(sourceId, sourceClusterId) },
      )
      return result !== null
    },
    async move(cardId, clusterId) {
      const title = cardTitle(lookup, cardId)
      const from = lookup.card(cardId)?.clusterId ?? null
      const where = clusterId ? clusterName(lookup, clusterId) : null
      const fromName = from ? clusterName(lookup, from) : t('status.itsCluster')
      const seq = pending().add({ kind: 'move', cardId, clusterId })
      ui().revealCard(cardId, clusterId)
      const done = where ? t('status.moved', { title, where }) : t('status.tookOut', { title, from: fromName })
      const result = await run(
        [cardId, ...(clusterId ? [clusterId] : [])],
        t('status.saving', { done }),
        () => client.send({ type: 'moveCard', cardId, clusterId }),
        () => done,
        { seq, rolledBack: t('status.notMoved', { title }), afterRollback: revealAt(cardId, from) },
      )
      return result !== null
    },
    async newCluster(cardId, name) {
      const title = cardTitle(lookup, cardId)
      const from = lookup.card(cardId)?.clusterId ?? null
      const seq = pending().add({ kind: 'newCluster', cardId, name: name ?? '', tempClusterId: '', createdAt: Date.now() })
      const temp = pendingClusterId(seq)
      ui().revealCard(cardId, temp)
      const result = await run(
        [cardId],
        t('status.saving', { done: t('status.started', { name: name ?? title, title }) }),
        () => client.send({ type: 'createCluster', cardId, ...(name ? { name } : {}) }),
        () => t('status.startedRename', { name: name ?? title, title }),
        { seq, realClusterId: (r) => r.clusterId, rolledBack: t('status.noCluster'), afterRollback: revealAt(cardId, from) },
      )
      return result !== null
    },
    async renameCluster(clusterId, name) {
      const result = await run(
        [clusterId],
        t('status.renamingCluster'),
        () => client.send({ type: 'renameCluster', clusterId, name }),
        () => t('status.renamedCluster', { name }),
      )
      return result !== null
    },
    async retitle(cardId, title) {
      const result = await run(
        [cardId],
        t('status.renamingCard'),
        () => client.send({ type: 'retitleCard', cardId, title }),
        () => t('status.renamedCard', { title }),
      )
      return result !== null
    },
    async hide(cardId) {
      const title = cardTitle(lookup, cardId)
      const result = await run(
        [cardId],
        t('status.hiding', { title }),
        () => client.send({ type: 'hideCard', cardId }),
        () => t('status.hid', { title }),
      )
      return result !== null
    },
    async undo() {
      const result = await run(
        [],
        t('status.undoing'),
        () => client.send({ type: 'undoMove' }),
        (r) => (r.undone ? t('status.undone', { what: translateServerLabel(t, r.undone, 'boardLabel') }) : null),
      )
      if (result && !result.undone) {
        const reason = result.reason ? describeFailure(new Error(result.reason)) : t('status.nothingToUndo')
        ui().setStatus({ phase: 'failed', text: t('status.couldNotUndo', { reason }) })
      }
      return result !== null && result.undone !== null
    },
  }
}

export const BoardCommandsContext = createContext<BoardCommands | null>(null)

/** The board's commands; the value never changes while the board is open, so reading it re-renders nothing. */
export function useBoardCommands(): BoardCommands {
  const value = useContext(BoardCommandsContext)
  if (!value) throw new Error('useBoardCommands outside the Group board')
  return value
}
