import { useEffect, useRef, useState } from 'react'
import type { PersonMatch } from '../../../../shared/presence/presenceTypes.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useConnection } from '../../state/connectionStore.ts'

export type PeopleSearch =
  | { state: 'loading' | 'ready'; people: PersonMatch[]; total: number }
  | { state: 'failed'; people: PersonMatch[]; total: number; message: string }

/**
 * How long the list may lag the counts: a moment in a small room; ten in a big one, where thousands of open
 * panels each asking every second would be thousands of searches a second.
 */
const REFRESH_GAP_MS = 300
const BIG_ROOM_REFRESH_GAP_MS = 10_000
const BIG_ROOM = 200

/**
 * Asks the server for the first names matching `query` (names are not in the shared doc). Runs again when the
 * query changes and, at most once a second, when `changeKey` (the presence counts) says the room changed.
 */
export function usePeopleSearch(query: string, changeKey: string, roomSize: number): PeopleSearch {
  const { client } = useMeeting()
  const isJoined = useConnection((s) => s.identity !== null && s.status === 'connected')
  const [result, setResult] = useState<PeopleSearch>({ state: 'loading', people: [], total: 0 })
  const [tick, setTick] = useState(0)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(() => {
    // A throttle, not a debounce: during a join storm the list still refreshes every second.
    timer.current ??= setTimeout(
      () => {
        timer.current = null
        setTick((t) => t + 1)
      },
      roomSize > BIG_ROOM ? BIG_ROOM_REFRESH_GAP_MS : REFRESH_GAP_MS,
    )
  }, [changeKey, roomSize])
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
    },
    [],
  )
  useEffect(() => {
    if (!isJoined) return
    let isCurrent = true
    setResult((r) => (r.state === 'failed' ? { state: 'loading', people: [], total: 0 } : r))
    client
      .send({ type: 'findPeople', query, limit: 100 })
      .then((r) => isCurrent && setResult({ state: 'ready', people: r.people, total: r.total }))
      .catch((e: Error) => isCurrent && setResult({ state: 'failed', people: [], total: 0, message: e.message }))
    return () => {
      isCurrent = false
    }
  }, [client, query, isJoined, tick])
  return result
}
