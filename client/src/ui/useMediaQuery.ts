import { useSyncExternalStore } from 'react'

/** Whether a CSS media query matches now, following changes (a phone turned sideways, a window resized). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query)
      list.addEventListener('change', onChange)
      return () => list.removeEventListener('change', onChange)
    },
    () => window.matchMedia(query).matches,
    () => false,
  )
}

/** Phones: the width below which the meeting's pages stack into one column. */
export const PHONE_QUERY = '(max-width: 720px)'
