import { useEffect, useState } from 'react'
import { statementsOf } from '../../../../shared/keyResults/keyResultDoc.ts'
import type { KeyResultDocClient } from '../../../../shared/client/KeyResultDocClient.ts'

/** Every statement of one objective's doc as plain text, kept live. */
export function useStatements(client: KeyResultDocClient | null): ReadonlyMap<string, string> {
  const [statements, setStatements] = useState<ReadonlyMap<string, string>>(new Map())
  useEffect(() => {
    if (!client) return
    const read = () => {
      const next = new Map<string, string>()
      statementsOf(client.doc).forEach((text, id) => next.set(id, text.toString()))
      setStatements(next)
    }
    read()
    client.doc.on('update', read)
    return () => client.doc.off('update', read)
  }, [client])
  return statements
}

/** Re-renders when statements are added or removed (not on every keystroke inside one). */
export function useStatementTexts(client: KeyResultDocClient | null): ReadonlyMap<string, import('yjs').Text> {
  const [texts, setTexts] = useState<ReadonlyMap<string, import('yjs').Text>>(new Map())
  useEffect(() => {
    if (!client) return
    const map = statementsOf(client.doc)
    const read = () => setTexts(new Map(map.entries()))
    read()
    map.observe(read)
    return () => map.unobserve(read)
  }, [client])
  return texts
}
