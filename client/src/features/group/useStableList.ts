import { useRef } from 'react'

/**
 * The previous array while every element is the same object: the meeting snapshot is rebuilt on each doc update
 * (a presence change included) but unchanged records keep their identity, so the board's derived model and its
 * memoised rows survive updates that do not touch them. One pointer comparison per element.
 */
export function useStableList<T>(list: readonly T[]): readonly T[] {
  const ref = useRef(list)
  const previous = ref.current
  if (previous !== list && (previous.length !== list.length || previous.some((item, i) => item !== list[i]))) ref.current = list
  return ref.current
}
