import { createContext, useContext } from 'react'
import { CommandFailure, type MeetingClient } from '../../../../shared/client/MeetingClient.ts'
import type { CardRecord, ClusterRecord } from '../../../../shared/board/boardTypes.ts'
import { useBoardUi } from './boardUiStore.ts'

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

  /** Runs one command: marks what it touches as saving, then reports saved or the server's refusal. */
  async function run<R>(ids: string[], saving: string, send: () => Promise<R>, saved: (result: R) => string | null): Promise<R | null> {
    const seq = ui().setStatus({ phase: 'saving', text: saving })
    ui().markSaving(ids, true)
    try {
      const result = await send()
      const text = saved(result)
      if (ui().statusSeq === seq && text) ui().setStatus({ phase: 'saved', text })
      return result
    } catch (error) {
      const reason = error instanceof CommandFailure ? error.message : 'Something went wrong. Please try again.'
      ui().setStatus({ phase: 'failed', text: `Not saved: ${reason}` })
      return null
    } finally {
      ui().markSaving(ids, false)
    }
  }

  return {
    lookup,
    async merge(sourceId, targetId, title) {
      const source = cardTitle(lookup, sourceId)
      const result = await run(
        [sourceId, targetId],
        `Merging “${source}”…`,
        () => client.send({ type: 'mergeCards', sourceId, targetId, title }),
        () => `Merged “${source}” into “${title}”.`,
      )
      if (result) ui().revealCard(targetId, lookup.card(targetId)?.clusterId ?? null)
      return result !== null
    },
    async move(cardId, clusterId) {
      const title = cardTitle(lookup, cardId)
      const from = lookup.card(cardId)?.clusterId
      const where = clusterId ? `“${clusterName(lookup, clusterId)}”` : null
      const result = await run(
        [cardId, ...(clusterId ? [clusterId] : [])],
        where ? `Moving “${title}” to ${where}…` : `Taking “${title}” out of its cluster…`,
        () => client.send({ type: 'moveCard', cardId, clusterId }),
        () => (where ? `Moved “${title}” to ${where}.` : `Took “${title}” out of “${from ? clusterName(lookup, from) : 'its cluster'}”.`),
      )
      if (result) ui().revealCard(cardId, clusterId)
      return result !== null
    },
    async newCluster(cardId, name) {
      const title = cardTitle(lookup, cardId)
      const result = await run(
        [cardId],
        `Starting a cluster with “${title}”…`,
        () => client.send({ type: 'createCluster', cardId, ...(name ? { name } : {}) }),
        () => `Started cluster “${name ?? title}” with “${title}”. Rename it to say what the cards share.`,
      )
      if (result) ui().revealCard(cardId, result.clusterId)
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
