import type { BoardChange, BoardPatch, BoardReader, BoardResult, CardRecord, ClusterRecord } from './boardTypes.ts'

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])]

function changeOf(board: BoardReader, label: string, after: BoardPatch): BoardChange {
  const before: BoardPatch = { cards: {}, clusters: {} }
  for (const id of Object.keys(after.cards)) before.cards[id] = board.card(id) ?? null
  for (const id of Object.keys(after.clusters)) before.clusters[id] = board.cluster(id) ?? null
  return { label, after, before }
}

function missingCard(): BoardResult {
  return { ok: false, code: 'not_found', reason: 'That card is no longer on the board (it may have just been merged).' }
}

/**
 * Merges `sourceId` into `targetId`: one card remains with the chosen title; authors, supporters and the
 * merged texts carry over; the source's cluster loses a card (and disappears if that was its last).
 */
export function mergeCards(board: BoardReader, sourceId: string, targetId: string, title: string): BoardResult {
  if (sourceId === targetId) return { ok: false, code: 'bad_command', reason: 'A card cannot be merged into itself.' }
  const source = board.card(sourceId)
  const target = board.card(targetId)
  if (!source) return missingCard()
  if (!target) return missingCard()
  const trimmed = title.trim()
  if (!trimmed) return { ok: false, code: 'bad_command', reason: 'The merged card needs a title.' }
  const mergedTexts = [
    ...target.merged,
    ...(trimmed !== target.title ? [{ title: target.title, why: target.why }] : []),
    ...(trimmed !== source.title ? [{ title: source.title, why: source.why }] : []),
    ...source.merged,
  ]
  const kept: CardRecord = {
    ...target,
    title: trimmed,
    why: trimmed === source.title ? source.why || target.why : target.why || source.why,
    authorIds: union(target.authorIds, source.authorIds),
    supporterIds: union(target.supporterIds, source.supporterIds).filter((id) => !union(target.authorIds, source.authorIds).includes(id)),
    merged: dedupeTexts(mergedTexts, trimmed),
    submissionIds: union(target.submissionIds, source.submissionIds),
  }
  const after: BoardPatch = { cards: { [targetId]: kept, [sourceId]: null }, clusters: {} }
  dropClusterIfEmptied(board, source.clusterId, 1, after)
  return { ok: true, change: changeOf(board, `Merged “${source.title}” into “${trimmed}”`, after) }
}

function dedupeTexts(texts: { title: string; why: string }[], keptTitle: string) {
  const seen = new Set<string>([keptTitle.toLowerCase()])
  return texts.filter((t) => {
    const key = t.title.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Removes a cluster that `leaving` cards are about to leave, if nothing else stays in it. */
function dropClusterIfEmptied(board: BoardReader, clusterId: string | null, leaving: number, patch: BoardPatch): void {
  if (!clusterId) return
  if (board.cardsInCluster(clusterId) - leaving <= 0 && board.cluster(clusterId)) patch.clusters[clusterId] = null
}

/** Puts a card into a cluster, or out of any cluster with `clusterId: null`. */
export function moveCard(board: BoardReader, cardId: string, clusterId: string | null): BoardResult {
  const card = board.card(cardId)
  if (!card) return missingCard()
  if (clusterId !== null && !board.cluster(clusterId)) {
    return { ok: false, code: 'not_found', reason: 'That cluster no longer exists.' }
  }
  if (card.clusterId === clusterId) return { ok: false, code: 'conflict', reason: 'The card is already there.' }
  const target = clusterId ? board.cluster(clusterId) : undefined
  const after: BoardPatch = { cards: { [cardId]: { ...card, clusterId } }, clusters: {} }
  dropClusterIfEmptied(board, card.clusterId, 1, after)
  const label = target ? `Moved “${card.title}” to “${target.name}”` : `Took “${card.title}” out of its cluster`
  return { ok: true, change: changeOf(board, label, after) }
}

/** Starts a new cluster with one card in it (a card dropped on empty board space). */
export function createCluster(board: BoardReader, cardId: string, cluster: ClusterRecord): BoardResult {
  const card = board.card(cardId)
  if (!card) return missingCard()
  if (board.cluster(cluster.id)) return { ok: false, code: 'conflict', reason: 'That cluster already exists.' }
  const name = cluster.name.trim() || card.title
  const after: BoardPatch = {
    cards: { [cardId]: { ...card, clusterId: cluster.id } },
    clusters: { [cluster.id]: { ...cluster, name } },
  }
  dropClusterIfEmptied(board, card.clusterId, 1, after)
  return { ok: true, change: changeOf(board, `Started cluster “${name}” with “${card.title}”`, after) }
}

/** Groups several cards into a new cluster at once (an accepted suggestion). */
export function clusterCards(board: BoardReader, cardIds: readonly string[], cluster: ClusterRecord): BoardResult {
  const cards = cardIds.map((id) => board.card(id))
  if (cards.some((c) => !c)) return missingCard()
  if (board.cluster(cluster.id)) return { ok: false, code: 'conflict', reason: 'That cluster already exists.' }
  const after: BoardPatch = { cards: {}, clusters: { [cluster.id]: cluster } }
  const leaving = new Map<string, number>()
  for (const card of cards as CardRecord[]) {
    after.cards[card.id] = { ...card, clusterId: cluster.id }
    if (card.clusterId) leaving.set(card.clusterId, (leaving.get(card.clusterId) ?? 0) + 1)
  }
  for (const [id, n] of leaving) dropClusterIfEmptied(board, id, n, after)
  return { ok: true, change: changeOf(board, `Clustered ${cards.length} cards as “${cluster.name}”`, after) }
}

export function renameCluster(board: BoardReader, clusterId: string, name: string): BoardResult {
  const cluster = board.cluster(clusterId)
  if (!cluster) return { ok: false, code: 'not_found', reason: 'That cluster no longer exists.' }
  const trimmed = name.trim()
  if (!trimmed) return { ok: false, code: 'bad_command', reason: 'A cluster needs a name.' }
  return {
    ok: true,
    change: changeOf(board, `Renamed cluster “${cluster.name}” to “${trimmed}”`, { cards: {}, clusters: { [clusterId]: { ...cluster, name: trimmed } } }),
  }
}

export function retitleCard(board: BoardReader, cardId: string, title: string): BoardResult {
  const card = board.card(cardId)
  if (!card) return missingCard()
  const trimmed = title.trim()
  if (!trimmed) return { ok: false, code: 'bad_command', reason: 'A card needs a title.' }
  const merged = trimmed === card.title ? card.merged : dedupeTexts([{ title: card.title, why: card.why }, ...card.merged], trimmed)
  return {
    ok: true,
    change: changeOf(board, `Renamed “${card.title}” to “${trimmed}”`, { cards: { [cardId]: { ...card, title: trimmed, merged } }, clusters: {} }),
  }
}

/** Undo is exact or refused: it applies only if every record the move touched is still as the move left it. */
export function undoChange(board: BoardReader, change: BoardChange): BoardResult {
  for (const [id, expected] of Object.entries(change.after.cards)) {
    if (!sameJson(board.card(id) ?? null, expected)) return conflict()
  }
  for (const [id, expected] of Object.entries(change.after.clusters)) {
    if (!sameJson(board.cluster(id) ?? null, expected)) return conflict()
  }
  return { ok: true, change: { label: `Undid: ${change.label}`, after: change.before, before: change.after } }
}

function conflict(): BoardResult {
  return { ok: false, code: 'conflict', reason: 'Someone has changed these cards since your move, so it cannot be undone exactly.' }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** A board as plain data (for tests, exports and the client). */
export function boardReaderOf(cards: readonly CardRecord[], clusters: readonly ClusterRecord[]): BoardReader {
  const cardMap = new Map(cards.map((c) => [c.id, c]))
  const clusterMap = new Map(clusters.map((c) => [c.id, c]))
  return {
    card: (id) => cardMap.get(id),
    cluster: (id) => clusterMap.get(id),
    cardsInCluster: (clusterId) => cards.filter((c) => c.clusterId === clusterId).length,
  }
}

/** Applies a patch to plain data (tests; the server applies patches to the Y.Doc instead). */
export function applyPatch(cards: readonly CardRecord[], clusters: readonly ClusterRecord[], patch: BoardPatch) {
  const cardMap = new Map(cards.map((c) => [c.id, c]))
  const clusterMap = new Map(clusters.map((c) => [c.id, c]))
  for (const [id, value] of Object.entries(patch.cards)) value ? cardMap.set(id, value) : cardMap.delete(id)
  for (const [id, value] of Object.entries(patch.clusters)) value ? clusterMap.set(id, value) : clusterMap.delete(id)
  return { cards: [...cardMap.values()], clusters: [...clusterMap.values()] }
}

/** Several moves as one undoable step: each record's state before the first and after the last. */
export function combineChanges(label: string, changes: readonly BoardChange[]): BoardChange {
  const before: BoardPatch = { cards: {}, clusters: {} }
  const after: BoardPatch = { cards: {}, clusters: {} }
  for (const change of changes) {
    for (const [id, value] of Object.entries(change.before.cards)) if (!(id in before.cards)) before.cards[id] = value
    for (const [id, value] of Object.entries(change.before.clusters)) if (!(id in before.clusters)) before.clusters[id] = value
    Object.assign(after.cards, change.after.cards)
    Object.assign(after.clusters, change.after.clusters)
  }
  return { label, before, after }
}
