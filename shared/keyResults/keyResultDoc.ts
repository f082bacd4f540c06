import * as Y from 'yjs'
import { MAX_STATEMENT_LENGTH } from './keyResultTypes.ts'

/** Root of an objective's co-edited doc: keyResultId → its statement as Y.Text. */
export const STATEMENTS_MAP = 'statements'

export function statementsOf(doc: Y.Doc): Y.Map<Y.Text> {
  return doc.getMap<Y.Text>(STATEMENTS_MAP)
}

export function readStatement(doc: Y.Doc, keyResultId: string): string {
  return statementsOf(doc).get(keyResultId)?.toString() ?? ''
}

export type DocCheck = { ok: true } | { ok: false; reason: string }

/**
 * What a client's edit may leave behind in an objective's doc: the same statements (the server creates and removes
 * them), each plain text (no formatting or embeds) within the length limit, and no other root types.
 */
export function checkKeyResultDocShape(doc: Y.Doc, expectedIds: ReadonlySet<string>): DocCheck {
  for (const name of doc.share.keys()) {
    if (name !== STATEMENTS_MAP) return { ok: false, reason: 'Only key-result statements can be edited here.' }
  }
  const statements = statementsOf(doc)
  if (statements.size !== expectedIds.size) return { ok: false, reason: 'Key results are added and removed with commands.' }
  for (const [id, text] of statements.entries()) {
    if (!expectedIds.has(id) || !(text instanceof Y.Text)) return { ok: false, reason: 'Key results are added and removed with commands.' }
    if (text.length > MAX_STATEMENT_LENGTH) return { ok: false, reason: `A key result is at most ${MAX_STATEMENT_LENGTH} characters.` }
    for (const op of text.toDelta() as { insert: unknown; attributes?: unknown }[]) {
      if (typeof op.insert !== 'string' || op.attributes !== undefined) return { ok: false, reason: 'Statements are plain text.' }
    }
  }
  return { ok: true }
}
