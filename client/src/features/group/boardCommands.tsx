import { createContext, useContext } from 'react'
import { CommandFailure, type MeetingClient } from '../../../../shared/client/MeetingClient.ts'
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

export const cardTitle = (lookup: BoardLookup, id: string) => lookup.card(id)?.title ?? 'this card'
export const clusterName = (lookup: BoardLookup, id: string) => lookup.cluster(id)?.name ?? 'this cluster'

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
      const reason = error instanceof CommandFailure ? error.message : 'Something went wrong. Please try again.'
      if (optimistic) {
        pending().drop(optimistic.seq)
        performance.mark(BOARD_MARKS.rolledBack)
        ui().setStatus({ phase: 'failed', text: `Not saved: ${reason} ${optimistic.rolledBack}` })
        optimistic.afterRollback?.()
      } else {
        ui().setStatus({ phase: 'failed', text: `Not saved: ${reason}` })
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
        `Merged “${source}” into “${title}”. Saving…`,
        () => client.send({ type: 'mergeCards', sourceId, targetId, title }),
        () => `Merged “${source}” into “${title}”.`,
        { seq, rolledBack: `“${source}” was not merged into “${target}”.`, afterRollback: revealAt(sourceId, sourceClusterId) },
      )
      return result !== null
    },
    async move(cardId, clusterId) {
      const title = cardTitle(lookup, cardId)
      const from = lookup.card(cardId)?.clusterId ?? null
      const where = clusterId ? `“${clusterName(lookup, clusterId)}”` : null
      const fromName = from ? clusterName(lookup, from) : 'its cluster'
      const seq = pending().add({ kind: 'move', cardId, clusterId })
      ui().revealCard(cardId, clusterId)
      const done = where ? `Moved “${title}” to ${where}.` : `Took “${title}” out of “${fromName}”.`
      const result = await run(
        [cardId, ...(clusterId ? [clusterId] : [])],
        `${done} Saving…`,
        () => client.send({ type: 'moveCard', cardId, clusterId }),
        () => done,
        { seq, rolledBack: `“${title}” was not moved.`, afterRollback: revealAt(cardId, from) },
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
        `Started cluster “${name ?? title}” with “${title}”. Saving…`,
        () => client.send({ type: 'createCluster', cardId, ...(name ? { name } : {}) }),
        () => `Started cluster “${name ?? title}” with “${title}”. Rename it to say what the cards share.`,
        { seq, realClusterId: (r) => r.clusterId, rolledBack: 'No cluster was started.', afterRollback: revealAt(cardId, from) },
      )
      return result !== null
    },
    async renameCluster(clusterId, name) {
      const result = await run(
        [clusterId],
        `Renaming the cluster…`,
        () => client.send({ type: 'renameCluster', clusterId, name }),
        () => `Renamed the cluster to “${name}”.`,
      )
      return result !== null
    },
    async retitle(cardId, title) {
      const result = await run(
        [cardId],
        `Renaming the card…`,
        () => client.send({ type: 'retitleCard', cardId, title }),
        () => `Renamed the card to “${title}”.`,
      )
      return result !== null
    },
    async hide(cardId) {
      const title = cardTitle(lookup, cardId)
      const result = await run(
        [cardId],
        `Hiding “${title}”…`,
        () => client.send({ type: 'hideCard', cardId }),
        () => `Hid “${title}” for everyone. Its text stays in the audit trail.`,
      )
      return result !== null
    },
    async undo() {
      const result = await run(
        [],
        'Undoing your last move…',
        () => client.send({ type: 'undoMove' }),
        (r) => (r.undone ? `Undone: ${r.undone}.` : null),
      )
      if (result && !result.undone) ui().setStatus({ phase: 'failed', text: `Could not undo: ${result.reason ?? 'nothing to undo.'}` })
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
